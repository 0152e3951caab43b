// Research sources: the interview, focus group, report, survey answer or media item a fragment is
// excerpted from. A source belongs to one programme (through it, its fragments do); `internal`
// sources and their fragments never leave the organisation and the programme's evaluators.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created } from '../http/types';
import { forbidden, notFound, Problem } from '../http/problem';
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { diff, recordRevision } from '../revisions/log';
import { listOf, listReply, pageOf } from '../http/paging';
import { searchTextOf } from './representation';
import type { Keyring } from '../crypto/fields';
import { blindIndex } from '../crypto/record-keys';
import { openFragmentRows } from './repository';
import type { Knex } from 'knex';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type SourceInput = { title: string; type: string; author?: string | null; year: number; url?: string | null; confidentiality: 'public' | 'internal'; programmeId?: string };

const present = (r: Row) => ({
  id: r.id, title: r.title, type: r.type, author: r.author ?? null, year: Number(r.year), url: r.url ?? null,
  confidentiality: r.confidentiality, programmeId: r.programme_id, organisation: { id: r.organisation_id, name: r.organisation_name },
  createdAt: r.created_at, updatedAt: r.updated_at,
});

function whereSourceVisible(qb: Knex.QueryBuilder, user: CurrentUser): Knex.QueryBuilder {
  if (user.role === 'admin') return qb;
  return qb.where((w) => w.where('s.organisation_id', user.organisationId)
    .orWhere((p) => p.whereIn('s.programme_id', user.programmeIds)
      .where((c) => (user.role === 'evaluator' ? c : c.where('s.confidentiality', 'public')))));
}

const base = (db: Db) => db('sources as s').join('organisations as org', 'org.id', 's.organisation_id');

/** The source row if the user may see it, else undefined. */
export async function visibleSource(ctx: Ctx, id: string): Promise<Row | undefined> {
  return whereSourceVisible(base(ctx.db).where('s.id', id), ctx.user).first('s.*', 'org.name as organisation_name');
}

export async function get(ctx: Ctx) {
  const r = await visibleSource(ctx, ctx.params.id);
  if (!r) throw notFound('source');
  return present(r);
}

export async function list(ctx: Ctx<unknown, Record<string, string | undefined>>) {
  const page = pageOf(ctx.query);
  const qb = whereSourceVisible(base(ctx.db), ctx.user);
  const types = listOf(ctx.query.type);
  const programmes = listOf(ctx.query.programme);
  if (types) qb.whereIn('s.type', types);
  if (programmes) qb.whereIn('s.programme_id', programmes);
  for (const term of (ctx.query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) qb.whereRaw('lower(s.title) like ?', [`%${term}%`]);
  const [{ n }] = await qb.clone().count({ n: '*' });
  const rows = await qb.orderBy([{ column: 's.year', order: 'desc' }, 's.title']).select('s.*', 'org.name as organisation_name')
    .limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return listReply(rows.map(present), Number(n), page);
}

/** The programme a new source belongs to: the one named, or the user's only programme. */
function programmeOf(ctx: Ctx, named?: string): string {
  if (named && (ctx.user.role === 'admin' || ctx.user.programmeIds.includes(named))) return named;
  if (!named && ctx.user.programmeIds.length === 1) return ctx.user.programmeIds[0];
  throw new Problem('unprocessable', 'Name one of your programmes for the source', [{ path: '/programmeId', message: named ? 'is not one of your programmes' : 'is required when you work in several programmes' }]);
}

export async function create(ctx: Ctx<SourceInput>) {
  const b = ctx.body;
  const programmeId = programmeOf(ctx, b.programmeId);
  if (ctx.user.role === 'admin' && !(await ctx.db('programmes').where({ id: programmeId }).first('id'))) {
    throw new Problem('unprocessable', 'No such programme', [{ path: '/programmeId', message: 'no such programme' }]);
  }
  const id = randomUUID();
  const now = nowIso();
  await ctx.db('sources').insert({
    id, organisation_id: ctx.user.organisationId, programme_id: programmeId, title: b.title, author: b.author ?? null, year: b.year,
    type: b.type, url: b.url ?? null, confidentiality: b.confidentiality, created_by: ctx.user.id, created_at: now, updated_at: now,
  });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'source.create', entityType: 'source', entityId: id });
  return created(present((await visibleSource(ctx, id))!));
}

const FIELDS = ['title', 'type', 'author', 'year', 'url', 'confidentiality'] as const;

export async function update(ctx: Ctx<Partial<SourceInput>>) {
  const r = await visibleSource(ctx, ctx.params.id);
  if (!r) throw notFound('source');
  const reviewer = ctx.user.role === 'admin' || (ctx.user.role === 'evaluator' && ctx.user.programmeIds.includes(r.programme_id));
  if (r.organisation_id !== ctx.user.organisationId && !reviewer) throw forbidden('Only its organisation or its evaluators may edit this source');
  const before = present(r);
  const after = { ...before, ...ctx.body };
  const changes = diff(before, after, FIELDS);
  if (!changes.length) return before;
  await ctx.db('sources').where({ id: r.id }).update({
    title: after.title, type: after.type, author: after.author ?? null, year: after.year, url: after.url ?? null,
    confidentiality: after.confidentiality, updated_at: nowIso(),
  });
  if (after.title !== before.title) await refreshFragmentSearch(ctx.db, ctx.app.keyring, r.id, after.title);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'source', entityId: r.id, actorId: ctx.user.id, action: 'update', changes, personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'source.update', entityType: 'source', entityId: r.id, details: { fields: changes.map((c) => c.field) } });
  return present((await visibleSource(ctx, r.id))!);
}

/** A fragment's search text includes its source's title, so a renamed source re-indexes them. */
async function refreshFragmentSearch(db: Db, ring: Keyring, sourceId: string, title: string): Promise<void> {
  const rows = await openFragmentRows(db, ring, await db('fragments').where({ source_id: sourceId }).select('id', 'excerpt', 'locator', 'admin_area'));
  for (const f of rows) {
    const folded = searchTextOf({ excerpt: f.excerpt, locator: f.locator, location: f.admin_area ? { country: '', adminArea: f.admin_area } : null }, title);
    await db('fragments').where({ id: f.id }).update({ search_text: blindIndex(ring, folded) });
  }
}
