// The rules of harvests: the programme's evaluators (and admins) design and run them; everyone
// working in the programme reads them. Status moves one step at a time, design → … → closed,
// and a closed harvest no longer changes (its closing date starts the substantiators' retention).
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import type { ReaderCtx } from '../domain/readers';
import { created } from '../http/types';
import { notFound, Problem, unprocessable } from '../http/problem';
import { listOf, listReply, pageOf } from '../http/paging';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { diff, recordRevision } from '../revisions/log';
import * as repo from './repository';

export const FLOW = ['design', 'collecting', 'substantiating', 'analysing', 'closed'] as const;
export type HarvestStatus = (typeof FLOW)[number];
const STATUSES = ['draft', 'submitted', 'under_review', 'substantiated', 'partly_substantiated', 'not_substantiated', 'published', 'retracted'];
const FIELDS = ['title', 'questions', 'periodStart', 'periodEnd', 'domains'] as const;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Body = { programmeId?: string; title?: string; questions?: string | null; periodStart?: string | null; periodEnd?: string | null; domains?: string[]; status?: HarvestStatus };

export const mayRead = (ctx: ReaderCtx, programmeId: string) => ('view' in ctx.user ? false : ctx.user.role === 'admin') || ctx.user.programmeIds.includes(programmeId);
const mayRun = (ctx: Ctx, programmeId: string) => ctx.user.role === 'admin' || (ctx.user.role === 'evaluator' && ctx.user.programmeIds.includes(programmeId));

/** `domains`: the names as the harvest form edits them; `domainList`: with their codes and their names in other languages. */
function present(r: Row, domains: repo.NamedDomain[], counts: Record<string, number> = {}) {
  const all = Object.fromEntries(STATUSES.map((s) => [s, counts[s] ?? 0]));
  return {
    id: r.id, programme: { id: r.programme_id, name: r.programme_name }, title: r.title, questions: r.questions ?? null,
    periodStart: r.period_start ?? null, periodEnd: r.period_end ?? null, domains: domains.map((d) => d.name), domainList: domains, status: r.status,
    counts: all, total: Object.values(all).reduce((a, b) => a + b, 0),
    createdAt: r.created_at, updatedAt: r.updated_at, closedAt: r.closed_at ?? null,
  };
}

/** The harvest row if the reader works in its programme (or is its published view); 404 otherwise. */
export async function loadRow(ctx: ReaderCtx, id: string): Promise<Row> {
  const r = await repo.findRow(ctx.db, id);
  if (!r || !mayRead(ctx, r.programme_id)) throw notFound('harvest');
  return r;
}

async function one(ctx: Ctx, id: string) {
  const r = await loadRow(ctx, id);
  const [domains, counts] = await Promise.all([repo.domainsOf(ctx.db, [id]), repo.countsOf(ctx.db, ctx.user, [id])]);
  return present(r, domains.get(id) ?? [], counts.get(id));
}

export async function list(ctx: Ctx<unknown, { page?: string; pageSize?: string; programme?: string; status?: string }>) {
  const page = pageOf(ctx.query);
  const { rows, total } = await repo.list(ctx.db, ctx.user, { programmeIds: listOf(ctx.query.programme), statuses: listOf(ctx.query.status) }, page);
  const ids = rows.map((r) => r.id);
  const [domains, counts] = await Promise.all([repo.domainsOf(ctx.db, ids), repo.countsOf(ctx.db, ctx.user, ids)]);
  return listReply(rows.map((r) => present(r, domains.get(r.id) ?? [], counts.get(r.id))), total, page);
}

export const get = (ctx: Ctx) => one(ctx, ctx.params.id);

function checkPeriod(start?: string | null, end?: string | null): void {
  if (start && end && start > end) throw unprocessable('/periodEnd', 'is before periodStart');
}

export async function create(ctx: Ctx<Body>) {
  const b = ctx.body;
  const programme = await ctx.db('programmes').where({ id: b.programmeId }).first('id');
  if (!programme || !mayRead(ctx, b.programmeId!)) throw unprocessable('/programmeId', 'is not one of your programmes');
  if (!mayRun(ctx, b.programmeId!)) throw new Problem('forbidden', "Only the programme's evaluators design its harvests");
  checkPeriod(b.periodStart, b.periodEnd);
  const id = randomUUID();
  const now = nowIso();
  await ctx.db('harvests').insert({
    id, programme_id: b.programmeId, title: b.title, questions: b.questions ?? null, period_start: b.periodStart ?? null,
    period_end: b.periodEnd ?? null, status: 'design', created_by: ctx.user.id, created_at: now, updated_at: now,
  });
  await repo.setDomains(ctx.db, id, b.domains ?? [], ctx.user.id);
  await ctx.db('transitions').insert({ entity_type: 'harvest', entity_id: id, from_status: null, to_status: 'design', actor_id: ctx.user.id, at: now });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'harvest.create', entityType: 'harvest', entityId: id });
  return created(await one(ctx, id));
}

async function move(ctx: Ctx, r: Row, to: HarvestStatus, now: string): Promise<Record<string, string>> {
  const next = FLOW[FLOW.indexOf(r.status) + 1];
  if (to !== next) {
    throw new Problem('invalid_transition', `A harvest in ${r.status} moves on to ${next ?? 'nothing'}`, [{ path: '/status', message: `not possible from ${r.status}` }]);
  }
  await ctx.db('transitions').insert({ entity_type: 'harvest', entity_id: r.id, from_status: r.status, to_status: to, actor_id: ctx.user.id, at: now });
  await audit(ctx.db, { actorId: ctx.user.id, action: `harvest.${to}`, entityType: 'harvest', entityId: r.id, details: { from: r.status } });
  return { status: to, ...(to === 'closed' && { closed_at: now }) };
}

export async function update(ctx: Ctx<Body>) {
  const r = await loadRow(ctx, ctx.params.id);
  if (!mayRun(ctx, r.programme_id)) throw new Problem('forbidden', "Only the programme's evaluators run its harvests");
  if (r.status === 'closed') throw new Problem('conflict', 'A closed harvest does not change any more');
  const b = ctx.body;
  const before = { title: r.title, questions: r.questions ?? null, periodStart: r.period_start ?? null, periodEnd: r.period_end ?? null, domains: ((await repo.domainsOf(ctx.db, [r.id])).get(r.id) ?? []).map((d) => d.name) };
  const after = { ...before, ...Object.fromEntries(FIELDS.filter((f) => b[f] !== undefined).map((f) => [f, b[f]])) };
  checkPeriod(after.periodStart, after.periodEnd);
  const now = nowIso();
  const status = b.status && b.status !== r.status ? await move(ctx, r, b.status, now) : {};
  const changes = diff(before, after, FIELDS);
  if (changes.length) {
    await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'harvest', entityId: r.id, actorId: ctx.user.id, action: 'update', changes, personal: [] });
    await audit(ctx.db, { actorId: ctx.user.id, action: 'harvest.update', entityType: 'harvest', entityId: r.id, details: { fields: changes.map((c) => c.field) } });
    if (b.domains) await repo.setDomains(ctx.db, r.id, b.domains, ctx.user.id);
  }
  if (changes.length || Object.keys(status).length) {
    // the status in the WHERE makes a concurrent move of the same harvest lose, not double up
    const n = await ctx.db('harvests').where({ id: r.id, status: r.status }).update({
      title: after.title, questions: after.questions, period_start: after.periodStart, period_end: after.periodEnd, ...status, updated_at: now,
    });
    if (n !== 1) throw new Problem('conflict', 'The harvest changed meanwhile; reload it');
  }
  return one(ctx, r.id);
}
