// The latest visible value of indicators' series, in SQL: per series for one indicator's progress,
// and summed up per indicator for a list page (one query for the page, not one per indicator).
// Where no total is reported and the indicator's breakdowns add up ('sum'), the total of the
// latest period is the sum of a complete breakdown; a reported total always wins.
import type { ReaderCtx } from '../domain/readers';
import { whereValueVisible } from './access';
import { canonical, type Indicator } from './representation';
import { totalsByPeriod, type Cell } from './totals';

export type Latest = { periodStart: string; periodEnd: string; value: number; status: string; computed?: 'sum' };
type Series = { disaggregation: Record<string, string>; latest: Latest };
const MAX_SERIES = 500;

/** Visible values of these indicators, numbered from the latest within each series (rn = 1 is the latest). */
function numbered(ctx: ReaderCtx, ids: string[], from?: string, to?: string) {
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
 * The latest total from the breakdowns' latest values, where none is reported (totals.ts): one
 * breakdown whose every cell has its latest value in the same period. Validated only when every
 * cell is.
 */
export function summedTotal(series: Series[]): Latest | null {
  const periods = new Map<string, Cell[]>();
  for (const s of series) {
    const key = `${s.latest.periodStart}|${s.latest.periodEnd}`;
    periods.set(key, [...(periods.get(key) ?? []), { disaggregation: s.disaggregation, value: s.latest.value, draft: s.latest.status !== 'validated' }]);
  }
  const sums = [...totalsByPeriod(periods, 'sum')].filter(([, t]) => t.computed);
  const latest = sums.sort(([a], [b]) => a.split('|')[1].localeCompare(b.split('|')[1]) || a.localeCompare(b)).at(-1);
  if (!latest) return null;
  const [periodStart, periodEnd] = latest[0].split('|');
  return { periodStart, periodEnd, value: latest[1].value, status: latest[1].draft ? 'draft' : 'validated', computed: 'sum' };
}

/** The latest visible value of every series (one disaggregation) of the indicator, in SQL. */
export async function latestPerSeries(ctx: ReaderCtx, i: Indicator, from?: string, to?: string) {
  const rows = await numbered(ctx, [i.id], from, to).orderBy('disaggregation').limit(MAX_SERIES);
  return rows.map((r) => ({ disaggregation: JSON.parse(r.disaggregation) as Record<string, string>, latest: latestOfRow(r) }));
}

export type LatestSummary = { latest: Latest | null; seriesRange: { count: number; min: number; max: number } | null };

/**
 * For a page of indicators in one query: the latest visible headline value (no breakdown), or,
 * when an indicator is reported only broken down, the range of its series' latest values.
 */
export async function latestSummaries(ctx: ReaderCtx, ids: string[]): Promise<Map<string, LatestSummary>> {
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
