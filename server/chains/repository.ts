// Outcome chains in the database: links between outcomes, the walk that finds a cycle, and the
// outcomes of a chain the user may see.
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import { whereVisible } from '../outcomes/access';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Whether `to` is reachable from `from` along contributes_to links (over all links, seen or not). */
export async function reaches(db: Db, from: string, to: string, limit = 10_000): Promise<boolean> {
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length && seen.size < limit) {
    const next: string[] = await db('outcome_links').whereIn('source_id', frontier).distinct('target_id').pluck('target_id');
    if (next.includes(to)) return true;
    frontier = next.filter((id) => !seen.has(id));
    frontier.forEach((id) => seen.add(id));
  }
  return false;
}

export async function linksTouching(db: Db, ids: string[]): Promise<Row[]> {
  return db('outcome_links').where((w) => w.whereIn('source_id', ids).orWhereIn('target_id', ids)).orderBy(['created_at', 'id']);
}

/** Of these outcomes, the ids the user may see. */
export async function visibleIds(db: Db, user: CurrentUser, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const qb = db('outcomes as o').whereIn('o.id', ids);
  whereVisible(qb, user);
  return qb.pluck('o.id');
}

export async function outcomeRows(db: Db, ids: string[]): Promise<Row[]> {
  if (!ids.length) return [];
  return db('outcomes as o').join('organisations as org', 'org.id', 'o.organisation_id').whereIn('o.id', ids)
    .select('o.*', 'org.name as organisation_name');
}
