// Fragments in the database: rows with their source, goal tags, themes, and the filtered list. The
// excerpt is sealed under the fragment's own key and its search index is blind
// (server/crypto/record-keys.ts): rows are sealed on the way in (sealFragmentRow), opened here on
// the way out.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import { applyFts, rowColumns } from '../db/fts';
import { whereFragmentVisible } from './access';
import type { Keyring } from '../crypto/fields';
import { blindIndex, blindTerms, openRows, recordKey, seal } from '../crypto/record-keys';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type FragmentFilters = {
  sourceIds?: string[]; sourceTypes?: string[]; themes?: string[]; goalCodes?: string[]; orgIds?: string[]; programmeIds?: string[];
  statuses?: string[]; languages?: string[]; countries?: string[]; sensitivities?: string[]; consents?: string[];
  from?: string; to?: string; terms?: string[];
};

const SORTS: Record<string, string> = { createdAt: 'f.created_at', updatedAt: 'f.updated_at', status: 'f.status', year: 'src.year' };

const SELECT = [
  'org.name as organisation_name', 'src.id as source_id', 'src.title as source_title', 'src.type as source_type',
  'src.author as source_author', 'src.year as source_year', 'src.url as source_url', 'src.confidentiality as source_confidentiality',
];

/** The columns a fragment is read with: its own (but the search index) and its source's. */
export const fragmentColumns = async (db: Db) => [...await rowColumns(db, 'fragments', 'f'), ...SELECT];

export const base = (db: Db) => db('fragments as f').join('organisations as org', 'org.id', 'f.organisation_id').join('sources as src', 'src.id', 'f.source_id');

/** The row as stored: the excerpt sealed under the fragment's key, the folded search text made blind. */
export async function sealFragmentRow(db: Db, ring: Keyring, id: string, row: Row): Promise<Row> {
  const key = await recordKey(db, ring, 'fragment', id);
  return { ...row, ...('excerpt' in row && { excerpt: seal(key, row.excerpt) }), ...('search_text' in row && { search_text: blindIndex(ring, row.search_text) }) };
}

/** Fragment rows as read, their excerpt opened. */
export const openFragmentRows = <R extends Row>(db: Db, ring: Keyring, rows: R[]) => openRows(db, ring, 'fragment', rows, ['excerpt']);

export async function findRow(db: Db, ring: Keyring, id: string): Promise<Row | undefined> {
  const row = await base(db).where('f.id', id).first(await fragmentColumns(db));
  return row && (await openFragmentRows(db, ring, [row]))[0];
}

export async function themesOf(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  for (const r of await db('fragment_themes').whereIn('fragment_id', ids).orderBy('theme_code')) {
    out.set(r.fragment_id, [...(out.get(r.fragment_id) ?? []), r.theme_code]);
  }
  return out;
}

export async function setThemes(db: Db, id: string, themes: string[]): Promise<void> {
  await db('fragment_themes').where({ fragment_id: id }).del();
  if (themes.length) await db('fragment_themes').insert(themes.map((code) => ({ fragment_id: id, theme_code: code })));
}

export function applyFilters(qb: Knex.QueryBuilder, db: Db, f: FragmentFilters): Knex.QueryBuilder {
  if (f.sourceIds) qb.whereIn('f.source_id', f.sourceIds);
  if (f.sourceTypes) qb.whereIn('src.type', f.sourceTypes);
  if (f.themes) qb.whereExists(db('fragment_themes as ft').whereRaw('ft.fragment_id = f.id').whereIn('ft.theme_code', f.themes));
  if (f.goalCodes) qb.whereExists(db('fragment_goals as g').whereRaw('g.fragment_id = f.id').whereIn('g.goal_code', f.goalCodes));
  if (f.orgIds) qb.whereIn('f.organisation_id', f.orgIds);
  if (f.programmeIds) qb.whereIn('f.programme_id', f.programmeIds);
  if (f.statuses) qb.whereIn('f.status', f.statuses);
  if (f.languages) qb.whereIn('f.language', f.languages);
  if (f.countries) qb.whereIn('f.country', f.countries);
  if (f.sensitivities) qb.whereIn('f.sensitivity', f.sensitivities);
  if (f.consents) {
    const levels = f.consents.filter((c) => c !== 'none');
    qb.where((w) => { w.whereIn('f.consent_level', levels); if (f.consents!.includes('none')) w.orWhere((n) => n.whereNull('f.consent_level').where('f.has_speaker', true)); });
  }
  // a fragment is dated by its source's year: it matches when that whole year lies within the period
  if (f.from) qb.where('src.year', '>=', Number(f.from.slice(0, 4)) + (f.from.slice(5) === '01-01' ? 0 : 1));
  if (f.to) qb.where('src.year', '<=', Number(f.to.slice(0, 4)) - (f.to.slice(5) === '12-31' ? 0 : 1));
  return qb;
}

export async function list(db: Db, ring: Keyring, user: CurrentUser, f: FragmentFilters, sort: string | undefined, page: { page: number; pageSize: number }) {
  const qb = base(db);
  whereFragmentVisible(qb, user);
  applyFilters(qb, db, f);
  const search = f.terms?.length ? applyFts(qb, db, 'fragments', 'f', blindTerms(ring, f.terms), { exact: true }) : undefined;
  const [{ n }] = await qb.clone().clearSelect().count({ n: '*' });
  if (search && (!sort || sort === 'relevance')) qb.orderByRaw(`${search.rank} desc`);
  else if (sort && sort !== 'relevance') qb.orderBy(SORTS[sort.replace(/^-/, '')], sort.startsWith('-') ? 'desc' : 'asc');
  else qb.orderBy('f.updated_at', 'desc');
  const rows: Row[] = await qb.orderBy('f.seq', 'desc').select(await fragmentColumns(db)).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { rows: await openFragmentRows(db, ring, rows), total: Number(n) };
}
