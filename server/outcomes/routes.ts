// Outcome statements: record, read, find, revise, move through the lifecycle, translate.
import type { RouteDef } from '../http/types';
import * as service from './service';

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/outcomes', tag: 'outcomes', summary: 'Find outcomes (filters, full-text search, paging)', access: 'user', query: 'outcomes#/$defs/listQuery', response: 'outcomes#/$defs/outcomeList', handler: service.list },
  { method: 'post', path: '/api/outcomes', tag: 'outcomes', summary: 'Record an outcome (as a draft)', access: ['partner', 'admin'], body: 'outcomes#/$defs/outcomeCreate', response: 'outcomes#/$defs/outcome', status: 201, handler: service.create },
  { method: 'get', path: '/api/outcomes/:id', tag: 'outcomes', summary: 'One outcome with its translations', access: 'user', response: 'outcomes#/$defs/outcome', handler: service.get },
  { method: 'patch', path: '/api/outcomes/:id', tag: 'outcomes', summary: 'Edit an outcome (partner: own draft; evaluator: under review)', access: ['partner', 'evaluator', 'admin'], body: 'outcomes#/$defs/outcomePatch', response: 'outcomes#/$defs/outcome', handler: service.update },
  { method: 'delete', path: '/api/outcomes/:id', tag: 'outcomes', summary: 'Withdraw your own draft (kept for the audit)', access: ['partner', 'admin'], status: 204, handler: service.retractDraft },
  { method: 'post', path: '/api/outcomes/:id/transitions', tag: 'outcomes', summary: 'Move an outcome through its lifecycle', access: ['partner', 'evaluator', 'admin'], body: 'outcomes#/$defs/transition', response: 'outcomes#/$defs/outcome', handler: service.transition },
  { method: 'get', path: '/api/outcomes/:id/revisions', tag: 'outcomes', summary: 'Every change to an outcome', access: 'user', handler: service.revisions },
  { method: 'post', path: '/api/outcomes/:id/translations', tag: 'outcomes', summary: "Add a translation of an outcome's text", access: ['partner', 'evaluator', 'admin'], body: 'outcomes#/$defs/translationCreate', status: 201, handler: service.addTranslation },
];
