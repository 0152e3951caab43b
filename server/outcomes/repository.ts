// Outcomes in the database: rows, goal tags, translations, and the filtered, ranked list.
import type { Knex } from 'knex';
import { Db, isPostgres } from '../db/knex';
import type { CurrentUser } from '../http/types';
import { whereVisible } from './access';
import { cachedRead, remembers, scopeKey } from '../db/read-cache';
import { CountFor, evidenceCountSql, selectEvidenceCount, whereEvidenceCount } from './evidence-count';
import { applyFts, rowColumns } from '../db/fts';
import type { Reader } from '../domain/readers';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type OutcomeFilters = {
  goalCodes?: string[]; frameworks?: string[]; orgIds?: string[]; programmeIds?: string[]; harvestIds?: string[];
  countries?: string[]; statuses?: string[]; changeTypes?: string[]; quadrants?: string[]; sensitivities?: string[];
  languages?: string[]; from?: string; to?: string; positive?: boolean; intended?: boolean; terms?: string[];
  evidenceMin?: number; evidenceMax?: number;
};

// sort=evidence orders by the reader's own count (evidence-count.ts), not by the stored whole
const SORTS: Record<string, string> = {
  occurredOn: 'o.occurred_start', createdAt: 'o.created_at', updatedAt: 'o.updated_at', title: 'o.title', status: 'o.status',
};

const base = (db: Db) => db('outcomes as o').join('organisations as org', 'org.id', 'o.organisation_id');

/** The kind's scoped query: the outcomes this reader may see (alias `o`), joined to their organisation (`org`). */
export const visibleTo = (db: Db, reader: Reader) => whereVisible(base(db), reader) as ReturnType<typeof base>;


/** The bare row (no reader's evidence count: for checks, never shown as it is). */
export async function findRow(db: Db, id: string): Promise<Row | undefined> {
  return base(db).where('o.id', id).first(...await rowColumns(db, 'outcomes', 'o'), 'org.name as organisation_name');
}

/**
 * One outcome with its goal tags in one query: GET /api/outcomes/:id is the hottest read, and on
 * SQLite's single connection every query a request saves is throughput gained.
 */
type GoalTag = { code: string; primary: boolean };
/** The order goals are listed in: the primary goal first, then by code. */
const goalOrder = (a: GoalTag, b: GoalTag) => Number(b.primary) - Number(a.primary) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export async function findWithGoals(db: Db, id: string, reader: CountFor): Promise<{ row: Row; goals: GoalTag[] } | undefined> {
  const tags = isPostgres(db)
    ? 'coalesce(json_agg(json_build_array(g.goal_code, g.is_primary)), \'[]\'::json)'
    : 'json_group_array(json_array(g.goal_code, g.is_primary))';
  const found = await base(db).where('o.id', id)
    .first(...await rowColumns(db, 'outcomes', 'o'), 'org.name as organisation_name', selectEvidenceCount(db, reader), db.raw(`(SELECT ${tags} FROM outcome_goals g WHERE g.outcome_id = o.id) AS goal_tags`));
  if (!found) return undefined;
  const { goal_tags: stored, ...row } = found;
  const tagged = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Array<[string, boolean | number]>;
  return { row, goals: tagged.map(([code, primary]) => ({ code, primary: !!primary })).sort(goalOrder) };
}

export async function goalsOf(db: Db, ids: string[]): Promise<Map<string, GoalTag[]>> {
  const out = new Map<string, GoalTag[]>();
  if (!ids.length) return out;
  for (const r of await db('outcome_goals').whereIn('outcome_id', ids)) {
    const list = out.get(r.outcome_id) ?? [];
    list.push({ code: r.goal_code, primary: !!r.is_primary });
    out.set(r.outcome_id, list);
  }
  for (const list of out.values()) list.sort(goalOrder);
  return out;
}

export async function insert(db: Db, row: Row): Promise<void> {
  await db('outcomes').insert(row);
}

export async function update(db: Db, id: string, row: Row): Promise<void> {
  await db('outcomes').where({ id }).update(row);
}

export async function setGoals(db: Db, id: string, goals: Array<{ code: string; primary?: boolean }>): Promise<void> {
  await db('outcome_goals').where({ outcome_id: id }).del();
  if (goals.length) await db('outcome_goals').insert(goals.map((g) => ({ outcome_id: id, goal_code: g.code, is_primary: !!g.primary })));
}

/**
 * Applies the list filters (AND across filters, OR within one) to a query on outcomes `o`, read
 * for `reader`: the evidence filters count only the evidence that reader may open.
 */
export function applyFilters(qb: Knex.QueryBuilder, db: Db, f: OutcomeFilters, reader: CountFor): Knex.QueryBuilder {
  if (f.goalCodes) {
    // SQLite: "+" keeps the planner on the (outcome_id, goal_code) key — one probe per outcome
    // instead of one per goal code (measured 2x faster at 100,000 outcomes; bench/README.md)
    const goal = isPostgres(db) ? 'g.goal_code' : '+g.goal_code';
    qb.whereExists(db('outcome_goals as g').whereRaw('g.outcome_id = o.id').whereRaw(`${goal} in (${f.goalCodes.map(() => '?').join(',')})`, f.goalCodes));
  }
  if (f.frameworks) {
    qb.whereExists(db('outcome_goals as g').join('goals as gl', 'gl.code', 'g.goal_code').whereRaw('g.outcome_id = o.id').whereIn('gl.framework_id', f.frameworks));
  }
  if (f.orgIds) qb.whereIn('o.organisation_id', f.orgIds);
  if (f.programmeIds) qb.whereIn('o.organisation_id', db('programme_partners').whereIn('programme_id', f.programmeIds).select('organisation_id'));
  if (f.harvestIds) qb.whereIn('o.harvest_id', f.harvestIds);
  if (f.countries) qb.whereIn('o.country', f.countries);
  if (f.statuses) qb.whereIn('o.status', f.statuses);
  if (f.changeTypes) qb.whereIn('o.change_type', f.changeTypes);
  if (f.quadrants) qb.whereIn('o.quadrant', f.quadrants);
  if (f.sensitivities) qb.whereIn('o.sensitivity', f.sensitivities);
  if (f.languages) qb.whereIn('o.language', f.languages);
  // a record matches a period when its whole known period lies within it
  if (f.from) qb.where('o.occurred_start', '>=', f.from);
  if (f.to) qb.where('o.occurred_end', '<=', f.to);
  if (f.positive !== undefined) qb.where('o.positive', f.positive);
  if (f.intended !== undefined) qb.where('o.intended', f.intended);
  return whereEvidenceCount(qb, db, reader, f.evidenceMin, f.evidenceMax);
}

export async function list(
  db: Db, user: CurrentUser, f: OutcomeFilters, sort: string | undefined, page: { page: number; pageSize: number },
): Promise<{ rows: Row[]; total: number }> {
  const qb = db('outcomes as o');
  whereVisible(qb, user);
  applyFilters(qb, db, f, { user });
  const search = f.terms?.length ? applyFts(qb, db, 'outcomes', 'o', f.terms) : undefined;
  if (search && (!sort || sort === 'relevance')) qb.orderByRaw(`${search.rank} desc`);
  else if (sort && sort !== 'relevance') {
    const field = sort.replace(/^-/, '');
    const direction = sort.startsWith('-') ? 'desc' : 'asc';
    if (field === 'evidence') qb.orderByRaw(`${evidenceCountSql(db, { user })} ${direction}`);
    else qb.orderBy(SORTS[field], direction);
  }
  else qb.orderBy('o.updated_at', 'desc');
  const offset = (page.page - 1) * page.pageSize;
  if (remembers(db)) {
    // every match in order, kept until the next write (server/db/read-cache.ts): a page is a slice
    const key = `outcomes:${scopeKey(user)}:${JSON.stringify(f)}:${sort ?? ''}`;
    const seqs = await cachedRead(db, key, async () => Int32Array.from(await qb.orderBy('o.seq', 'desc').pluck('o.seq')), (s) => s.length);
    return { rows: await rowsBy(db, 'seq', Array.from(seqs.subarray(offset, offset + page.pageSize)), user), total: seqs.length };
  }
  // one pass over the matches gives both the page (ids, from the covering index) and the total
  const hits: Array<{ id: string; total: number | string }> = await qb.clone().orderBy('o.seq', 'desc')
    .select('o.id', db.raw('count(*) over () as total')).limit(page.pageSize).offset(offset);
  const total = hits.length ? Number(hits[0].total) : page.page > 1 ? Number((await qb.clearOrder().count({ n: '*' }))[0].n) : 0;
  return { rows: await rowsBy(db, 'id', hits.map((h) => h.id), user), total };
}

/**
 * Full rows of these outcomes, in the order given — checked for visibility again, as a record may
 * have changed since its key was matched (one that did is left out of this page).
 */
async function rowsBy(db: Db, column: 'id' | 'seq', keys: Array<string | number>, user: CurrentUser): Promise<Row[]> {
  if (!keys.length) return [];
  const byKey = new Map<string | number, Row>();
  const qb = base(db).whereIn(`o.${column}`, keys);
  whereVisible(qb, user);
  for (const r of await qb.select(...await rowColumns(db, 'outcomes', 'o'), 'org.name as organisation_name', selectEvidenceCount(db, { user }))) byKey.set(r[column], r);
  return keys.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
}

/**
 * Recounts the evidence of outcomes: items on the record, linked stories and fragments, files —
 * the whole, and the links and files apart (what a reader's count may take out: evidence-count.ts).
 */
export async function refreshEvidenceCount(db: Db, ids?: string[]): Promise<void> {
  if (ids && !ids.length) return;
  const items = isPostgres(db) ? 'json_array_length(evidence::json)' : 'json_array_length(evidence)';
  const links = '(SELECT count(*) FROM evidence_links l WHERE l.outcome_id = outcomes.id)';
  const files = "(SELECT count(*) FROM files f WHERE f.entity_type = 'outcome' AND f.entity_id = outcomes.id)";
  await db.raw(`UPDATE outcomes SET evidence_count = ${items} + ${links} + ${files}, evidence_link_count = ${links}, evidence_file_count = ${files}
    ${ids ? `WHERE id IN (${ids.map(() => '?').join(',')})` : ''}`, ids ?? []);
}

export async function translationsOf(db: Db, id: string): Promise<Row[]> {
  return db('outcome_translations').where({ outcome_id: id }).orderBy('language');
}
