// Outcome chains: which outcome contributes to which, and the pathway around one outcome.
import type { RouteDef } from '../http/types';
import * as service from './service';

export const routes: RouteDef[] = [
  { method: 'post', path: '/api/outcomes/:id/links', tag: 'chains', summary: 'Link an outcome to one it contributes to', access: ['partner', 'evaluator', 'admin'], body: 'review#/$defs/linkCreate', response: 'review#/$defs/outcomeLink', status: 201, handler: service.create },
  { method: 'get', path: '/api/outcomes/:id/chain', tag: 'chains', summary: 'The chain of outcomes around one, as far as you may see it', access: 'user', response: 'review#/$defs/chain', handler: service.chain },
];
