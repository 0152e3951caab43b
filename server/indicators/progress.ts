// Progress of one indicator: the latest actual of each series against the baseline and the target
// that applies, with the outcomes tagged to the same goals in that period — the qualitative
// change that may explain the number. A rubric's actual is a level, measured against the baseline
// level and the target level the same way, and its answer also carries the scale and the scored
// series (scores.ts). Counts follow the aggregate rule of the dashboards
// (confidential outcomes left out), so `outcomes.query` reproduces `outcomes.total` in the list.
import type { Ctx } from '../http/types';
import { dateBound as bound } from '../records/lists';
import { withDescendants } from '../frameworks/service';
import * as outcomes from '../outcomes/repository';
import { type Latest, latestPerSeries, summedTotal } from './latest';
import { totalsByPeriod, type Cell } from './totals';
import { valueFigures } from './repository';
import { scoresOf } from './scores';
import { load } from './service';
import type { Dated, Indicator } from './representation';

const AGGREGATE_SENSITIVITIES = ['public', 'restricted'];
/** Values read for the totals of one indicator's line: the latest ones, so a huge series keeps its recent end. */
const MAX_TOTAL_VALUES = 20_000;


/** The target that applies to a value: the first one due on or after it, else the last one. */
function targetFor(targets: Dated[], date: string): Dated | null {
  return targets.find((t) => t.date >= date) ?? targets[targets.length - 1] ?? null;
}

function measure(i: Indicator, latest: Latest) {
  const target = targetFor(i.targets, latest.periodEnd);
  const b = i.baseline?.value;
  const share = target && b !== undefined && target.value !== b ? (latest.value - b) / (target.value - b) : null;
  const achieved = target ? (i.direction === 'increase' ? latest.value >= target.value : latest.value <= target.value) : null;
  return { target, progress: share === null ? null : Math.round(share * 1000) / 1000, achieved };
}

export async function progress(ctx: Ctx<unknown, { from?: string; to?: string; country?: string }>) {
  const i = await load(ctx, ctx.params.id);
  const from = bound(ctx.query.from, 'from');
  const to = bound(ctx.query.to, 'to');
  const series = (await latestPerSeries(ctx, i, from, to))
    .filter((s) => !ctx.query.country || s.disaggregation.country === ctx.query.country)
    // the baseline and the targets are for the whole: a breakdown is not measured against them
    .map((s) => ({ ...s, ...(Object.keys(s.disaggregation).length ? { target: null, progress: null, achieved: null } : measure(i, s.latest)) }));
  const reported = series.find((s) => Object.keys(s.disaggregation).length === 0)
    ?? (ctx.query.country ? series.find((s) => Object.keys(s.disaggregation).length === 1) : undefined);
  const breakdown = series.filter((s) => s !== reported && (!ctx.query.country || Object.keys(s.disaggregation).length > 1));
  const summed = i.aggregation === 'sum' ? summedTotal(breakdown) : null;
  // a reported total wins over the sum; where both are for the same period and differ, that is said
  const headline = reported ?? (summed ? { disaggregation: {}, latest: summed } : undefined);
  const totalCheck = reported && summed && summed.periodStart === reported.latest.periodStart && summed.periodEnd === reported.latest.periodEnd
    ? { breakdownSum: summed.value, differs: summed.value !== reported.latest.value } : null;
  const latest = headline?.latest ?? null;
  const period = { from: from ?? i.baseline?.date ?? null, to: to ?? latest?.periodEnd ?? null };
  return {
    indicator: { id: i.id, code: i.code, name: i.name, unit: i.unit, direction: i.direction, goals: i.goals, aggregation: i.aggregation, wholeNumbers: i.wholeNumbers, kind: i.kind },
    baseline: i.baseline, targets: i.targets,
    latest, totalCheck, ...(headline ? measure(i, headline.latest) : { target: targetFor(i.targets, new Date().toISOString().slice(0, 10)), progress: null, achieved: null }),
    series, totals: await periodTotals(ctx, i, from, to, ctx.query.country), period, outcomes: await explainingOutcomes(ctx, i, period, ctx.query.country),
    ...(i.kind === 'rubric' && { levels: i.levels ?? [], scores: (await scoresOf(ctx.db, ctx.user, [i.id], { from, to })).get(i.id) ?? [] }),
  };
}

/**
 * The total of every period (totals.ts), for the indicator's line. For one country, its own cell
 * is its reported total and its finer cells (by sex, by area) the breakdown.
 */
async function periodTotals(ctx: Ctx, i: Indicator, from?: string, to?: string, country?: string) {
  const rows = await valueFigures(ctx.db, ctx.user, i.id, { from, to, countries: country ? [country] : undefined }, MAX_TOTAL_VALUES);
  const periods = new Map<string, Cell[]>();
  for (const r of rows) {
    const { country: _c, ...rest } = JSON.parse(r.disaggregation) as Record<string, string>;
    const key = `${r.period_start}|${r.period_end}`;
    periods.set(key, [...(periods.get(key) ?? []), { disaggregation: country ? rest : JSON.parse(r.disaggregation), value: Number(r.value), draft: r.status !== 'validated' }]);
  }
  return [...totalsByPeriod(periods, i.aggregation)].map(([key, total]) => {
    const [periodStart, periodEnd] = key.split('|');
    return { periodStart, periodEnd, ...total };
  }).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.periodStart.localeCompare(b.periodStart));
}

async function explainingOutcomes(ctx: Ctx, i: Indicator, period: { from: string | null; to: string | null }, country?: string) {
  const query = new URLSearchParams({
    goal: i.goals.join(','), ...(period.from && { from: period.from }), ...(period.to && { to: period.to }),
    sensitivity: AGGREGATE_SENSITIVITIES.join(','), ...(country && { country }),
  }).toString();
  if (!i.goals.length) return { total: 0, items: [], query };
  const { rows, total } = await outcomes.list(ctx.db, ctx.user, {
    goalCodes: await withDescendants(ctx.db, i.goals), from: period.from ?? undefined, to: period.to ?? undefined,
    sensitivities: AGGREGATE_SENSITIVITIES, countries: country ? [country] : undefined,
  }, '-occurredOn', { page: 1, pageSize: 20 });
  const items = rows.map((r) => ({
    id: r.id, title: r.title, status: r.status, occurredOn: { date: r.occurred_date, precision: r.occurred_precision },
    country: r.country, quadrant: r.quadrant, changeType: r.change_type, organisation: { id: r.organisation_id, name: r.organisation_name },
  }));
  return { total, items, query };
}
