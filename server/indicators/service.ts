// The rules of indicators: who may read, record, revise and retire them; a rubric's levels with it.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created, noContent } from '../http/types';
import { forbidden, notFound, ProblemPath } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { listOf, listReply, pageOf } from '../http/paging';
import { withDescendants } from '../frameworks/service';
import { diff, recordRevision } from '../revisions/log';
import * as repo from './repository';
import { canSeeIndicator, mayManage, seesFullRecord } from './access';
import { checkIndicator, placement } from './rules';
import { lockedScale, rubricInput } from './rubric';
import { latestSummaries } from './latest';
import { EDITABLE_FIELDS, fromRow, Indicator, IndicatorInput, redactIndicator, toInput, toRow } from './representation';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** IATI IndicatorMeasure 4: ordinal — a rubric's levels are ordered, not counted. */
const IATI_ORDINAL = 4;
const scopeOf = (i: Indicator) => ({ programme_id: i.programme?.id ?? null, organisation_id: i.organisation?.id ?? null, retired_at: i.retiredAt });

export function present(ctx: Ctx, i: Indicator): Indicator {
  return seesFullRecord(ctx.user, scopeOf(i)) ? i : redactIndicator(i);
}

/** The indicator if the user may see it; 404 otherwise. */
export async function load(ctx: Ctx, id: string): Promise<Indicator> {
  const row = await repo.findRow(ctx.db, id);
  if (!row || !canSeeIndicator(ctx.user, row as Row & { programme_id: string | null; organisation_id: string | null })) throw notFound('indicator');
  return fromRow(row, (await repo.goalsOf(ctx.db, [id])).get(id) ?? [], (await repo.levelsOf(ctx.db, [id])).get(id));
}

/** The indicator if the user may enter its values and edit it: 404 when invisible, 403 when only readable. */
export async function loadForWrite(ctx: Ctx, id: string): Promise<Indicator> {
  const i = await load(ctx, id);
  if (!mayManage(ctx.user, scopeOf(i))) throw forbidden("Only the indicator's organisation, its programme's evaluators and admins may change it");
  if (i.retiredAt) throw notFound('indicator');
  return i;
}

export async function get(ctx: Ctx) {
  return present(ctx, await load(ctx, ctx.params.id));
}

export async function list(ctx: Ctx<unknown, Record<string, string | undefined>>) {
  const page = pageOf(ctx.query);
  const goals = listOf(ctx.query.goal);
  const programmes = listOf(ctx.query.programme);
  const { rows, total } = await repo.list(ctx.db, ctx.user, {
    goalCodes: goals && (await withDescendants(ctx.db, goals)),
    programmeIds: programmes?.filter((p) => p !== 'global'), global: programmes?.includes('global'), codes: listOf(ctx.query.code),
  }, ctx.query.sort, page);
  const ids = rows.map((r) => r.id);
  const goalMap = await repo.goalsOf(ctx.db, ids);
  const levelMap = await repo.levelsOf(ctx.db, rows.filter((r) => r.kind === 'rubric').map((r) => r.id));
  // each row's latest value, so that a list page is one request rather than one per indicator
  const latest = await latestSummaries(ctx, ids);
  return listReply(rows.map((r) => ({ ...present(ctx, fromRow(r, goalMap.get(r.id) ?? [], levelMap.get(r.id))), ...latest.get(r.id) })), total, page);
}

export async function create(ctx: Ctx<IndicatorInput>) {
  // a rubric is reported to IATI as an ordinal measure unless its author says otherwise
  const input = rubricInput(ctx.body.kind === 'rubric' ? { iatiMeasure: IATI_ORDINAL, ...ctx.body } : ctx.body);
  const place = await placement(ctx.db, ctx.user, input.programmeId, input.organisationId);
  await checkIndicator(ctx.db, input, place.errors);
  const id = randomUUID();
  const now = nowIso();
  await ctx.db('indicators').insert({
    id, ...toRow(input), programme_id: place.programmeId, organisation_id: place.organisationId, created_by: ctx.user.id, created_at: now, updated_at: now,
  });
  await repo.setGoals(ctx.db, id, input.goals ?? []);
  await repo.setLevels(ctx.db, id, input.levels ?? []);
  await audit(ctx.db, { actorId: ctx.user.id, action: 'indicator.create', entityType: 'indicator', entityId: id });
  return created(present(ctx, await load(ctx, id)));
}

export async function update(ctx: Ctx<Partial<IndicatorInput>>) {
  const before = await loadForWrite(ctx, ctx.params.id);
  const merged: IndicatorInput = { ...toInput(before), ...ctx.body };
  const stillValid = [...await keysStillUsed(ctx, before.id, merged.disaggregations ?? []), ...await fractionsKept(ctx, before, merged),
    ...lockedScale(before, ctx.body.levels, await repo.hasValues(ctx.db, before.id))];
  await checkIndicator(ctx.db, merged, stillValid);
  const changes = diff(toInput(before) as Record<string, unknown>, merged as Record<string, unknown>, EDITABLE_FIELDS);
  if (!changes.length) return present(ctx, before);
  await ctx.db('indicators').where({ id: before.id }).update({ ...toRow(merged), updated_at: nowIso() });
  if (ctx.body.goals) await repo.setGoals(ctx.db, before.id, merged.goals ?? []);
  if (ctx.body.levels) await repo.setLevels(ctx.db, before.id, merged.levels ?? []);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'indicator', entityId: before.id, actorId: ctx.user.id, action: 'update', changes, personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'indicator.update', entityType: 'indicator', entityId: before.id, details: { fields: changes.map((c) => c.field) } });
  return present(ctx, await load(ctx, before.id));
}

/** A breakdown can be dropped from an indicator only when none of its values uses it. */
async function keysStillUsed(ctx: Ctx, id: string, declared: string[]): Promise<ProblemPath[]> {
  const used = new Set<string>();
  for (const d of await ctx.db('indicator_values').where({ indicator_id: id }).distinct('disaggregation').pluck('disaggregation')) {
    Object.keys(JSON.parse(d)).forEach((k) => used.add(k));
  }
  return [...used].filter((k) => !declared.includes(k)).map((k) => ({ path: '/disaggregations', message: `values use the breakdown ${k}` }));
}

/** An indicator becomes a count of whole numbers only when none of its values is a fraction. */
async function fractionsKept(ctx: Ctx, before: Indicator, merged: IndicatorInput): Promise<ProblemPath[]> {
  if (!merged.wholeNumbers || before.wholeNumbers) return [];
  const values: number[] = (await ctx.db('indicator_values').where({ indicator_id: before.id }).pluck('value')).map(Number);
  const n = values.filter((v) => !Number.isInteger(v)).length;
  return n ? [{ path: '/wholeNumbers', message: `${n} of its values are not whole numbers`, code: 'not_whole' }] : [];
}

/** Retires an indicator: hidden from lists and dashboards, kept with its values for the record. */
export async function retire(ctx: Ctx) {
  const i = await loadForWrite(ctx, ctx.params.id);
  const now = nowIso();
  await ctx.db('indicators').where({ id: i.id }).update({ retired_at: now, updated_at: now });
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'indicator', entityId: i.id, actorId: ctx.user.id, action: 'retire', changes: [{ field: 'retiredAt', old: null, new: now }], personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'indicator.retire', entityType: 'indicator', entityId: i.id });
  return noContent();
}
