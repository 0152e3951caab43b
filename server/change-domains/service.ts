// Domains of change of a harvest: the broad areas in which Most Significant Change stories are
// collected and selected. The two the technique recommends are always there, stored or not.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created } from '../http/types';
import { notFound, Problem } from '../http/problem';
import type { Db } from '../db/knex';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { diff, recordRevision } from '../revisions/log';
import { fold } from '../core/fold';
import { namesOf, namesText } from '../reference/language';
import type { DomainCreate, DomainPatch } from '../generated/schemas';

/** `names`: the name in French, Arabic and Dutch where given (the two recommended domains are words of the interface). */
export type Domain = { code: string; name: string; names: Record<string, string>; description: string | null; recommended: boolean };

export const RECOMMENDED: Domain[] = [
  { code: 'any-other-change', name: 'Any other change', names: {}, description: 'Significant changes that fit none of the other domains.', recommended: true },
  { code: 'negative-change', name: 'Negative change', names: {}, description: 'Changes for the worse, or unintended harm, that the storyteller finds significant.', recommended: true },
];
export const RECOMMENDED_CODES = RECOMMENDED.map((d) => d.code);

/** The harvest if the user works in its programme (admins: any); 404 otherwise. */
export async function visibleHarvest(ctx: Ctx, id: string): Promise<{ id: string; programme_id: string }> {
  const h = await ctx.db('harvests').where({ id }).first('id', 'programme_id');
  if (!h || (ctx.user.role !== 'admin' && !ctx.user.programmeIds.includes(h.programme_id))) throw notFound('harvest');
  return h;
}

export async function domainsOf(db: Db, harvestId: string): Promise<Domain[]> {
  const rows = await db('change_domains').where({ harvest_id: harvestId }).orderBy(['position', 'code']);
  return [...RECOMMENDED, ...rows.map((r) => ({ code: r.code, name: r.name, names: namesOf(r.names), description: r.description ?? null, recommended: false }))];
}

/** Whether a story may be filed under this domain: its harvest's, or (no harvest) any harvest's of its organisation's programmes. */
export async function isKnownDomain(db: Db, code: string, harvestId: string | null | undefined, organisationId: string): Promise<boolean> {
  if (RECOMMENDED_CODES.includes(code)) return true;
  const q = db('change_domains as d').where('d.code', code);
  if (harvestId) q.where('d.harvest_id', harvestId);
  else {
    q.join('harvests as h', 'h.id', 'd.harvest_id').join('programme_partners as pp', 'pp.programme_id', 'h.programme_id')
      .where('pp.organisation_id', organisationId);
  }
  return !!(await q.first('d.code'));
}

export async function list(ctx: Ctx) {
  const h = await visibleHarvest(ctx, ctx.params.id);
  const items = await domainsOf(ctx.db, h.id);
  return { items, total: items.length, page: 1, pageSize: items.length };
}

export const domainCode = (name: string) => fold(name).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80);

export async function add(ctx: Ctx<DomainCreate>) {
  const h = await visibleHarvest(ctx, ctx.params.id);
  const code = ctx.body.code ?? domainCode(ctx.body.name);
  if (!/^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(code)) {
    throw new Problem('unprocessable', 'A domain needs a code of lower-case letters, digits and hyphens', [{ path: '/code', message: 'is not a valid code' }]);
  }
  const existing = await ctx.db('change_domains').where({ harvest_id: h.id, code }).first('code');
  if (RECOMMENDED_CODES.includes(code) || existing) {
    throw new Problem('already_exists', `The harvest has a domain ${code} already`, [{ path: '/code', message: 'is taken' }]);
  }
  const [{ n }] = await ctx.db('change_domains').where({ harvest_id: h.id }).count({ n: '*' });
  const row = { id: randomUUID(), harvest_id: h.id, code, name: ctx.body.name, names: namesText(ctx.body.names), description: ctx.body.description ?? null, position: Number(n), created_by: ctx.user.id, created_at: nowIso() };
  await ctx.db('change_domains').insert(row);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'harvest', entityId: h.id, actorId: ctx.user.id, action: 'add_domain', changes: [{ field: `domains.${code}`, old: null, new: ctx.body.name }], personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'harvest.domain.add', entityType: 'harvest', entityId: h.id, details: { code } });
  return created({ code, name: row.name, names: namesOf(row.names), description: row.description, recommended: false });
}

/**
 * Renames a domain, describes it, or names it in French, Arabic and Dutch; its code stays, since
 * stories are filed under it. The two recommended domains are words of the interface: 409.
 */
export async function update(ctx: Ctx<DomainPatch>) {
  const h = await visibleHarvest(ctx, ctx.params.id);
  if (RECOMMENDED_CODES.includes(ctx.params.code)) {
    throw new Problem('conflict', 'The recommended domains are named by the interface in every language', [{ path: '/code', message: 'is a recommended domain', code: 'recommended' }]);
  }
  const r = await ctx.db('change_domains').where({ harvest_id: h.id, code: ctx.params.code }).first();
  if (!r) throw notFound('domain');
  const before = { name: r.name as string, names: namesOf(r.names), description: (r.description ?? null) as string | null };
  const after = { ...before, ...ctx.body, ...(ctx.body.names && { names: namesOf(namesText(ctx.body.names)) }) };
  const changes = diff(before, after, ['name', 'names', 'description']);
  if (changes.length) {
    await ctx.db('change_domains').where({ id: r.id }).update({ name: after.name, names: namesText(after.names), description: after.description });
    await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'harvest', entityId: h.id, actorId: ctx.user.id, action: 'update_domain', changes: changes.map((c) => ({ ...c, field: `domains.${r.code}.${c.field}` })), personal: [] });
    await audit(ctx.db, { actorId: ctx.user.id, action: 'harvest.domain.update', entityType: 'harvest', entityId: h.id, details: { code: r.code, fields: changes.map((c) => c.field) } });
  }
  return { code: r.code, name: after.name, names: after.names, description: after.description, recommended: false };
}
