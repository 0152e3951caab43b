// The overview: change over time. Marks from the outcome list (or counts per period from the
// dashboard API when there are too many to draw); under them the programme's indicators linked to
// the goals in view, each as its total line (or its breakdowns where no total can be made) with
// baseline and target; the global reference series in a context band of their own, closed until
// asked for. Both come from the dashboard API. A rubric is a row of the same band, drawn as steps
// over its levels, with a table of its scores in words (timeline-rubrics.ts).
import { formatDate, formatNumber, isRtl, lang, localName, localUnit, t } from '../core/i18n';
import { categoryLabel, categoriesOf, CHANGE_TYPES, goalLabel } from '../core/reference';
import { periodOf, type Outcome } from '../core/outcome-model';
import { statusLabel, toneLabel } from '../components/badges';
import { toneOf } from '../charts/common';
import { indicatorBand, timelineChart, timelineDomain, type TimelineData, type TimelineIndicator } from '../charts/timeline';
import { breakdownLabel, targetFor } from '../core/indicator-model';
import { h } from '../core/dom';
import { bucketRange, laneMembership, lanesOf, loadOutcomes, loadTimelineApi, MAX_MARKS, type DashFilters, type TimelineIndicatorApi } from './data';
import type { Drawn, Frame } from './frame';
import { isRubricLine, rubricRow, rubricScoresTable } from './timeline-rubrics';

const dateOnly = (s?: string) => (s ? new Date(`${s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s}T00:00:00Z`) : undefined);

export async function timelineSection(frame: Frame, f: DashFilters): Promise<Outcome[]> {
  frame.loading();
  const [lanes, types, outcomes] = await Promise.all([lanesOf(f), categoriesOf(CHANGE_TYPES), loadOutcomes(f, false)]);
  const api = await loadTimelineApi(f, 'quarter');
  const member = laneMembership(lanes);
  const marks = outcomes.total <= MAX_MARKS ? outcomes.items.flatMap((o) => {
    const [start, end] = periodOf(o.occurredOn);
    return member(o).map((lane) => ({ id: o.id, lane, start, end, changeType: o.changeType ?? '', status: o.status, conclusion: o.conclusion ?? null, title: o.title }));
  }) : [];
  const cells = outcomes.total > MAX_MARKS && api ? api.goals.flatMap((g) => g.cells.map((c) => {
    const [start, end] = bucketRange(c.bucket);
    return { lane: g.code, start, end, count: c.outcomes, byConclusion: c.byConclusion ?? {}, coarse: !!c.coarse };
  })) : undefined;
  const rows = (api?.indicators ?? []).map(indicatorRow);
  const rubrics = (api?.indicators ?? []).filter(isRubricLine).filter((i) => i.scores.length);
  const indicators = rows.filter((_, k) => api!.indicators[k].programmeId);
  const context = rows.filter((r, k) => !api!.indicators[k].programmeId && r.series.some((x) => x.points.length));
  let contextOpen = false;
  const data: TimelineData = {
    lanes: lanes.map((g) => ({ key: g.code, label: `${g.code} ${localName(g)}` })), marks, cells, indicators,
    selection: f.from && f.to ? [dateOnly(f.from)!, dateOnly(f.to)!] : null,
  };
  // the context band shares the chart's time axis, so a global figure sits under the same years
  data.domain = timelineDomain({ ...data, indicators: [...indicators, ...context] });
  const yearFmt = (d: Date) => formatDate(d, 'year');
  const tick = (d: Date) => (d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? yearFmt(d) : formatDate(d, 'month'));
  const labelsOf = () => ({ title: t('dash.timeline'), description: t('dash.timelineDesc'), conclusion: t('dash.legendConclusion'), changeType: t('dash.legendChangeType'),
    indicators: t('dash.programmeIndicators'), period: t('dash.brush'), count: t('dash.outcomesUnit'), baseline: t('dash.baseline'), target: t('dash.target') });
  frame.show(({ width, announce }): Drawn => {
    if (!marks.length && !cells?.length) return { empty: t('dash.emptyOutcomes') };
    const svg = timelineChart(data, {
      width, rtl: isRtl(), locale: lang(), announce,
      labels: labelsOf(), statusLabel, toneLabel, changeTypeLabel: categoryLabel, changeTypes: types.map((c) => c.code), formatDate: tick, formatNumber,
    });
    const band = context.length ? h('details', { class: 'context-band', open: contextOpen, ontoggle: (e: Event) => { contextOpen = (e.target as HTMLDetailsElement).open; } },
      h('summary', {}, t('dash.contextBand', { count: context.length })),
      h('p', { class: 'hint' }, t('dash.contextHint')),
      h('div', { class: 'chart-scroll' }, indicatorBand(context, data.domain!, {
        width, rtl: isRtl(), locale: lang(), announce, indicatorHeight: 48, formatDate: tick, formatNumber, title: t('dash.contextTitle'), description: t('dash.contextHint'),
        labels: { ...labelsOf(), indicators: t('dash.contextTitle') },
      }))) : null;
    const rows = marks.length
      ? marks.map((m) => [goalLabel(m.lane), m.title, formatDate(m.start.toISOString().slice(0, 10), 'day'), statusLabel(m.status), toneLabel(toneOf(m)), categoryLabel(m.changeType)])
      : (cells ?? []).map((c) => [goalLabel(c.lane), `${formatDate(c.start, 'month')} – ${formatDate(c.end, 'month')}`, c.count, '', Object.entries(c.byConclusion).map(([s, n]) => `${toneLabel(s)}: ${n}`).join(', '), '']);
    return {
      svg, after: band,
      table: { columns: [t('dash.col.goal'), marks.length ? t('dash.col.outcome') : t('dash.col.period'), marks.length ? t('dash.col.date') : t('dash.col.outcomes'), t('dash.col.status'), t('dash.legendConclusion'), t('dash.col.changeType')], rows, numeric: marks.length ? [] : [2] },
      more: [...[{ title: t('dash.programmeIndicators'), rows: indicators }, { title: t('dash.contextTitle'), rows: context }].filter((m) => m.rows.length)
        .map((m) => ({ title: m.title, table: valuesTable(m.rows) })),
      ...(rubrics.length ? [{ title: t('rubric.timelineTable'), table: rubricScoresTable(rubrics) }] : [])],
    };
  });
  return outcomes.items;
}

const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/**
 * An indicator as a row of the chart: its total where one is reported or adds up (the server's
 * rule), else its breakdowns; the baseline, and the target that applies after its last value.
 */
function indicatorRow(i: TimelineIndicatorApi): TimelineIndicator {
  if (isRubricLine(i)) return rubricRow(i);
  const summed = i.total.some((v) => v.computed);
  const total = i.total.length ? [{ label: summed ? t('ind.overallSum') : '', points: i.total.map((v) => ({ date: bucketRange(v.bucket)[1], value: v.value })) }] : [];
  // the world and regions before single countries (the global series hold both)
  const rank = (d: Record<string, string> = {}) => (d.area === 'World' ? 0 : d.area ? 1 : 2);
  const breakdowns = i.series.filter((s) => Object.keys(s.disaggregation ?? {}).length).sort((a, b) => rank(a.disaggregation) - rank(b.disaggregation))
    .map((s) => ({ label: breakdownLabel(s.disaggregation ?? {}, i.breakdownNames), points: s.values.map((v) => ({ date: bucketRange(v.bucket)[1], value: v.value })) }));
  const last = [...i.total, ...i.series.flatMap((s) => s.values)].map((v) => bucketRange(v.bucket)[1].toISOString().slice(0, 10)).sort().at(-1);
  const target = targetFor(i.targets, last);
  return {
    key: i.code, label: localName(i), unit: localUnit(i), total: !!total.length, series: total.length ? total : breakdowns,
    baseline: i.baseline ? { date: day(i.baseline.date), value: i.baseline.value } : null,
    target: target ? { date: day(target.date), value: target.value } : null,
    note: [summed ? t('dash.sumOfBreakdowns') : !total.length ? t('dash.noTotal') : '', target ? t('dash.targetBy', { value: formatNumber(target.value), year: formatDate(target.date, 'year') }) : '']
      .filter(Boolean).join(' · ') || undefined,
  };
}

/** The drawn values of indicator rows, for the table view. */
function valuesTable(rows: TimelineIndicator[]) {
  return {
    columns: [t('dash.col.indicator'), t('dash.col.series'), t('dash.col.date'), t('dash.col.value')],
    rows: rows.flatMap((r) => (r.total ? r.series.slice(0, 1) : r.series.slice(0, 4)).flatMap((s) => s.points.map((p) => [r.label, s.label || t('ind.overall'), formatDate(p.date, 'month'),
      r.levels ? r.levels[p.value - 1] ?? formatNumber(p.value) : `${formatNumber(p.value)} ${r.unit}`]))),
    numeric: [3],
  };
}
