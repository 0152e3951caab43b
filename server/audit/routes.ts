// The admin's view of the audit log: who did what to which record, newest first, filtered by
// actor, action (a trailing * for a prefix: personal.* lists who viewed or exported personal
// data), record kind and id, and a period.
import type { Ctx, RouteDef } from '../http/types';
import { listOf, listReply, pageOf } from '../http/paging';
import { decrypt } from '../crypto/fields';
import type { Knex } from 'knex';

type Query = { page?: string; pageSize?: string; actor?: string; action?: string; entityType?: string; entityId?: string; from?: string; to?: string };

// a bare date is the whole day: from its first moment, to its last
const bound = (v: string, side: 'from' | 'to') => (v.length > 10 ? v : side === 'from' ? `${v}T00:00:00.000Z` : `${v}T23:59:59.999Z`);

function filter(qb: Knex.QueryBuilder, q: Query): Knex.QueryBuilder {
  const actors = listOf(q.actor);
  const actions = listOf(q.action);
  const types = listOf(q.entityType);
  const ids = listOf(q.entityId);
  if (actors) qb.whereIn('a.actor_id', actors);
  if (actions) {
    qb.where((w) => {
      for (const a of actions) {
        if (a.endsWith('.*')) w.orWhere('a.action', 'like', `${a.slice(0, -1)}%`);
        else w.orWhere('a.action', a);
      }
    });
  }
  if (types) qb.whereIn('a.entity_type', types);
  if (ids) qb.whereIn('a.entity_id', ids);
  if (q.from) qb.where('a.at', '>=', bound(q.from, 'from'));
  if (q.to) qb.where('a.at', '<=', bound(q.to, 'to'));
  return qb;
}

async function list(ctx: Ctx<unknown, Query>) {
  const p = pageOf(ctx.query);
  const q = filter(ctx.db('audit_log as a'), ctx.query);
  const [{ n }] = await q.clone().count({ n: '*' });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const rows: Array<Record<string, any>> = await q.leftJoin('users as u', 'u.id', 'a.actor_id').orderBy('a.id', 'desc')
    .limit(p.pageSize).offset((p.page - 1) * p.pageSize)
    .select('a.*', 'u.email', 'u.name_enc', 'u.role');
  const items = rows.map((r) => ({
    id: Number(r.id), at: r.at,
    actor: r.actor_id ? { id: r.actor_id, name: r.name_enc ? decrypt(ctx.app.keyring, r.name_enc) : null, email: r.email ?? null, role: r.role ?? null } : null,
    action: r.action, entityType: r.entity_type ?? null, entityId: r.entity_id ?? null,
    details: r.details ? JSON.parse(r.details) : null,
  }));
  return listReply(items, Number(n), p);
}

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/audit', tag: 'admin', summary: 'The audit log: who did what, and who viewed or exported personal data', access: ['admin'], query: 'audit#/$defs/auditQuery', response: 'audit#/$defs/auditList', handler: list },
];
