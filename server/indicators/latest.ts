// The latest visible value of indicators' series, in SQL: per series for one indicator's progress,
// and summed up per indicator for a list page (one query for the page, not one per indicator).
// Where no total is reported and the indicator's breakdowns add up ('sum'), the total of the
// latest period is the sum of a complete breakdown; a reported total always wins.
import type { Ctx } from '../http/types';
import { whereValueVisible } from './access';
import { canonical, type Indicator } from './representation';

export type Latest = { periodStart: string; periodEnd: string; value: number; status: string; computed?: 'sum' };
type Series = { disaggregation: Record<string, string>; latest: Latest };
const MAX_SERIES = 500;

/** Visible values of these indicators, numbered from the latest within each series (rn = 1 is the latest). */
function numbered(ctx: Ctx, ids: string[], from?: string, to?: string) {
  const inner = ctx.db('indicator_values as v').join('indicators as i', 'i.id', 'v.indicator_id').whereIn('v.indicator_id', ids)
    .select('v.indicator_id', 'v.disaggregation', 'v.period_start', 'v.period_end', 'v.value', 'v.status', 'i.aggregation')
    .select(ctx.db.raw('row_number() over (partition by v.indicator_id, v.disaggregation order by v.period_end desc, v.period_start desc) as rn'));
  whereValueVisible(inner, ctx.user);
  if (from) inner.where('v.period_start', '>=', from);
  if (to) inner.where('v.period_end', '<=', to);
  return ctx.db.from(inner.as('x')).where('rn', 1);
}

const latestOfRow = (r: Record<string, string | number>): Latest => ({ periodStart: String(r.period_start), periodEnd: String(r.period_end), value: Number(r.value), status: String(r.status) });
/** The overall series: no breakdown (stored canonical, so one string). */
export const HEADLINE = canonical({});

/**
 * The total of a period from its breakdown, where none is reported: the sum of the cells of one
 * breakdown (the coarsest, e.g. by country before by country and sex) whose every cell has its
 * latest value in the same period — else the breakdown is incomplete and there is no total. Cells
 * named 'total' are left out. Validated only when every cell is.
 */
export function summedTotal(series: Series[]): Latest | null {
  const shapes = new Map<string, Series[]>();
  for (const s of series) {
    if (!Object.keys(s.disaggregation).length || Object.values(s.disaggregation).includes('total')) continue;
    const shape = Object.keys(s.disaggregation).sort().join(',');
    shapes.set(shape, [...(shapes.get(shape) ?? []), s]);
  }
  const byCoarseness = [...shapes.entries()].sort(([a], [b]) => a.split(',').length - b.split(',').length);
  for (const [, cells] of byCoarseness) {
    const { periodStart, periodEnd } = cells[0].latest;
    if (!cells.every((c) => c.latest.periodStart === periodStart && c.latest.periodEnd === periodEnd)) continue;
    const value = Math.round(cells.reduce((sum, c) => sum + c.latest.value, 0) * 1e9) / 1e9;
    return { periodStart, periodEnd, value, status: cells.every((c) => c.latest.status === 'validated') ? 'validated' : 'draft', computed: 'sum' };
  }
  return null;
}

/** The latest visible value of every series (one disaggregation) of the indicator, in SQL. */
export async function latestPerSeries(ctx: Ctx, i: Indicator, from?: string, to?: string) {
  const rows = await numbered(ctx, [i.id], from, to).orderBy('disaggregation').limit(MAX_SERIES);
  return rows.map((r) => ({ disaggregation: JSON.parse(r.disaggregation) as Record<string, string>, latest: latestOfRow(r) }));
}

export type LatestSummary = { latest: Latest | null; seriesRange: { count: number; min: number; max: number } | null };

/**
 * For a page of indicators in one query: the latest visible headline value (no breakdown), or,
 * when an indicator is reported only broken down, the range of its series' latest values.
 */
export async function latestSummaries(ctx: Ctx, ids: string[]): Promise<Map<string, LatestSummary>> {
  const out = new Map<string, LatestSummary>(ids.map((id) => [id, { latest: null, seriesRange: null }]));
  if (!ids.length) return out;
  const parts = new Map<string, Series[]>();
  const adds = new Set<string>();
  for (const r of await numbered(ctx, ids)) {
    const s = out.get(r.indicator_id)!;
    if (r.disaggregation === HEADLINE) { s.latest = latestOfRow(r); continue; }
    if (r.aggregation === 'sum') adds.add(r.indicator_id);
    parts.set(r.indicator_id, [...(parts.get(r.indicator_id) ?? []), { disaggregation: JSON.parse(r.disaggregation), latest: latestOfRow(r) }]);
    const v = Number(r.value);
    s.seriesRange = s.seriesRange
      ? { count: s.seriesRange.count + 1, min: Math.min(s.seriesRange.min, v), max: Math.max(s.seriesRange.max, v) }
      : { count: 1, min: v, max: v };
  }
  for (const id of adds) {
    const s = out.get(id)!;
    if (!s.latest) s.latest = summedTotal(parts.get(id) ?? []);
  }
  return out;
}
