// Transformation: outcomes per Gender at Work quadrant per year, in total and per lane, so a shift
// from individual to systemic and from informal to formal change can be seen. Counted over
// outcome_facts per lane and cell (facts.ts); every outcome is known at least to the year, so the
// cells add up into years exactly. The totals count an outcome once even when it sits in two
// lanes: through the framework's own fact row ('@<framework>'), or distinct ids for chosen goals.
import type { Ctx } from '../http/types';
import { bucketsBetween } from './buckets';
import { resolveLanes } from './lanes';
import { dataRange, DashboardQuery, outcomeFilters } from './scope';
import { addMarginals, factsOf, marginals, typologyCodes, Tally } from './facts';

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
  const ranged = { ...f, from: range.from, to: range.to };
  const years = bucketsBetween('year', range.from, range.to);
  const qs = await quadrants(ctx);
  const types = await typologyCodes(ctx.db);
  const codes = lanes.map((l) => l.code);
  const byLaneCell = (goals: string[]) => factsOf(ctx.db, ctx.user, ranged, goals).select('o.goal_code as lane', 'o.cell')
    .select(marginals(ctx.db, types, ['quadrants'])).groupBy('o.goal_code', 'o.cell');
  const laneRows: Array<Record<string, unknown>> = await byLaneCell(codes);
  // one fact row per outcome for the framework itself, unless the lanes are goals picked by the caller
  const totalRows = !ctx.query.goal && framework
    ? await byLaneCell([`@${framework.id}`])
    : await factsOf(ctx.db, ctx.user, ranged, codes).select(ctx.db.raw('substr(o.cell, 1, 4) as cell'), 'o.quadrant').countDistinct({ n: 'o.id' }).groupByRaw('substr(o.cell, 1, 4), o.quadrant')
      .then((rows: Array<Record<string, unknown>>) => rows.map((r) => ({ cell: r.cell, [`q${types.quadrants.indexOf(r.quadrant as string)}`]: r.n })));
  const table = (rows: Array<Record<string, unknown>>) => {
    const byYear = new Map<string, Tally>(years.map((y) => [y, {}]));
    for (const r of rows) {
      const t = byYear.get(String(r.cell).slice(0, 4));
      if (t) addMarginals(r, types, { byQuadrant: t });
    }
    return years.map((y) => ({ year: y, byQuadrant: byYear.get(y)!, ...shares(byYear.get(y)!, qs) }));
  };
  return {
    framework, from: range.from, to: range.to, years, quadrants: qs,
    totals: table(totalRows),
    goals: lanes.map((l) => ({ code: l.code, name: l.name, years: table(laneRows.filter((r) => r.lane === l.code)) })),
  };
}
