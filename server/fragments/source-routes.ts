// Research sources that fragments are excerpted from.
import type { RouteDef } from '../http/types';
import * as service from './sources';

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/sources', tag: 'fragments', summary: 'Find research sources', access: 'user', query: 'fragments#/$defs/sourceListQuery', response: 'fragments#/$defs/sourceList', handler: service.list },
  { method: 'post', path: '/api/sources', tag: 'fragments', summary: 'Record a research source', access: ['partner', 'evaluator', 'admin'], body: 'fragments#/$defs/sourceCreate', response: 'fragments#/$defs/source', status: 201, handler: service.create },
  { method: 'get', path: '/api/sources/:id', tag: 'fragments', summary: 'One research source', access: 'user', response: 'fragments#/$defs/source', handler: service.get },
  { method: 'patch', path: '/api/sources/:id', tag: 'fragments', summary: 'Correct a research source', access: ['partner', 'evaluator', 'admin'], body: 'fragments#/$defs/sourcePatch', response: 'fragments#/$defs/source', handler: service.update },
];
