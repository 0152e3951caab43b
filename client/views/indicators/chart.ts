// The indicator page's chart: its values over time (client/charts/indicator-series.ts) beside the
// baseline, the targets and the outcomes that may explain the figures; the breakdowns on demand.
// Redrawn for the width it has (a phone gets its own narrow chart) and when the width changes.
// The values table below holds the same figures for those who do not read charts.
import { drawForWidth, h, replace } from '../../core/dom';
import { listAll } from '../../core/api';
import { formatDate, formatNumber, isRtl, lang, localName, localUnit, t } from '../../core/i18n';
import { navigate } from '../../core/router';
import { breakdownLabel, type Indicator, type IndicatorValue, type Progress } from '../../core/indicator-model';
import { indicatorSeriesChart, type Series, type SeriesData, type SeriesDatum } from '../../charts/indicator-series';

const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** The values as series: the overall one (no breakdown) and one per breakdown. */
export function seriesOf(values: IndicatorValue[]): { overall: Series | null; breakdowns: Series[] } {
  const by = new Map<string, Series>();
  for (const v of values) {
    const key = JSON.stringify(Object.entries(v.disaggregation).sort(([a], [b]) => a.localeCompare(b)));
    const s = by.get(key) ?? { key, label: breakdownLabel(v.disaggregation), points: [] };
    s.points.push({ end: day(v.periodEnd), value: v.value, draft: v.status === 'draft' });
    by.set(key, s);
  }
  const overall = by.get('[]') ?? null;
  by.delete('[]');
  return { overall, breakdowns: [...by.values()].sort((a, b) => a.label.localeCompare(b.label, lang())) };
}

/** `embedded`: drawn inside another page (the story of a goal) — no heading or hint of its own. */
export async function indicatorChartSection(i: Indicator, progress: Progress | null, opts: { embedded?: boolean } = {}): Promise<HTMLElement | null> {
  const { items } = await listAll<IndicatorValue>(`/api/indicators/${i.id}/values`, { sort: 'periodEnd' });
  if (!items.length) return null;
  const series = seriesOf(items);
  const sums = series.overall ? [] : (progress?.totals ?? []).filter((p) => p.computed === 'sum');
  const summed: Series | null = sums.length ? { key: '[]', label: t('ind.overallSum'), points: sums.map((p) => ({ end: day(p.periodEnd), value: p.value, draft: p.draft })) } : null;
  const data: SeriesData = {
    ...series, overall: series.overall ?? summed,
    baseline: i.baseline ? { date: day(i.baseline.date), value: i.baseline.value } : null,
    targets: i.targets.map((x) => ({ date: day(x.date), value: x.value })),
    outcomes: (progress?.outcomes.items ?? []).map((x) => ({ id: x.id, date: day(x.occurredOn.date.length === 4 ? `${x.occurredOn.date}-07-01` : x.occurredOn.date.length === 7 ? `${x.occurredOn.date}-15` : x.occurredOn.date), title: x.title })),
  };
  let showBreakdowns = !data.overall;
  const holder = h('div', { class: 'chart-scroll' });
  const status = h('div', { class: 'visually-hidden', role: 'status' });
  const draw = () => {
    const width = Math.max(300, Math.min(960, holder.clientWidth || 720));
    const svg = indicatorSeriesChart(data, {
      width, showBreakdowns, rtl: isRtl(), locale: lang(), announce: (text) => { status.textContent = text; },
      labels: {
        title: t('ind.chartTitle', { name: localName(i) }), description: t('ind.chartDescription'), overall: t('ind.overall'), baseline: t('ind.baseline'),
        target: t('ind.target'), draft: t('status.draft'), outcome: t('ind.chartOutcome'), legend: localUnit(i),
      },
      formatNumber: (n) => formatNumber(n, { maximumFractionDigits: 2 }), formatDate: (d) => formatDate(d, 'month'),
      formatTick: (d, years) => formatDate(d, years > 3 ? 'year' : 'month'),
    });
    svg.addEventListener('markselect', (e) => {
      const d = (e as CustomEvent<SeriesDatum>).detail;
      if (d.kind === 'outcome') navigate(`/outcomes/${d.id}`);
    });
    replace(holder, svg);
  };
  const toggle = data.overall && data.breakdowns.length ? h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false', onclick: () => {
    showBreakdowns = !showBreakdowns;
    toggle!.setAttribute('aria-pressed', String(showBreakdowns));
    draw();
  } }, t('ind.chartBreakdowns')) : null;
  drawForWidth(holder, draw);
  // the programme's target is for the whole; without a reported total, no line may be read against it
  const notice = summed ? h('p', { class: 'notice' }, t('ind.chartSummed')) : data.overall ? null : h('p', { class: 'notice' }, t('ind.chartNoTotal'));
  if (opts.embedded) return h('div', { class: 'indicator-chart' }, notice, toggle, holder, status);
  return h('section', { class: 'detail-section', 'aria-labelledby': 'ind-chart-title' },
    h('h2', { id: 'ind-chart-title' }, t('ind.chartHeading')),
    h('p', { class: 'hint' }, t('ind.chartHint')), notice, toggle, holder, status);
}
