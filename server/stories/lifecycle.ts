// The lifecycle of stories and fragments, draft → submitted → published: the organisation that
// collected it submits, an evaluator of its programme publishes (or returns it to draft with a
// comment). An evaluator's own fragments may go straight from draft to published.
// Role first (403), then state (409), then the comment rule (422), then what the move requires
// (each kind's service says how it checks them).
import type { Ctx, Role } from '../http/types';
import { forbidden, Problem } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';

export type RecordStatus = 'draft' | 'submitted' | 'published';
export type Mover = { own: boolean; reviewer: boolean; directPublish: boolean };
export type Can = { edit: boolean; transitions: Array<{ to: RecordStatus; comment: boolean }> };

/** What must hold before a move: the record is complete (its kind's schema), the check before publishing has been reviewed. */
export type RecordPrecondition = 'complete' | 'reviewed-findings';
type Move = { from: RecordStatus[]; comment: boolean; requires: RecordPrecondition[] };

export const MOVES: Record<RecordStatus, Move> = {
  submitted: { from: ['draft'], comment: false, requires: ['complete'] },
  published: { from: ['submitted'], comment: false, requires: ['complete', 'reviewed-findings'] },
  draft: { from: ['submitted', 'published'], comment: true, requires: [] },
};

/** Checks, in the table's order, what the move to `to` requires. */
async function requirePreconditions(to: RecordStatus, checks: Record<RecordPrecondition, () => Promise<void> | void>): Promise<void> {
  for (const condition of MOVES[to].requires) await checks[condition]();
}

function mayMove(role: Role, m: Mover, to: RecordStatus): boolean {
  if (role === 'admin') return true;
  if (to === 'submitted') return m.own && role !== 'donor';
  if (to === 'published') return m.reviewer || (m.directPublish && m.own && role === 'evaluator');
  return m.reviewer;
}

/** An evaluator's own fragment may go straight from draft to published. */
const reachable = (role: Role, m: Mover, from: RecordStatus, to: RecordStatus) =>
  MOVES[to].from.includes(from) || (to === 'published' && from === 'draft' && m.directPublish && m.own && ['evaluator', 'admin'].includes(role));

function checkMove(ctx: Ctx, m: Mover, kind: string, from: RecordStatus, to: RecordStatus, comment?: string): void {
  if (!mayMove(ctx.user.role, m, to)) throw forbidden(`You may not move this ${kind} to ${to}`);
  if (!reachable(ctx.user.role, m, from, to)) {
    throw new Problem('invalid_transition', `A ${kind} cannot go from ${from} to ${to}`, [{ path: '/to', message: `not possible from ${from}` }]);
  }
  if (MOVES[to].comment && !comment?.trim()) {
    throw new Problem('unprocessable', 'Returning to draft needs a comment', [{ path: '/comment', message: 'is required for this transition' }]);
  }
}

/** Moves the record, guarding against a concurrent move, and keeps the transition and the audit. */
async function applyMove(
  ctx: Ctx, table: string, entityType: string, id: string, from: RecordStatus, to: RecordStatus, comment?: string,
): Promise<void> {
  const now = nowIso();
  const stamp = to === 'submitted' ? { submitted_at: now } : to === 'published' ? { published_at: now } : {};
  const n = await ctx.db(table).where({ id, status: from }).update({ status: to, updated_at: now, ...stamp });
  if (n !== 1) throw new Problem('conflict', `The ${entityType} changed meanwhile; reload it`);
  await ctx.db('transitions').insert({ entity_type: entityType, entity_id: id, from_status: from, to_status: to, actor_id: ctx.user.id, comment: comment ?? null, at: now });
  await audit(ctx.db, { actorId: ctx.user.id, action: `${entityType}.${to}`, entityType, entityId: id, details: { from } });
}

/** The move the request asks for, checked in order (role, state, comment, what it requires), then made. */
export async function moveRecord(
  ctx: Ctx<{ to: RecordStatus; comment?: string }>, kind: { table: string; entityType: string }, r: { id: string; status: string }, mover: Mover,
  checks: Record<RecordPrecondition, () => Promise<void> | void>,
): Promise<void> {
  const from = r.status as RecordStatus;
  checkMove(ctx, mover, kind.entityType, from, ctx.body.to, ctx.body.comment);
  await requirePreconditions(ctx.body.to, checks);
  await applyMove(ctx, kind.table, kind.entityType, r.id, from, ctx.body.to, ctx.body.comment);
}

/** Partners edit their own drafts; evaluators of the programme (and admins) edit submitted ones. */
const mayEdit = (role: Role, m: Mover, status: RecordStatus) =>
  role === 'admin' || (m.own && status === 'draft') || (m.reviewer && status === 'submitted');

export function checkEditable(ctx: Ctx, m: Mover, kind: string, status: RecordStatus): void {
  if (!m.own && !m.reviewer && ctx.user.role !== 'admin') throw forbidden(`Only the organisation that recorded it, or its evaluators, may edit this ${kind}`);
  if (!mayEdit(ctx.user.role, m, status)) throw new Problem('conflict', `A ${kind} in state ${status} cannot be edited by you`);
}

/** What the user may do with the record now, by the same rules (comment: returning to draft needs one). */
export function canOf(role: Role, m: Mover, status: RecordStatus): Can {
  const transitions = (Object.keys(MOVES) as RecordStatus[])
    .filter((to) => mayMove(role, m, to) && reachable(role, m, status, to))
    .map((to) => ({ to, comment: MOVES[to].comment }));
  return { edit: mayEdit(role, m, status), transitions };
}
