// The discussion thread on an outcome between its organisation and its evaluators, and the
// outcome's history: every transition and comment in order. Outsiders (donors, other
// organisations) see the published record, not its making (DESIGN.md): no thread, no transition
// comments, only when it was published and taken back for correction, by role.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created } from '../http/types';
import { forbidden, unprocessable } from '../http/problem';
import { listReply, pageOf } from '../http/paging';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { recordRevision } from '../revisions/log';
import { load } from '../outcomes/service';
import { isReviewer, seesPersonalData } from '../domain/readers';
import type { Outcome } from '../outcomes/representation';
import { actorFor, actorsOf } from './people';
import { evaluatorsOf, partnersOf } from '../notifications/recipients';
import { notify } from '../notifications/send';
import type { CommentCreate } from '../generated/schemas';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const thread = (ctx: Ctx, id: string) => ctx.db('comments').where({ entity_type: 'outcome', entity_id: id });

async function present(ctx: Ctx, o: Outcome, rows: Row[]) {
  const full = seesPersonalData(ctx.user, o.organisation.id);
  const people = await actorsOf(ctx.db, ctx.app.keyring, rows.map((r) => r.author_id));
  return rows.map((r) => ({ id: r.id, body: r.body, author: actorFor(full, people.get(r.author_id)), createdAt: r.created_at }));
}

const DISCUSSION_ONLY = 'The review discussion is for its organisation and its evaluators';

export async function list(ctx: Ctx<unknown, { page?: string; pageSize?: string }>) {
  const o = await load(ctx, ctx.params.id);
  if (!seesPersonalData(ctx.user, o.organisation.id)) throw forbidden(DISCUSSION_ONLY);
  const page = pageOf(ctx.query);
  const [{ n }] = await thread(ctx, o.id).count({ n: '*' });
  const rows = await thread(ctx, o.id).orderBy('seq').limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return listReply(await present(ctx, o, rows), Number(n), page);
}

export async function create(ctx: Ctx<CommentCreate>) {
  const o = await load(ctx, ctx.params.id);
  if (o.organisation.id !== ctx.user.organisationId && !isReviewer(ctx.user, o.organisation.id)) {
    throw forbidden(DISCUSSION_ONLY);
  }
  if (!ctx.body.body.trim()) throw unprocessable('/body', 'is empty');
  const row = { id: randomUUID(), entity_type: 'outcome', entity_id: o.id, author_id: ctx.user.id, body: ctx.body.body, created_at: nowIso() };
  await ctx.db('comments').insert(row);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'comment', entityId: row.id, actorId: ctx.user.id, action: 'create', changes: [{ field: 'body', old: null, new: row.body }], personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'outcome.comment', entityType: 'outcome', entityId: o.id, details: { commentId: row.id } });
  // the other side hears of it; evaluators do not see drafts, so they are not told of them either
  const evaluators = o.status === 'draft' ? [] : await evaluatorsOf(ctx.db, o.organisation.id);
  await notify(ctx.db, { userIds: [...(await partnersOf(ctx.db, o.organisation.id)), ...evaluators], kind: 'outcome.commented', outcomeId: o.id, actorId: ctx.user.id });
  return created((await present(ctx, o, [row]))[0]);
}

/** The moves an outsider may know of: publication, and taking it back for correction. */
const publicMoves = (ctx: Ctx, id: string) => ctx.db('transitions').where({ entity_type: 'outcome', entity_id: id })
  .where((w) => w.where('to_status', 'published').orWhere('from_status', 'published')).orderBy('id');

async function publicHistory(ctx: Ctx, o: Outcome) {
  const moves = await publicMoves(ctx, o.id);
  const people = await actorsOf(ctx.db, ctx.app.keyring, moves.map((m) => m.actor_id));
  return { items: moves.map((m) => ({ type: 'transition', at: m.at, from: m.from_status ?? null, to: m.to_status, comment: null, actor: actorFor(false, people.get(m.actor_id)) })) };
}

export async function history(ctx: Ctx) {
  const o = await load(ctx, ctx.params.id);
  const full = seesPersonalData(ctx.user, o.organisation.id);
  if (!full) return publicHistory(ctx, o);
  const [moves, comments] = await Promise.all([
    ctx.db('transitions').where({ entity_type: 'outcome', entity_id: o.id }).orderBy('id'),
    thread(ctx, o.id).orderBy('seq'),
  ]);
  const people = await actorsOf(ctx.db, ctx.app.keyring, [...moves.map((m) => m.actor_id), ...comments.map((c) => c.author_id)]);
  const items = [
    ...moves.map((m) => ({ type: 'transition', at: m.at, from: m.from_status ?? null, to: m.to_status, comment: m.comment ?? null, actor: actorFor(full, people.get(m.actor_id)) })),
    ...comments.map((c) => ({ type: 'comment', at: c.created_at, id: c.id, body: c.body, actor: actorFor(full, people.get(c.author_id)) })),
  ];
  // a stable sort keeps each kind in its own order when two entries share a millisecond
  items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { items };
}
