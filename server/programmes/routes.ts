// Programmes: a funded programme joining partner organisations, with evaluators and donors
// assigned one by one. Admins manage them; everyone else reads the programmes they work in.
import { randomUUID } from 'node:crypto';
import type { Ctx, RouteDef } from '../http/types';
import { created } from '../http/types';
import { notFound, Problem, ProblemPath, unprocessable } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { listReply, pageOf } from '../http/paging';
import type { Db } from '../db/knex';
import { decrypt } from '../crypto/fields';

type Body = {
  name?: string; description?: string; periodStart?: string; periodEnd?: string; iatiIdentifier?: string;
  reportingOrgRef?: string; partnerOrganisationIds?: string[]; memberIds?: string[];
};

async function get(ctx: Ctx, id: string) {
  if (ctx.user.role !== 'admin' && !ctx.user.programmeIds.includes(id)) throw notFound('programme');
  const r = await ctx.db('programmes').where({ id }).first();
  if (!r) throw notFound('programme');
  const partners = await ctx.db('programme_partners as pp').join('organisations as o', 'o.id', 'pp.organisation_id')
    .where('pp.programme_id', id).orderBy('o.name').select('o.id', 'o.name');
  const members = ctx.user.role === 'admin' || ctx.user.role === 'evaluator'
    ? (await ctx.db('programme_members as pm').join('users as u', 'u.id', 'pm.user_id')
      .where('pm.programme_id', id).select('u.id', 'u.name_enc', 'u.role'))
      .map((m) => ({ id: m.id, name: decrypt(ctx.app.keyring, m.name_enc), role: m.role }))
    : [];
  return {
    id: r.id, name: r.name, description: r.description ?? null, periodStart: r.period_start ?? null,
    periodEnd: r.period_end ?? null, iatiIdentifier: r.iati_identifier ?? null, reportingOrgRef: r.reporting_org_ref ?? null,
    partnerOrganisations: partners, members,
  };
}

async function list(ctx: Ctx<unknown, { page?: string; pageSize?: string }>) {
  const p = pageOf(ctx.query);
  const q = ctx.db('programmes').modify((qb) => {
    if (ctx.user.role !== 'admin') qb.whereIn('id', ctx.user.programmeIds);
  });
  const [{ n }] = await q.clone().count({ n: '*' });
  const ids: string[] = await q.orderBy('name').limit(p.pageSize).offset((p.page - 1) * p.pageSize).pluck('id');
  return listReply(await Promise.all(ids.map((id) => get(ctx, id))), Number(n), p);
}

async function checkLinks(db: Db, b: Body) {
  if (b.partnerOrganisationIds?.length) {
    const found: string[] = await db('organisations').whereIn('id', b.partnerOrganisationIds).where({ kind: 'partner' }).pluck('id');
    const missing = b.partnerOrganisationIds.findIndex((id) => !found.includes(id));
    if (missing >= 0) throw unprocessable(`/partnerOrganisationIds/${missing}`, 'is not a partner organisation');
  }
  if (b.memberIds?.length) {
    const found: string[] = await db('users').whereIn('id', b.memberIds).whereIn('role', ['evaluator', 'donor']).pluck('id');
    const missing = b.memberIds.findIndex((id) => !found.includes(id));
    if (missing >= 0) throw unprocessable(`/memberIds/${missing}`, 'is not an evaluator or donor');
  }
  if (b.periodStart && b.periodEnd && b.periodStart > b.periodEnd) throw unprocessable('/periodEnd', 'is before periodStart');
}

/**
 * An identifier the IATI validator accepts: the reporting organisation's reference begins with a
 * registration agency (NL-KVK-, XM-DAC-, GB-COH- …); the activity's begins with that reference and
 * a hyphen, says more than it, and holds no "/" (which breaks the Registry's addresses).
 */
function checkIati(b: { iatiIdentifier?: string | null; reportingOrgRef?: string | null }, asked: Body): void {
  const errors: ProblemPath[] = [];
  const id = b.iatiIdentifier ?? undefined;
  const ref = b.reportingOrgRef ?? undefined;
  if (asked.reportingOrgRef !== undefined && ref && !/^[A-Z]{2}-[A-Z0-9]{2,}-[A-Za-z0-9._-]+$/.test(ref)) {
    errors.push({ path: '/reportingOrgRef', message: 'begins with a registration agency and the organisation\'s number, as NL-KVK-12345678 or XM-DAC-7', code: 'iati_org_ref' });
  }
  if (id && (asked.iatiIdentifier !== undefined || asked.reportingOrgRef !== undefined)) {
    if (id.includes('/')) errors.push({ path: '/iatiIdentifier', message: 'holds no "/"', code: 'iati_identifier' });
    else if (ref && id === ref) errors.push({ path: '/iatiIdentifier', message: 'is the organisation\'s reference; the activity adds its own part, as XM-DAC-7-PPR-4000004321', code: 'iati_identifier' });
    else if (ref && !id.startsWith(`${ref}-`)) errors.push({ path: '/iatiIdentifier', message: `begins with the reporting organisation's reference and a hyphen (${ref}-…)`, code: 'iati_identifier' });
  }
  if (errors.length) throw new Problem('unprocessable', 'The IATI identifiers break the IATI rules', errors);
}

async function write(db: Db, id: string, b: Body) {
  const row = {
    ...(b.name !== undefined && { name: b.name }),
    ...(b.description !== undefined && { description: b.description }),
    ...(b.periodStart !== undefined && { period_start: b.periodStart }),
    ...(b.periodEnd !== undefined && { period_end: b.periodEnd }),
    ...(b.iatiIdentifier !== undefined && { iati_identifier: b.iatiIdentifier }),
    ...(b.reportingOrgRef !== undefined && { reporting_org_ref: b.reportingOrgRef }),
    updated_at: nowIso(),
  };
  await db('programmes').where({ id }).update(row);
  if (b.partnerOrganisationIds) {
    await db('programme_partners').where({ programme_id: id }).del();
    if (b.partnerOrganisationIds.length) {
      await db('programme_partners').insert(b.partnerOrganisationIds.map((o) => ({ programme_id: id, organisation_id: o })));
    }
  }
  if (b.memberIds) {
    await db('programme_members').where({ programme_id: id }).del();
    if (b.memberIds.length) await db('programme_members').insert(b.memberIds.map((u) => ({ programme_id: id, user_id: u })));
  }
}

async function create(ctx: Ctx<Body>) {
  await checkLinks(ctx.db, ctx.body);
  checkIati(ctx.body, ctx.body);
  const id = randomUUID();
  const now = nowIso();
  await ctx.db('programmes').insert({ id, name: ctx.body.name, created_at: now, updated_at: now });
  await write(ctx.db, id, ctx.body);
  await audit(ctx.db, { actorId: ctx.user.id, action: 'programme.create', entityType: 'programme', entityId: id });
  return created(await get(ctx, id));
}

async function update(ctx: Ctx<Body>) {
  const before = await get(ctx, ctx.params.id);
  await checkLinks(ctx.db, ctx.body);
  checkIati({ iatiIdentifier: before.iatiIdentifier, reportingOrgRef: before.reportingOrgRef, ...ctx.body }, ctx.body);
  await write(ctx.db, ctx.params.id, ctx.body);
  await audit(ctx.db, { actorId: ctx.user.id, action: 'programme.update', entityType: 'programme', entityId: ctx.params.id, details: { fields: Object.keys(ctx.body) } });
  return get(ctx, ctx.params.id);
}

const admin = ['admin'] as const;
export const routes: RouteDef[] = [
  { method: 'get', path: '/api/programmes', tag: 'programmes', summary: 'Programmes you work in (all for admins)', access: 'user', query: 'common#/$defs/listQuery', handler: list },
  { method: 'post', path: '/api/programmes', tag: 'programmes', summary: 'Create a programme', access: admin, body: 'admin#/$defs/programmeCreate', response: 'admin#/$defs/programme', status: 201, handler: create },
  { method: 'get', path: '/api/programmes/:id', tag: 'programmes', summary: 'One programme', access: 'user', response: 'admin#/$defs/programme', handler: (ctx) => get(ctx, ctx.params.id) },
  { method: 'patch', path: '/api/programmes/:id', tag: 'programmes', summary: 'Update a programme, its partners and members', access: admin, body: 'admin#/$defs/programmePatch', response: 'admin#/$defs/programme', handler: update },
];
