// The change-over-time chart in one call: per lane (goal) and per bucket, the outcomes by status,
// quadrant, change type and negative, the stories and fragments, and the linked indicators'
// values in the same buckets. Outcomes are counted by GROUP BY over outcome_facts (facts.ts) under
// the rule of scope.ts, per month; months then add up into quarters or years. So a lane's cells
// add up to the total of GET /api/outcomes?goal=<lane>&from&to&sensitivity=public,restricted.
import type { Ctx } from '../http/types';
import { CONCLUSIONS } from '../outcomes/conclusions';
import { Bucket, bucketsBetween, labelOf } from './buckets';
import { Lane, resolveLanes, withLaneMap } from './lanes';
import { dataRange, DashboardQuery, outcomeFilters } from './scope';
import { addMarginals, factsOf, isYearCell, marginals, typologyCodes } from './facts';
import { countEvidence, evidenceKinds } from './evidence';
import { indicatorSeries } from './series';

type Tally = Record<string, number>;
export type Cell = {
  bucket: string; coarse?: true; outcomes: number; byStatus: Tally; byConclusion: Tally; byQuadrant: Tally; byChangeType: Tally; negative: number; stories: number; fragments: number;
};

const emptyCell = (bucket: string, coarse: boolean): Cell => ({
  bucket, ...(coarse && { coarse: true as const }), outcomes: 0, byStatus: {}, byConclusion: {}, byQuadrant: {}, byChangeType: {}, negative: 0, stories: 0, fragments: 0,
});

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

/**
 * Where a month or year cell of the facts goes at this bucket size: a month into the bucket that
 * holds it; a year-only date into its year, which is a coarse cell unless the buckets are years.
 */
/** The conclusion an outcome stands on: its state while concluded, the last one once published. */
const toneOf = (status: string, conclusion: string | null) => (CONCLUSIONS.includes(status) ? status : status === 'published' && conclusion ? conclusion : 'pending');

const placeOf = (bucket: Bucket, cell: string) => (isYearCell(cell)
  ? { label: cell, coarse: bucket !== 'year' }
  : { label: labelOf(bucket, `${cell}-01`), coarse: false });

export async function timeline(ctx: Ctx<unknown, DashboardQuery>) {
  const q = ctx.query;
  const bucket = (q.bucket ?? 'quarter') as Bucket;
  const f = await outcomeFilters(ctx, q, true);
  const { framework, lanes } = await resolveLanes(ctx.db, q);
  // a range read from the data spans whole years, so a year's values (ending 31 December) are never cut off
  const found = await dataRange(ctx.db, ctx.user, f);
  const range = { from: f.from ?? `${found.from.slice(0, 4)}-01-01`, to: f.to ?? `${found.to.slice(0, 4)}-12-31` };
  // evidence and indicator values follow the chart's range even when the caller gave none
  const ranged = { ...f, from: range.from, to: range.to };
  const buckets = bucketsBetween(bucket, range.from, range.to);
  const codes = lanes.map((l) => l.code);
  const perLane = new Map(lanes.map((l) => [l.code, laneCells(buckets)]));
  const types = await typologyCodes(ctx.db);
  const rows = await factsOf(ctx.db, ctx.user, ranged, codes).select('o.goal_code as lane', 'o.cell', 'o.status', 'o.conclusion').count({ n: '*' })
    .select(marginals(ctx.db, types)).groupBy('o.goal_code', 'o.cell', 'o.status', 'o.conclusion');
  for (const r of rows) {
    const place = placeOf(bucket, r.cell);
    const c = perLane.get(r.lane)?.at(place.label, place.coarse);
    if (!c) continue;
    const n = Number(r.n);
    c.outcomes += n;
    c.byStatus[r.status] = (c.byStatus[r.status] ?? 0) + n;
    const tone = toneOf(r.status, r.conclusion);
    c.byConclusion[tone] = (c.byConclusion[tone] ?? 0) + n;
    c.negative += Number(r.neg ?? 0);
    addMarginals(r, types, c);
  }
  const mapped = () => withLaneMap(ctx.db, codes);
  for (const kind of evidenceKinds()) {
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
