// Search across the three kinds of qualitative evidence — outcomes, stories, fragments — with the
// kind as a facet, the shared filters, and each kind's own visibility rule in SQL, so a record
// that a user may not see is neither listed nor counted. Results are merged by relevance (or by
// last change when there is no query).
import type { Knex } from 'knex';
import type { Ctx } from '../http/types';
import type { Db } from '../db/knex';
import { listOf, pageOf } from '../http/paging';
import { periodFilter } from '../records/lists';
import { withDescendants } from '../frameworks/service';
import { queryTerms } from '../core/fold';
import { applyFts } from '../db/fts';
import { snippetOf } from './snippet';
import type { Keyring } from '../crypto/fields';
import { blindTerms, openRows, type SealedKind } from '../crypto/record-keys';
import { bounded, searchDbFor } from '../db/search-connection';
import { applyFilters as outcomeFilters, visibleTo as visibleOutcomes } from '../outcomes/repository';
import { whereStoryVisible } from '../stories/access';
import { applyFilters as storyFilters } from '../stories/repository';
import { whereFragmentVisible } from '../fragments/access';
import { applyFilters as fragmentFilters } from '../fragments/repository';
import { kindsJoining } from '../kinds/registry';

/** The kinds that join search (server/kinds/registry.ts), each with its source below. */
const KINDS = kindsJoining('search') as Kind[];
type Kind = 'outcome' | 'story' | 'fragment';
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Shared = { goalCodes?: string[]; orgIds?: string[]; programmeIds?: string[]; countries?: string[]; languages?: string[]; statuses?: string[]; from?: string; to?: string };

/** Per kind: its table and alias, its visible and filtered rows, and the columns a result shows. */
/** `sealed`: the kind's text is sealed per record and its index blind (server/crypto/record-keys.ts). */
const SOURCES: Record<Kind, { table: string; alias: string; query: (db: Db, ctx: Ctx, f: Shared) => Knex.QueryBuilder; columns: string[]; text: string; sealed?: SealedKind }> = {
  outcome: {
    table: 'outcomes', alias: 'o',
    query: (db, ctx, f) => outcomeFilters(visibleOutcomes(db, ctx.user), db, f, { user: ctx.user }),
    columns: ['o.id', 'o.title', 'o.status', 'o.language', 'o.country', 'o.occurred_date as date', 'o.updated_at', 'o.organisation_id', 'org.name as organisation_name'],
    text: 'description',
  },
  story: {
    table: 'stories', alias: 's',
    query: (db, ctx, f) => storyFilters(whereStoryVisible(db('stories as s').join('organisations as org', 'org.id', 's.organisation_id'), ctx.user, 's'), db, f),
    columns: ['s.id', 's.title', 's.status', 's.language', 's.country', 's.collected_on as date', 's.updated_at', 's.organisation_id', 'org.name as organisation_name'],
    text: 'story', sealed: 'story',
  },
  fragment: {
    table: 'fragments', alias: 'f',
    query: (db, ctx, f) => fragmentFilters(whereFragmentVisible(db('fragments as f').join('organisations as org', 'org.id', 'f.organisation_id').join('sources as src', 'src.id', 'f.source_id'), ctx.user, 'f'), db, f),
    columns: ['f.id', 'src.title as source_title', 'f.locator', 'f.status', 'f.language', 'f.country', 'src.year as date', 'f.updated_at', 'f.organisation_id', 'org.name as organisation_name'],
    text: 'excerpt', sealed: 'fragment',
  },
};

async function sharedFilters(ctx: Ctx, q: Record<string, string | undefined>): Promise<Shared> {
  const goals = listOf(q.goal);
  const { from, to } = periodFilter(q);
  return {
    goalCodes: goals && (await withDescendants(ctx.db, goals)), orgIds: listOf(q.org), programmeIds: listOf(q.programme),
    countries: listOf(q.country), languages: listOf(q.language), statuses: listOf(q.status), from, to,
  };
}

function item(kind: Kind, r: Row) {
  const title = kind === 'fragment' ? `${r.source_title}${r.locator ? `, ${r.locator}` : ''}` : r.title;
  return {
    kind, id: r.id, title, snippet: '', status: r.status, language: r.language, country: r.country ?? null,
    date: r.date === null || r.date === undefined ? null : String(r.date), organisation: { id: r.organisation_id, name: r.organisation_name },
    updatedAt: r.updated_at, score: r.score === undefined ? null : Number(r.score),
  };
}

const MAX_WINDOW = 10_000; // deep pages of a merged ranking are not useful; keep the work bounded

/** The search, on the searches' own connections and within their limits (./connection.ts). */
export async function search(ctx: Ctx<unknown, Record<string, string | undefined>>) {
  return bounded(() => searchOn({ ...ctx, db: searchDbFor(ctx) }));
}

/**
 * Snippets for the page's items only, from texts read for them alone: a ranking window of 100
 * per kind over 50,000-character texts would otherwise move megabytes and fold every word.
 */
async function withSnippets(db: Db, ring: Keyring, items: Array<ReturnType<typeof item>>, terms: string[]) {
  for (const kind of KINDS) {
    const ids = items.filter((i) => i.kind === kind).map((i) => i.id);
    if (!ids.length) continue;
    const src = SOURCES[kind];
    const rows: Row[] = await db(src.table).whereIn('id', ids).select('id', `${src.text} as text`);
    if (src.sealed) await openRows(db, ring, src.sealed, rows, ['text']);
    const texts = new Map<string, string>(rows.map((r) => [r.id, r.text ?? '']));
    for (const i of items) if (i.kind === kind) i.snippet = snippetOf(texts.get(i.id) ?? '', terms);
  }
  return items;
}

async function searchOn(ctx: Ctx<unknown, Record<string, string | undefined>>) {
  const page = pageOf(ctx.query, 20);
  const kinds = (listOf(ctx.query.kind) ?? [...KINDS]) as Kind[];
  const terms = ctx.query.q ? queryTerms(ctx.query.q) : [];
  const empty = { items: [], total: 0, page: page.page, pageSize: page.pageSize, facets: { kind: { outcome: 0, story: 0, fragment: 0 } } };
  if (ctx.query.q !== undefined && !terms.length) return empty;
  const filters = await sharedFilters(ctx, ctx.query);
  const window = Math.min(page.page * page.pageSize, MAX_WINDOW);
  const facets: Record<Kind, number> = { outcome: 0, story: 0, fragment: 0 };
  const found: Array<ReturnType<typeof item>> = [];
  for (const kind of KINDS) {
    const src = SOURCES[kind];
    const qb = src.query(ctx.db, ctx, filters);
    const rank = !terms.length ? undefined : src.sealed
      ? applyFts(qb, ctx.db, src.table, src.alias, blindTerms(ctx.app.keyring, terms), { exact: true }).rank
      : applyFts(qb, ctx.db, src.table, src.alias, terms).rank;
    const [{ n }] = await qb.clone().clearSelect().count({ n: '*' });
    facets[kind] = Number(n); // the facet counts every kind, whichever kinds are asked for
    if (!kinds.includes(kind) || !facets[kind]) continue;
    qb.select(src.columns);
    if (rank) qb.select(ctx.db.raw(`${rank} as score`)).orderByRaw(`${rank} desc`);
    const rows = await qb.orderBy(`${src.alias}.updated_at`, 'desc').limit(window);
    found.push(...rows.map((r: Row) => item(kind, r)));
  }
  found.sort((a, b) => (terms.length ? (b.score ?? 0) - (a.score ?? 0) : 0) || b.updatedAt.localeCompare(a.updatedAt));
  const items = await withSnippets(ctx.db, ctx.app.keyring, found.slice((page.page - 1) * page.pageSize, page.page * page.pageSize), terms);
  const total = kinds.reduce((sum, k) => sum + facets[k], 0);
  return { items, total, page: page.page, pageSize: page.pageSize, facets: { kind: facets } };
}
