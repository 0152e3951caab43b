// Stories in the database: rows, goal tags, translations, and the filtered, ranked list. The
// story's text, why it is significant and its translations are sealed under the story's own key
// (server/crypto/record-keys.ts), and its search index is blind: rows are sealed on the way in
// (sealStoryRow) and opened on the way out, here.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import { applyFts, rowColumns } from '../db/fts';
import { whereStoryVisible } from './access';
import type { Keyring } from '../crypto/fields';
import { blindIndex, blindTerms, openRows, recordKey, seal, sealNullable } from '../crypto/record-keys';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Goal = { code: string; primary: boolean };

export type StoryFilters = {
  goalCodes?: string[]; orgIds?: string[]; programmeIds?: string[]; harvestIds?: string[]; domains?: string[];
  countries?: string[]; statuses?: string[]; sensitivities?: string[]; languages?: string[]; consents?: string[];
  from?: string; to?: string; terms?: string[];
};

const SORTS: Record<string, string> = { collectedOn: 's.collected_on', createdAt: 's.created_at', updatedAt: 's.updated_at', title: 's.title', status: 's.status' };

const base = (db: Db) => db('stories as s').join('organisations as org', 'org.id', 's.organisation_id');

const SEALED = ['story', 'why_significant'] as const;

/** The row as stored: the narrative sealed under the story's key, the folded search text made blind. */
export async function sealStoryRow(db: Db, ring: Keyring, id: string, row: Row): Promise<Row> {
  const key = await recordKey(db, ring, 'story', id);
  return {
    ...row, ...('story' in row && { story: sealNullable(key, row.story) }), ...('why_significant' in row && { why_significant: sealNullable(key, row.why_significant) }),
    ...('search_text' in row && { search_text: blindIndex(ring, row.search_text) }),
  };
}

/** Story rows as read, their narrative opened. */
export const openStoryRows = <R extends Row>(db: Db, ring: Keyring, rows: R[]) => openRows(db, ring, 'story', rows, SEALED);

export async function findRow(db: Db, ring: Keyring, id: string): Promise<Row | undefined> {
  const row = await base(db).where('s.id', id).first(...await rowColumns(db, 'stories', 's'), 'org.name as organisation_name');
  return row && (await openStoryRows(db, ring, [row]))[0];
}

/** Goal tags of stories or fragments (`table` story_goals or fragment_goals, keyed by `column`). */
export async function goalsOf(db: Db, table: string, column: string, ids: string[]): Promise<Map<string, Goal[]>> {
  const out = new Map<string, Goal[]>();
  if (!ids.length) return out;
  const rows = await db(table).whereIn(column, ids).orderBy([{ column: 'is_primary', order: 'desc' }, 'goal_code']);
  for (const r of rows) out.set(r[column], [...(out.get(r[column]) ?? []), { code: r.goal_code, primary: !!r.is_primary }]);
  return out;
}

export async function setGoals(db: Db, table: string, column: string, id: string, goals: Array<{ code: string; primary?: boolean }>): Promise<void> {
  await db(table).where({ [column]: id }).del();
  if (goals.length) await db(table).insert(goals.map((g) => ({ [column]: id, goal_code: g.code, is_primary: !!g.primary })));
}

export function applyFilters(qb: Knex.QueryBuilder, db: Db, f: StoryFilters): Knex.QueryBuilder {
  if (f.goalCodes) qb.whereExists(db('story_goals as g').whereRaw('g.story_id = s.id').whereIn('g.goal_code', f.goalCodes));
  if (f.orgIds) qb.whereIn('s.organisation_id', f.orgIds);
  if (f.programmeIds) qb.whereIn('s.organisation_id', db('programme_partners').whereIn('programme_id', f.programmeIds).select('organisation_id'));
  if (f.harvestIds) qb.whereIn('s.harvest_id', f.harvestIds);
  if (f.domains) qb.whereIn('s.domain', f.domains);
  if (f.countries) qb.whereIn('s.country', f.countries);
  if (f.statuses) qb.whereIn('s.status', f.statuses);
  if (f.sensitivities) qb.whereIn('s.sensitivity', f.sensitivities);
  if (f.languages) qb.whereIn('s.language', f.languages);
  if (f.consents) {
    const levels = f.consents.filter((c) => c !== 'none');
    qb.where((w) => { w.whereIn('s.consent_level', levels); if (f.consents!.includes('none')) w.orWhereNull('s.consent_level'); });
  }
  if (f.from) qb.where('s.collected_on', '>=', f.from);
  if (f.to) qb.where('s.collected_on', '<=', f.to);
  return qb;
}

export async function list(db: Db, ring: Keyring, user: CurrentUser, f: StoryFilters, sort: string | undefined, page: { page: number; pageSize: number }) {
  const qb = base(db);
  whereStoryVisible(qb, user);
  applyFilters(qb, db, f);
  const search = f.terms?.length ? applyFts(qb, db, 'stories', 's', blindTerms(ring, f.terms), { exact: true }) : undefined;
  const [{ n }] = await qb.clone().clearSelect().count({ n: '*' });
  if (search && (!sort || sort === 'relevance')) qb.orderByRaw(`${search.rank} desc`);
  else if (sort && sort !== 'relevance') qb.orderBy(SORTS[sort.replace(/^-/, '')], sort.startsWith('-') ? 'desc' : 'asc');
  else qb.orderBy('s.updated_at', 'desc');
  const rows: Row[] = await qb.orderBy('s.seq', 'desc').select(...await rowColumns(db, 'stories', 's'), 'org.name as organisation_name')
    .limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { rows: await openStoryRows(db, ring, rows), total: Number(n) };
}

export async function translationsOf(db: Db, ring: Keyring, ids: string[]): Promise<Array<Row & { title: string; story: string }>> {
  const rows = ids.length ? await db('story_translations').whereIn('story_id', ids).orderBy(['story_id', 'language']) : [];
  return openRows(db, ring, 'story', rows, SEALED, (r) => r.story_id);
}

/** A translation's row as stored: its text sealed under the story's key. */
export async function sealTranslationRow(db: Db, ring: Keyring, storyId: string, row: Row): Promise<Row> {
  const key = await recordKey(db, ring, 'story', storyId);
  return { ...row, story: seal(key, row.story), why_significant: sealNullable(key, row.why_significant) };
}
