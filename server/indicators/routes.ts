// Quantitative indicators and their values: read, record, revise, retire; enter values one by one
// or in bulk; progress against baseline and target.
import type { Ctx, RouteDef } from '../http/types';
import { revisionsOf } from '../revisions/log';
import * as service from './service';
import * as values from './values';
import { progress } from './progress';
import { seesFullRecord } from './access';

const WRITERS = ['admin', 'evaluator', 'partner'] as const;

async function revisions(ctx: Ctx) {
  const i = await service.load(ctx, ctx.params.id);
  const full = seesFullRecord(ctx.user, { programme_id: i.programme?.id ?? null, organisation_id: i.organisation?.id ?? null });
  return { items: await revisionsOf(ctx.db, ctx.app.keyring, 'indicator', i.id, full ? undefined : (_f, v) => v) };
}

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/indicators', tag: 'indicators', summary: 'Find indicators (by goal, programme or code)', access: 'user', query: 'indicators#/$defs/listQuery', response: 'indicators#/$defs/indicatorList', handler: service.list },
  { method: 'post', path: '/api/indicators', tag: 'indicators', summary: 'Record an indicator (global: admins; a programme\'s: its evaluators; a partner\'s own)', access: WRITERS, body: 'indicators#/$defs/indicatorCreate', response: 'indicators#/$defs/indicator', status: 201, handler: service.create },
  { method: 'get', path: '/api/indicators/:id', tag: 'indicators', summary: 'One indicator', access: 'user', response: 'indicators#/$defs/indicator', handler: service.get },
  { method: 'patch', path: '/api/indicators/:id', tag: 'indicators', summary: 'Revise an indicator (baseline, targets, goals …)', access: WRITERS, body: 'indicators#/$defs/indicatorPatch', response: 'indicators#/$defs/indicator', handler: service.update },
  { method: 'delete', path: '/api/indicators/:id', tag: 'indicators', summary: 'Retire an indicator (kept with its values)', access: WRITERS, status: 204, handler: service.retire },
  { method: 'get', path: '/api/indicators/:id/revisions', tag: 'indicators', summary: 'Every change to an indicator', access: 'user', handler: revisions },
  { method: 'get', path: '/api/indicators/:id/values', tag: 'indicators', summary: "An indicator's values (filters, paging)", access: 'user', query: 'indicators#/$defs/valueListQuery', response: 'indicators#/$defs/valueList', handler: values.list },
  { method: 'post', path: '/api/indicators/:id/values', tag: 'indicators', summary: 'Enter one value, or an array of values all at once (all or nothing)', access: WRITERS, body: 'indicators#/$defs/valuesCreate', status: 201, handler: values.create },
  { method: 'patch', path: '/api/indicators/:id/values/:valueId', tag: 'indicators', summary: 'Correct or validate a value', access: WRITERS, body: 'indicators#/$defs/valuePatch', response: 'indicators#/$defs/value', handler: values.update },
  { method: 'delete', path: '/api/indicators/:id/values/:valueId', tag: 'indicators', summary: 'Withdraw a draft value', access: WRITERS, status: 204, handler: values.remove },
  { method: 'get', path: '/api/indicators/:id/progress', tag: 'indicators', summary: 'Latest actual against baseline and target, with the outcomes of the same goals', access: 'user', query: 'indicators#/$defs/progressQuery', handler: progress },
];
