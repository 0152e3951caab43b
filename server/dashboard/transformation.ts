// Transformation: outcomes per Gender at Work quadrant per year, in total and per lane, so a shift
// from individual to systemic and from informal to formal change can be seen. Every outcome is
// known at least to the year, so no cell is coarse here.
import type { Ctx } from '../http/types';
import { bucketsBetween, bucketSql } from './buckets';
import { laneAnchor, resolveLanes, withLaneMap } from './lanes';
import { countable, dataRange, DashboardQuery, outcomeFilters } from './scope';

type Tally = Record<string, number>;
type Quadrant = { code: string; name: string; locus: string; formality: string };

async function quadrants(ctx: Ctx): Promise<Quadrant[]> {
  const rows = await ctx.db('typology_categories').where({ typology_id: 'gender-at-work' }).orderBy('position').select('code', 'name', 'meta');
  return rows.map((r) => {
    const meta = JSON.parse(r.meta) as { locus?: string; formality?: string };
    return { code: r.code, name: r.name, locus: meta.locus ?? '', formality: meta.formality ?? '' };
  });
}

/** Shares of systemic and formal change among a year's outcomes (null when there are none). */
function shares(byQuadrant: Tally, qs: Quadrant[]) {
  const total = Object.values(byQuadrant).reduce((a, b) => a + b, 0);
  const sum = (pick: (q: Quadrant) => boolean) => qs.filter(pick).reduce((a, q) => a + (byQuadrant[q.code] ?? 0), 0);
  const share = (n: number) => (total ? Math.round((n / total) * 1000) / 1000 : null);
  return { outcomes: total, systemicShare: share(sum((q) => q.locus === 'systemic')), formalShare: share(sum((q) => q.formality === 'formal')) };
}

export async function transformation(ctx: Ctx<unknown, DashboardQuery>) {
  const f = await outcomeFilters(ctx, ctx.query, true);
  const { framework, lanes } = await resolveLanes(ctx.db, ctx.query);
  const range = await dataRange(ctx.db, ctx.user, f);
  const years = bucketsBetween('year', range.from, range.to);
  const qs = await quadrants(ctx);
  const year = bucketSql('year', 'o.occurred_start');
  const mapped = () => withLaneMap(ctx.db, laneAnchor(lanes.map((l) => l.code)));
  const joined = () => {
    const qb = mapped().from('outcomes as o').join('outcome_goals as og', 'og.outcome_id', 'o.id').join('lane_map as lm', 'lm.code', 'og.goal_code');
    return countable(qb, ctx.db, ctx.user, f);
  };
  const laneRows = await joined().select('lm.lane', ctx.db.raw(`${year} as year`), 'o.quadrant').countDistinct({ n: 'o.id' }).groupBy('lm.lane', 'year', 'o.quadrant');
  // distinct ids: the totals count an outcome once even when it sits in two lanes
  const totalRows = await joined().select(ctx.db.raw(`${year} as year`), 'o.quadrant').countDistinct({ n: 'o.id' }).groupBy('year', 'o.quadrant');
  const table = (rows: Array<Record<string, unknown>>) => {
    const byYear = new Map<string, Tally>(years.map((y) => [y, {}]));
    for (const r of rows) {
      const t = byYear.get(String(r.year));
      if (t) t[String(r.quadrant)] = (t[String(r.quadrant)] ?? 0) + Number(r.n);
    }
    return years.map((y) => ({ year: y, byQuadrant: byYear.get(y)!, ...shares(byYear.get(y)!, qs) }));
  };
  return {
    framework, from: range.from, to: range.to, years, quadrants: qs,
    totals: table(totalRows),
    goals: lanes.map((l) => ({ code: l.code, name: l.name, years: table(laneRows.filter((r) => r.lane === l.code)) })),
  };
}
