// Organisations (admin). Everyone logged in may read their own through /api/auth/me.
import { randomUUID } from 'node:crypto';
import type { Ctx, RouteDef } from '../http/types';
import { created } from '../http/types';
import { notFound } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { listReply, pageOf } from '../http/paging';
import type { Db } from '../db/knex';

type OrgBody = { name?: string; kind?: string; country?: string; requireTotp?: boolean };

const toApi = (r: Record<string, unknown>) => ({
  id: r.id, name: r.name, kind: r.kind, country: r.country ?? null, requireTotp: !!r.require_totp,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

async function get(db: Db, id: string) {
  const row = await db('organisations').where({ id }).first();
  if (!row) throw notFound('organisation');
  return toApi(row);
}

async function list(ctx: Ctx<unknown, { page?: string; pageSize?: string }>) {
  const p = pageOf(ctx.query);
  const [{ n }] = await ctx.db('organisations').count({ n: '*' });
  const rows = await ctx.db('organisations').orderBy('name').limit(p.pageSize).offset((p.page - 1) * p.pageSize);
  return listReply(rows.map(toApi), Number(n), p);
}

async function create(ctx: Ctx<OrgBody>) {
  const id = randomUUID();
  const now = nowIso();
  await ctx.db('organisations').insert({
    id, name: ctx.body.name, kind: ctx.body.kind, country: ctx.body.country ?? null,
    require_totp: ctx.body.requireTotp ?? false, created_at: now, updated_at: now,
  });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'organisation.create', entityType: 'organisation', entityId: id });
  return created(await get(ctx.db, id));
}

async function update(ctx: Ctx<OrgBody>) {
  await get(ctx.db, ctx.params.id);
  const b = ctx.body;
  await ctx.db('organisations').where({ id: ctx.params.id }).update({
    ...(b.name !== undefined && { name: b.name }),
    ...(b.country !== undefined && { country: b.country }),
    ...(b.requireTotp !== undefined && { require_totp: b.requireTotp }),
    updated_at: nowIso(),
  });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'organisation.update', entityType: 'organisation', entityId: ctx.params.id, details: { fields: Object.keys(b) } });
  return get(ctx.db, ctx.params.id);
}

const admin = ['admin'] as const;
export const routes: RouteDef[] = [
  { method: 'get', path: '/api/organisations', tag: 'admin', summary: 'List organisations', access: admin, query: 'common#/$defs/listQuery', handler: list },
  { method: 'post', path: '/api/organisations', tag: 'admin', summary: 'Create an organisation', access: admin, body: 'admin#/$defs/organisationCreate', response: 'admin#/$defs/organisation', status: 201, handler: create },
  { method: 'get', path: '/api/organisations/:id', tag: 'admin', summary: 'One organisation', access: admin, response: 'admin#/$defs/organisation', handler: (ctx) => get(ctx.db, ctx.params.id) },
  { method: 'patch', path: '/api/organisations/:id', tag: 'admin', summary: 'Update an organisation', access: admin, body: 'admin#/$defs/organisationPatch', response: 'admin#/$defs/organisation', handler: update },
];
