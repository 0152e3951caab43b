// Indicators and their values in the database: rows, goal links, the filtered lists.
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import { whereIndicatorVisible, whereValueVisible } from './access';
import { levelFromRow, levelToRow, type Level } from './representation';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Page = { page: number; pageSize: number };

const base = (db: Db) => db('indicators as i')
  .leftJoin('programmes as p', 'p.id', 'i.programme_id')
  .leftJoin('organisations as org', 'org.id', 'i.organisation_id');
const COLUMNS = ['i.*', 'p.name as programme_name', 'org.name as organisation_name'];

export async function findRow(db: Db, id: string): Promise<Row | undefined> {
  return base(db).where('i.id', id).first(COLUMNS);
}

export async function goalsOf(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  for (const r of await db('indicator_goals').whereIn('indicator_id', ids).orderBy('goal_code')) {
    out.set(r.indicator_id, [...(out.get(r.indicator_id) ?? []), r.goal_code]);
  }
  return out;
}

export async function setGoals(db: Db, id: string, codes: string[]): Promise<void> {
  await db('indicator_goals').where({ indicator_id: id }).del();
  if (codes.length) await db('indicator_goals').insert(codes.map((c) => ({ indicator_id: id, goal_code: c })));
}

/** A rubric's levels, the lowest first, per indicator. */
export async function levelsOf(db: Db, ids: string[]): Promise<Map<string, Level[]>> {
  const out = new Map<string, Level[]>();
  if (!ids.length) return out;
  for (const r of await db('indicator_levels').whereIn('indicator_id', ids).orderBy(['indicator_id', 'level'])) {
    out.set(r.indicator_id, [...(out.get(r.indicator_id) ?? []), levelFromRow(r)]);
  }
  return out;
}

export async function setLevels(db: Db, id: string, levels: Level[]): Promise<void> {
  await db('indicator_levels').where({ indicator_id: id }).del();
  if (levels.length) await db('indicator_levels').insert(levels.map((l) => levelToRow(id, l)));
}

/** Whether any value of the indicator is stored (a scored rubric keeps its scale). */
export async function hasValues(db: Db, id: string): Promise<boolean> {
  return !!(await db('indicator_values').where({ indicator_id: id }).first('id'));
}

export type IndicatorFilters = { goalCodes?: string[]; programmeIds?: string[]; global?: boolean; codes?: string[] };

const SORTS: Record<string, string> = { code: 'i.code', name: 'i.name', updatedAt: 'i.updated_at' };

export async function list(db: Db, user: CurrentUser, f: IndicatorFilters, sort: string | undefined, page: Page) {
  const qb = base(db);
  whereIndicatorVisible(qb, user);
  if (f.goalCodes) qb.whereExists(db('indicator_goals as ig').whereRaw('ig.indicator_id = i.id').whereIn('ig.goal_code', f.goalCodes));
  if (f.programmeIds || f.global) {
    qb.where((w) => {
      if (f.programmeIds) w.orWhereIn('i.programme_id', f.programmeIds);
      if (f.global) w.orWhereNull('i.programme_id');
    });
  }
  if (f.codes) qb.whereIn('i.code', f.codes);
  const [{ n }] = await qb.clone().clearSelect().count({ n: '*' });
  const key = sort ? SORTS[sort.replace(/^-/, '')] : 'i.code';
  const rows = await qb.orderBy(key, sort?.startsWith('-') ? 'desc' : 'asc').orderBy('i.id')
    .select(COLUMNS).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { rows, total: Number(n) };
}

const valueBase = (db: Db) => db('indicator_values as v')
  .join('indicators as i', 'i.id', 'v.indicator_id')
  .leftJoin('organisations as org', 'org.id', 'v.organisation_id');
const VALUE_COLUMNS = ['v.*', 'org.name as organisation_name'];

export async function findValue(db: Db, indicatorId: string, id: string): Promise<Row | undefined> {
  return valueBase(db).where({ 'v.id': id, 'v.indicator_id': indicatorId }).first(VALUE_COLUMNS);
}

export async function valuesByIds(db: Db, ids: string[]): Promise<Row[]> {
  const rows: Row[] = [];
  // chunked: SQLite and PostgreSQL limit the number of bound parameters
  for (let k = 0; k < ids.length; k += 500) rows.push(...(await valueBase(db).whereIn('v.id', ids.slice(k, k + 500)).select(VALUE_COLUMNS)));
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

export type ValueFilters = { from?: string; to?: string; statuses?: string[]; countries?: string[] };

export async function listValues(db: Db, user: CurrentUser, indicatorId: string, f: ValueFilters, sort: string | undefined, page: Page) {
  const qb = valueBase(db).where('v.indicator_id', indicatorId);
  whereValueVisible(qb, user);
  // a value matches a period when its whole period lies within it, as dated records do
  if (f.from) qb.where('v.period_start', '>=', f.from);
  if (f.to) qb.where('v.period_end', '<=', f.to);
  if (f.statuses) qb.whereIn('v.status', f.statuses);
  if (f.countries) qb.whereIn('v.country', f.countries);
  const [{ n }] = await qb.clone().clearSelect().count({ n: '*' });
  const rows = await qb.orderBy('v.period_end', sort === '-periodEnd' ? 'desc' : 'asc').orderBy('v.period_start').orderBy('v.disaggregation')
    .select(VALUE_COLUMNS).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { rows, total: Number(n) };
}

/** The visible values of one indicator in a period, for its totals: figures only, the latest `max`. */
export async function valueFigures(db: Db, user: CurrentUser, indicatorId: string, f: ValueFilters, max: number) {
  const qb = db('indicator_values as v').join('indicators as i', 'i.id', 'v.indicator_id').where('v.indicator_id', indicatorId);
  whereValueVisible(qb, user);
  if (f.from) qb.where('v.period_start', '>=', f.from);
  if (f.to) qb.where('v.period_end', '<=', f.to);
  if (f.countries) qb.whereIn('v.country', f.countries);
  return qb.orderBy([{ column: 'v.period_end', order: 'desc' }, { column: 'v.period_start', order: 'desc' }]).limit(max)
    .select<Array<{ period_start: string; period_end: string; disaggregation: string; value: number; status: string }>>('v.period_start', 'v.period_end', 'v.disaggregation', 'v.value', 'v.status');
}

/** Stored values among `keys` (period and disaggregation) of one indicator, to name clashing rows. */
export async function existingKeys(db: Db, indicatorId: string, keys: Array<{ period_start: string; period_end: string; disaggregation: string }>) {
  const found = new Set<string>();
  const ends = [...new Set(keys.map((k) => k.period_end))];
  for (let k = 0; k < ends.length; k += 500) {
    const rows = await db('indicator_values').where('indicator_id', indicatorId).whereIn('period_end', ends.slice(k, k + 500))
      .select('id', 'period_start', 'period_end', 'disaggregation');
    for (const r of rows) found.add(`${r.period_start}|${r.period_end}|${r.disaggregation}`);
  }
  return found;
}

export const keyOf = (r: { period_start: string; period_end: string; disaggregation: string }) => `${r.period_start}|${r.period_end}|${r.disaggregation}`;

/** The breakdown values an indicator's values use already, per breakdown key (each spelling once); `except`: the key (keyOf) of a value being edited. */
export async function breakdownValuesOf(db: Db, indicatorId: string, except?: string): Promise<Map<string, Set<string>>> {
  const qb = db('indicator_values').where('indicator_id', indicatorId);
  if (except) qb.whereRaw("period_start || '|' || period_end || '|' || disaggregation <> ?", [except]);
  const rows: string[] = await qb.distinct('disaggregation').pluck('disaggregation');
  const out = new Map<string, Set<string>>();
  for (const text of rows) {
    for (const [key, value] of Object.entries(JSON.parse(text) as Record<string, string>)) out.set(key, (out.get(key) ?? new Set()).add(value));
  }
  return out;
}
