// The lanes of a chart: the top-level goals of a framework (NAP1325-IV unless another is asked
// for), or the goals named in `goal=`. A lane counts what is tagged to its goal or to any goal
// below it: outcomes through outcome_facts (which holds every goal an outcome counts for), stories,
// fragments and indicators through goal_ancestors — both kept by the triggers of migration 005.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { Problem } from '../http/problem';
import { listOf } from '../http/paging';

export type Lane = { code: string; name: string };
export type Lanes = { framework: { id: string; name: string } | null; lanes: Lane[] };

export const DEFAULT_FRAMEWORK = 'nap1325-nl-iv';

export async function resolveLanes(db: Db, q: { framework?: string; goal?: string }): Promise<Lanes> {
  const codes = listOf(q.goal);
  if (codes) {
    const rows = await db('goals').whereIn('code', codes).select('code', 'name', 'framework_id');
    const missing = codes.find((c) => !rows.some((r) => r.code === c));
    if (missing) throw new Problem('unprocessable', `Unknown goal code ${missing}`, [{ path: '/goal', message: `unknown goal code ${missing}` }]);
    const fw = await db('frameworks').where({ id: rows[0].framework_id }).first('id', 'name');
    return { framework: fw ?? null, lanes: codes.map((c) => ({ code: c, name: rows.find((r) => r.code === c)!.name })) };
  }
  const id = q.framework ?? DEFAULT_FRAMEWORK;
  const fw = await db('frameworks').where({ id }).first('id', 'name');
  if (!fw) throw new Problem('unprocessable', `Unknown framework ${id}`, [{ path: '/framework', message: `unknown framework ${id}` }]);
  const lanes = await db('goals').where({ framework_id: id }).whereNull('parent_code').orderBy('position').select('code', 'name');
  return { framework: fw, lanes };
}

/**
 * A query builder that starts with `lane_map(code, lane)`: each goal at or under one of the lane
 * goals, paired with that lane — read from goal_ancestors, which the triggers of migration 005
 * keep in step with the goal tree.
 */
export function withLaneMap(db: Db, lanes: string[] | Knex.QueryBuilder): Knex.QueryBuilder {
  return db.queryBuilder().with('lane_map', ['code', 'lane'], db('goal_ancestors').whereIn('ancestor', lanes).select('code', 'ancestor'));
}

/** Every goal of a framework: the lanes of the coverage tree. */
export const frameworkGoals = (db: Db, id: string) => db('goals').where({ framework_id: id }).select('code');
