// One search over outcomes, stories and fragments.
import type { RouteDef } from '../http/types';
import * as service from './service';

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/search', tag: 'search', summary: 'Search outcomes, stories and fragments at once (kind as a facet; the same filters and visibility rules)', access: 'user', query: 'search#/$defs/query', response: 'search#/$defs/results', handler: service.search },
];
