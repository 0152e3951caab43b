// Domains of change of a harvest (Most Significant Change), with the two recommended ones.
import type { RouteDef } from '../http/types';
import * as service from './service';

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/harvests/:id/domains', tag: 'stories', summary: "A harvest's domains of change (the two recommended ones always first)", access: 'user', response: 'domains#/$defs/domainList', handler: service.list },
  { method: 'post', path: '/api/harvests/:id/domains', tag: 'stories', summary: 'Add a domain of change to a harvest', access: ['evaluator', 'admin'], body: 'domains#/$defs/domainCreate', response: 'domains#/$defs/domain', status: 201, handler: service.add },
  { method: 'patch', path: '/api/harvests/:id/domains/:code', tag: 'stories', summary: 'Rename a domain of change, or name it in French, Arabic and Dutch (its code stays)', access: ['evaluator', 'admin'], body: 'domains#/$defs/domainPatch', response: 'domains#/$defs/domain', handler: service.update },
];
