// The change-over-time chart in one call: per lane (goal) and per bucket, the outcomes by status,
// quadrant, change type and negative, the stories and fragments, and the linked indicators'
// values in the same buckets. Counting is GROUP BY in SQL over the rule of scope.ts, so a lane's
// cells add up to the total of GET /api/outcomes?goal=<lane>&from&to&sensitivity=public,restricted.
import type { Ctx } from '../http/types';
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import type { OutcomeFilters } from '../outcomes/repository';
import { Bucket, bucketsBetween, cellSql } from './buckets';
import { laneAnchor, Lane, resolveLanes, withLaneMap } from './lanes';
import { countable, dataRange, DashboardQuery, outcomeFilters } from './scope';
import { countEvidence, evidenceKinds } from './evidence';
import { indicatorSeries } from './series';

type Tally = Record<string, number>;
export type Cell = {
  bucket: string; coarse?: true; outcomes: number; byStatus: Tally; byQuadrant: Tally; byChangeType: Tally; negative: number; stories: number; fragments: number;
};

const emptyCell = (bucket: string, coarse: boolean): Cell => ({
  bucket, ...(coarse && { coarse: true as const }), outcomes: 0, byStatus: {}, byQuadrant: {}, byChangeType: {}, negative: 0, stories: 0, fragments: 0,
});
const add = (t: Tally, k: string, n: number) => { t[k] = (t[k] ?? 0) + n; };

async function outcomeCells(db: Db, user: CurrentUser, f: OutcomeFilters, lanes: () => ReturnType<typeof withLaneMap>, bucket: Bucket) {
  const { cell, coarse } = cellSql(bucket, 'o.occurred_start', 'o.occurred_precision');
  const qb = lanes().from('outcomes as o').join('outcome_goals as og', 'og.outcome_id', 'o.id').join('lane_map as lm', 'lm.code', 'og.goal_code');
  countable(qb, db, user, f);
  // an outcome tagged to two goals of one lane counts once in it: count distinct ids per group
  return qb.select('lm.lane', db.raw(`${cell} as cell`), db.raw(`${coarse} as coarse`), 'o.status', 'o.quadrant', 'o.change_type', 'o.positive')
    .countDistinct({ n: 'o.id' }).groupBy('lm.lane', 'cell', 'coarse', 'o.status', 'o.quadrant', 'o.change_type', 'o.positive');
}

/** Cells of one lane: every regular bucket (zeros included), then the coarse cells in order. */
function laneCells(buckets: string[]) {
  const regular = new Map(buckets.map((b) => [b, emptyCell(b, false)]));
  const coarse = new Map<string, Cell>();
  return {
    at(label: string, isCoarse: boolean): Cell | undefined {
      if (!isCoarse) return regular.get(label);
      if (!coarse.has(label)) coarse.set(label, emptyCell(label, true));
      return coarse.get(label);
    },
    list: () => [...regular.values(), ...[...coarse.values()].sort((a, b) => a.bucket.localeCompare(b.bucket))],
  };
}

export async function timeline(ctx: Ctx<unknown, DashboardQuery>) {
  const q = ctx.query;
  const bucket = (q.bucket ?? 'quarter') as Bucket;
  const f = await outcomeFilters(ctx, q, true);
  const { framework, lanes } = await resolveLanes(ctx.db, q);
  const range = await dataRange(ctx.db, ctx.user, f);
  // evidence and indicator values follow the chart's range even when the caller gave none
  const ranged = { ...f, from: range.from, to: range.to };
  const buckets = bucketsBetween(bucket, range.from, range.to);
  const mapped = () => withLaneMap(ctx.db, laneAnchor(lanes.map((l) => l.code)));
  const perLane = new Map(lanes.map((l) => [l.code, laneCells(buckets)]));
  for (const r of await outcomeCells(ctx.db, ctx.user, f, mapped, bucket)) {
    const c = perLane.get(r.lane)?.at(r.cell, !!Number(r.coarse));
    if (!c) continue;
    const n = Number(r.n);
    c.outcomes += n;
    add(c.byStatus, r.status, n);
    add(c.byQuadrant, r.quadrant, n);
    add(c.byChangeType, r.change_type, n);
    if (!r.positive) c.negative += n;
  }
  for (const kind of await evidenceKinds(ctx.db)) {
    for (const r of await countEvidence(ctx.db, ctx.user, ranged, kind, { by: 'lane-cell', bucket }, mapped)) {
      const c = perLane.get(r.lane)?.at(r.cell, !!Number(r.coarse));
      if (c) c[kind] += Number(r.n);
    }
  }
  return {
    bucket, buckets, from: range.from, to: range.to, framework,
    goals: lanes.map((l: Lane) => {
      const cells = perLane.get(l.code)!.list();
      return { code: l.code, name: l.name, total: cells.reduce((s, c) => s + c.outcomes, 0), cells };
    }),
    indicators: await indicatorSeries(ctx.db, ctx.user, mapped, { bucket, from: range.from, to: range.to, countries: f.countries, programmeIds: f.programmeIds }),
  };
}
