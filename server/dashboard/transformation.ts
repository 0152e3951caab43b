// Transformation: outcomes per Gender at Work quadrant per period (a year, or years pooled with
// `pool`), in total and per lane, so a shift from individual to systemic and from informal to
// formal change can be seen. Counted over outcome_facts per lane and cell (facts.ts); every outcome
// is known at least to the year, so the cells add up into years exactly. The totals count an
// outcome once even when it sits in two lanes: through the framework's own fact row
// ('@<framework>'), or distinct ids for chosen goals. A share is given only over at least
// MIN_FOR_SHARE classified outcomes — "Systemic 100 %" of one outcome says nothing — and outcomes
// in no quadrant are counted as their own group, never in a share's base.
import type { Ctx } from '../http/types';
import { bucketsBetween } from './buckets';
import { resolveLanes } from './lanes';
import { dataRange, DashboardQuery, outcomeFilters } from './scope';
import { addMarginals, factsOf, marginals, typologyCodes, Tally } from './facts';

export const MIN_FOR_SHARE = 5;

export type Quadrant = { code: string; name: string; locus: string; formality: string };

async function quadrants(ctx: Ctx): Promise<Quadrant[]> {
  const rows = await ctx.db('typology_categories').where({ typology_id: 'gender-at-work' }).orderBy('position').select('code', 'name', 'meta');
  return rows.map((r) => {
    const meta = JSON.parse(r.meta) as { locus?: string; formality?: string };
    return { code: r.code, name: r.name, locus: meta.locus ?? '', formality: meta.formality ?? '' };
  });
}

/** A period's counts: all its outcomes, those in no quadrant, and the systemic and formal shares of the rest. */
export function shares(byQuadrant: Tally, all: number, qs: Quadrant[]) {
  const n = Object.values(byQuadrant).reduce((a, b) => a + b, 0);
  const sum = (pick: (q: Quadrant) => boolean) => qs.filter(pick).reduce((a, q) => a + (byQuadrant[q.code] ?? 0), 0);
  const [systemic, formal] = [sum((q) => q.locus === 'systemic'), sum((q) => q.formality === 'formal')];
  const share = (k: number) => (n >= MIN_FOR_SHARE ? Math.round((k / n) * 1000) / 1000 : null);
  return { outcomes: all, unclassified: all - n, n, systemic, formal, systemicShare: share(systemic), formalShare: share(formal), tooFew: n > 0 && n < MIN_FOR_SHARE };
}

/** The years in periods of `pool` years, counted from the first. */
function periodsOf(years: string[], pool: number): Array<{ year: string; to: string; years: string[] }> {
  const out = [];
  for (let i = 0; i < years.length; i += pool) {
    const part = years.slice(i, i + pool);
    out.push({ year: part[0], to: part[part.length - 1], years: part });
  }
  return out;
}

export async function transformation(ctx: Ctx<unknown, DashboardQuery>) {
  const f = await outcomeFilters(ctx, ctx.query, true);
  const { framework, lanes } = await resolveLanes(ctx.db, ctx.query);
  const range = await dataRange(ctx.db, ctx.user, f);
  const ranged = { ...f, from: range.from, to: range.to };
  const years = bucketsBetween('year', range.from, range.to);
  const pool = Number(ctx.query.pool ?? 1);
  const periods = periodsOf(years, pool);
  const qs = await quadrants(ctx);
  const types = await typologyCodes(ctx.db);
  const codes = lanes.map((l) => l.code);
  const byLaneCell = (goals: string[]) => factsOf(ctx.db, ctx.user, ranged, goals).select('o.goal_code as lane', 'o.cell')
    .select(marginals(ctx.db, types, ['quadrants'])).count({ all: '*' }).groupBy('o.goal_code', 'o.cell');
  const laneRows: Array<Record<string, unknown>> = await byLaneCell(codes);
  // one fact row per outcome for the framework itself, unless the lanes are goals picked by the caller
  const totalRows = !ctx.query.goal && framework
    ? await byLaneCell([`@${framework.id}`])
    : await factsOf(ctx.db, ctx.user, ranged, codes).select(ctx.db.raw('substr(o.cell, 1, 4) as cell'), 'o.quadrant').countDistinct({ all: 'o.id' }).groupByRaw('substr(o.cell, 1, 4), o.quadrant')
      .then((rows: Array<Record<string, unknown>>) => rows.map((r) => {
        const i = types.quadrants.indexOf(r.quadrant as string);
        return { cell: r.cell, all: r.all, ...(i >= 0 && { [`q${i}`]: r.all }) };
      }));
  const table = (rows: Array<Record<string, unknown>>) => {
    const yearOf = new Map(periods.flatMap((p) => p.years.map((y) => [y, p.year])));
    const byPeriod = new Map(periods.map((p) => [p.year, { byQuadrant: {} as Tally, all: 0 }]));
    for (const r of rows) {
      const t = byPeriod.get(yearOf.get(String(r.cell).slice(0, 4)) ?? '');
      if (!t) continue;
      addMarginals(r, types, t);
      t.all += Number(r.all ?? 0);
    }
    return periods.map((p) => ({ year: p.year, to: p.to, byQuadrant: byPeriod.get(p.year)!.byQuadrant, ...shares(byPeriod.get(p.year)!.byQuadrant, byPeriod.get(p.year)!.all, qs) }));
  };
  return {
    framework, from: range.from, to: range.to, years, pool, minForShare: MIN_FOR_SHARE, quadrants: qs,
    totals: table(totalRows),
    goals: lanes.map((l) => ({ code: l.code, name: l.name, years: table(laneRows.filter((r) => r.lane === l.code)) })),
  };
}
