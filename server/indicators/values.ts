// An indicator's values: read, enter one or many at once (all or nothing), correct, validate,
// withdraw a draft. Every change is a revision and an audit entry. A rubric's value is a score: a
// level with its reason and its evidence, of which each reader gets what they may open.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created, noContent } from '../http/types';
import { notFound, Problem, ProblemPath } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { listOf, listReply, pageOf } from '../http/paging';
import { diff, recordRevision } from '../revisions/log';
import * as repo from './repository';
import { canSeeValue, seesFullRecord } from './access';
import { checkValues } from './rules';
import { evidenceFor, setEvidence, storedEvidence, unseenEvidence } from './evidence';
import { canonical, Indicator, IndicatorValue, redactValue, VALUE_FIELDS, valueFromRow, ValueInput, valueInputOf, valueToRow } from './representation';
import { load, loadForWrite } from './service';
import { dateBound as bound } from '../records/lists';
import { requireReviewedScores } from './disclosure';

const scopeOf = (i: Indicator) => ({ programme_id: i.programme?.id ?? null, organisation_id: i.organisation?.id ?? null });

const present = (ctx: Ctx, i: Indicator, v: IndicatorValue) => (seesFullRecord(ctx.user, scopeOf(i)) ? v : redactValue(v));

/** Values as this reader gets them: a rubric's scores with the evidence the reader may open. */
async function presentAll(ctx: Ctx, i: Indicator, rows: Record<string, unknown>[]): Promise<IndicatorValue[]> {
  const values = rows.map(valueFromRow);
  if (i.kind !== 'rubric') return values.map((v) => present(ctx, i, v));
  const evidence = await evidenceFor(ctx.db, ctx.user, values.map((v) => v.id));
  return values.map((v) => present(ctx, i, { ...v, reason: v.reason ?? null, evidence: evidence.get(v.id) ?? [] }));
}

/** Only evaluators and admins validate: a partner's figures are checked by someone else. */
function checkStatusRight(ctx: Ctx, rows: ValueInput[], prefix: (k: number) => string): void {
  if (ctx.user.role !== 'partner') return;
  const errors: ProblemPath[] = rows.flatMap((v, k) => (v.status === 'validated' ? [{ path: `${prefix(k)}/status`, message: 'only evaluators and admins validate values', code: 'validate_role' }] : []));
  if (errors.length) throw new Problem('forbidden', 'Partners enter draft values; an evaluator validates them', errors);
}

export async function list(ctx: Ctx<unknown, Record<string, string | undefined>>) {
  const i = await load(ctx, ctx.params.id);
  const page = pageOf(ctx.query);
  const q = ctx.query;
  const { rows, total } = await repo.listValues(ctx.db, ctx.user, i.id, {
    from: bound(q.from, 'from'), to: bound(q.to, 'to'),
    statuses: listOf(q.status), countries: listOf(q.country),
  }, q.sort, page);
  return listReply(await presentAll(ctx, i, rows), total, page);
}

export async function create(ctx: Ctx<ValueInput | ValueInput[]>) {
  const i = await loadForWrite(ctx, ctx.params.id);
  const many = Array.isArray(ctx.body);
  const rows = many ? (ctx.body as ValueInput[]) : [ctx.body as ValueInput];
  const prefix = (k: number) => (many ? `/${k}` : '');
  checkStatusRight(ctx, rows, prefix);
  await checkValues(ctx.db, i, rows, prefix, undefined, await unseenEvidence(ctx.db, ctx.user, rows, prefix));
  if (i.kind === 'rubric') await requireReviewedScores(ctx, rows.map((input, k) => ({ path: prefix(k), input })));
  const now = nowIso();
  // a value is reported by the organisation whose indicator it is, else by whoever enters it
  const reporter = i.organisation?.id ?? ctx.user.organisationId;
  const stored = rows.map((v) => ({
    id: randomUUID(), indicator_id: i.id, ...valueToRow(v), organisation_id: reporter, created_by: ctx.user.id, created_at: now, updated_at: now,
  }));
  await ctx.db.batchInsert('indicator_values', stored, 500);
  for (const [k, v] of rows.entries()) if (v.evidence?.length) await setEvidence(ctx.db, stored[k].id, v.evidence);
  await audit(ctx.db, { actorId: ctx.user.id, action: 'indicator.values.add', entityType: 'indicator', entityId: i.id, details: { count: stored.length } });
  const out = await presentAll(ctx, i, await repo.valuesByIds(ctx.db, stored.map((s) => s.id)));
  return created(many ? { items: out, total: out.length } : out[0]);
}

async function loadValue(ctx: Ctx, i: Indicator): Promise<IndicatorValue> {
  const row = await repo.findValue(ctx.db, i.id, ctx.params.valueId);
  if (!row || !canSeeValue(ctx.user, row as { status: string; organisation_id: string | null }, scopeOf(i))) throw notFound('value');
  return valueFromRow(row);
}

/** Partners correct their own drafts; evaluators and admins correct and validate any value. */
function checkEditable(ctx: Ctx, v: IndicatorValue): void {
  if (ctx.user.role === 'partner' && v.status !== 'draft') {
    throw new Problem('conflict', 'A validated value is corrected by an evaluator', [{ path: '/status', message: 'is validated' }]);
  }
}

export async function update(ctx: Ctx<Partial<ValueInput>>) {
  const i = await loadForWrite(ctx, ctx.params.id);
  const before = await loadValue(ctx, i);
  checkEditable(ctx, before);
  checkStatusRight(ctx, [ctx.body as ValueInput], () => '');
  const stored = i.kind === 'rubric' ? await storedEvidence(ctx.db, before.id) : undefined;
  const was = valueInputOf(before, stored);
  const merged: ValueInput = { ...was, ...ctx.body };
  const own = `${before.periodStart}|${before.periodEnd}|${canonical(before.disaggregation)}`;
  await checkValues(ctx.db, i, [merged], () => '', own, await unseenEvidence(ctx.db, ctx.user, [merged], () => '', stored));
  const changes = diff(was as Record<string, unknown>, merged as Record<string, unknown>, VALUE_FIELDS);
  const after = async () => (await presentAll(ctx, i, [(await repo.findValue(ctx.db, i.id, before.id))!]))[0];
  if (!changes.length) return after();
  // a score that becomes validated, or whose reason or evidence changes once validated
  if (i.kind === 'rubric' && changes.some((c) => ['status', 'reason', 'evidence'].includes(c.field))) await requireReviewedScores(ctx, [{ path: '', input: merged }]);
  await ctx.db('indicator_values').where({ id: before.id }).update({ ...valueToRow(merged), updated_at: nowIso() });
  if (ctx.body.evidence) await setEvidence(ctx.db, before.id, ctx.body.evidence);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'indicator_value', entityId: before.id, actorId: ctx.user.id, action: 'update', changes, personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'indicator.value.update', entityType: 'indicator_value', entityId: before.id, details: { indicatorId: i.id, fields: changes.map((c) => c.field) } });
  return after();
}

/** Withdraws a draft value; a validated figure stays and is corrected instead. */
export async function remove(ctx: Ctx) {
  const i = await loadForWrite(ctx, ctx.params.id);
  const v = await loadValue(ctx, i);
  if (v.status !== 'draft') throw new Problem('conflict', 'A validated value is corrected, not removed', [{ path: '/status', message: 'is validated' }]);
  await ctx.db('indicator_values').where({ id: v.id, status: 'draft' }).del();
  await recordRevision(ctx.db, ctx.app.keyring, {
    entityType: 'indicator_value', entityId: v.id, actorId: ctx.user.id, action: 'delete', changes: [{ field: 'value', old: valueInputOf(v), new: null }], personal: [],
  });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'indicator.value.delete', entityType: 'indicator_value', entityId: v.id, details: { indicatorId: i.id } });
  return noContent();
}
