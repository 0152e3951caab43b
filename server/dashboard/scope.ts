// What every dashboard counts: the outcomes the caller may see (server/outcomes/access.ts), under
// the same filters as GET /api/outcomes (server/outcomes/repository.ts), less confidential ones —
// DESIGN.md leaves those out of every aggregate. So a count here equals the `total` of the list
// with the same filters and `sensitivity=public,restricted`; for donors (who see only public
// records) it equals the plain list.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import type { Ctx, CurrentUser } from '../http/types';
import { Problem } from '../http/problem';
import { listOf } from '../http/paging';
import { whereVisible } from '../outcomes/access';
import { applyFilters, OutcomeFilters } from '../outcomes/repository';
import { filtersOf } from '../outcomes/service';

export type DashboardQuery = Record<string, string | undefined>;

export const AGGREGATE_SENSITIVITIES = ['public', 'restricted'];

/** Restricts a query on outcomes `o` to what the aggregates of this caller count. */
export function countable(qb: Knex.QueryBuilder, db: Db, user: CurrentUser, f: OutcomeFilters): Knex.QueryBuilder {
  whereVisible(qb, user);
  applyFilters(qb, db, f, { user });
  return qb.whereIn('o.sensitivity', f.sensitivities ?? AGGREGATE_SENSITIVITIES);
}

/**
 * The list filters of a dashboard query. With `lanes`, the goal and framework parameters choose
 * the lanes (each counts its own subtree) instead of filtering the outcomes.
 */
export async function outcomeFilters(ctx: Ctx, q: DashboardQuery, lanes: boolean): Promise<OutcomeFilters> {
  const f = await filtersOf(ctx, lanes ? { ...q, goal: undefined, framework: undefined } : q);
  if (f.from && f.to && f.from > f.to) throw new Problem('unprocessable', 'from is after to', [{ path: '/to', message: 'is before from' }]);
  const sensitivities = listOf(q.sensitivity)?.filter((s) => s !== 'confidential');
  return { ...f, terms: undefined, sensitivities: sensitivities ?? AGGREGATE_SENSITIVITIES };
}

/** The first and last day of the visible, filtered outcomes: the default range of a chart. */
export async function dataRange(db: Db, user: CurrentUser, f: OutcomeFilters): Promise<{ from: string; to: string }> {
  if (f.from && f.to) return { from: f.from, to: f.to };
  const qb = db('outcomes as o');
  countable(qb, db, user, f);
  const [r] = await qb.min({ from: 'o.occurred_start' }).max({ to: 'o.occurred_end' });
  const year = new Date().getUTCFullYear();
  return { from: f.from ?? r?.from ?? `${year}-01-01`, to: f.to ?? r?.to ?? `${year}-12-31` };
}
