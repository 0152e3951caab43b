// The rules of the record kinds, published as data (rules.ts).
import type { RouteDef } from '../http/types';
import { rules } from './rules';

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/rules', tag: 'frameworks', summary: 'The completeness rule and the lifecycle of each record kind, as data for the client to cache', access: 'user', handler: rules },
];
