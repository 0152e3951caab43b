// Outcome chains: which outcome contributes to which, and the pathway around one outcome.
import type { RouteDef } from '../http/types';
import * as service from './service';

export const routes: RouteDef[] = [
  { method: 'post', path: '/api/outcomes/:id/links', tag: 'chains', summary: 'Link an outcome to one it contributes to, or works against', access: ['partner', 'evaluator', 'admin'], body: 'review#/$defs/linkCreate', response: 'review#/$defs/outcomeLink', status: 201, handler: service.create },
  { method: 'delete', path: '/api/outcomes/:id/links/:linkId', tag: 'chains', summary: 'Remove a link from or to this outcome (kept in its history)', access: ['partner', 'evaluator', 'admin'], status: 204, handler: service.remove },
  { method: 'get', path: '/api/outcomes/:id/chain', tag: 'chains', summary: 'The chain of outcomes around one, as far as you may see it', access: 'user', response: 'review#/$defs/chain', handler: service.chain },
];
