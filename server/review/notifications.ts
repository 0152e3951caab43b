// Reading your in-app notifications (written by server/notifications/send.ts). The outcome's
// title is looked up when read, and shown only while the reader may still see the outcome.
import type { Ctx } from '../http/types';
import { notFound } from '../http/problem';
import { listReply, pageOf } from '../http/paging';
import { nowIso } from '../core/clock';
import { canSee } from '../outcomes/access';
import { actorsOf } from './people';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function present(ctx: Ctx, rows: Row[]) {
  const outcomes = new Map<string, Row>();
  const ids = rows.map((r) => r.entity_id);
  if (ids.length) {
    for (const o of await ctx.db('outcomes').whereIn('id', ids).select('id', 'title', 'organisation_id', 'status', 'sensitivity')) outcomes.set(o.id, o);
  }
  const actors = await actorsOf(ctx.db, ctx.app.keyring, rows.map((r) => r.actor_id));
  return rows.map((r) => {
    const o = outcomes.get(r.entity_id);
    const actor = r.actor_id ? actors.get(r.actor_id) : undefined;
    return {
      id: r.id, kind: r.kind, outcome: { id: r.entity_id, title: o && canSee(ctx.user, o as Parameters<typeof canSee>[1]) ? o.title : null },
      actor: actor ? { name: actor.name, role: actor.role } : null, createdAt: r.created_at, readAt: r.read_at ?? null,
    };
  });
}

export async function list(ctx: Ctx<unknown, { page?: string; pageSize?: string; unread?: string }>) {
  const page = pageOf(ctx.query);
  const mine = ctx.db('notifications').where({ user_id: ctx.user.id });
  const filtered = ctx.query.unread === 'true' ? mine.clone().whereNull('read_at') : ctx.query.unread === 'false' ? mine.clone().whereNotNull('read_at') : mine.clone();
  const [[{ n }], [{ u }]] = await Promise.all([filtered.clone().count({ n: '*' }), mine.clone().whereNull('read_at').count({ u: '*' })]);
  const rows = await filtered.orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
    .limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { ...listReply(await present(ctx, rows), Number(n), page), unread: Number(u) };
}

/** Marks one of your notifications read; marking it again changes nothing. */
export async function markRead(ctx: Ctx) {
  const row = await ctx.db('notifications').where({ id: ctx.params.id, user_id: ctx.user.id }).first();
  if (!row) throw notFound('notification');
  if (!row.read_at) {
    row.read_at = nowIso();
    await ctx.db('notifications').where({ id: row.id }).update({ read_at: row.read_at });
  }
  return (await present(ctx, [row]))[0];
}
