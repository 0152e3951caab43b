// The overview: change over time. Marks from the outcome list (or counts per period from the
// dashboard API when there are too many to draw), indicator lines from the dashboard API.
import { formatDate, formatNumber, isRtl, lang, localName, t } from '../core/i18n';
import { categoryLabel, categoriesOf, CHANGE_TYPES, goalLabel } from '../core/reference';
import { periodOf, type Outcome } from '../core/outcome-model';
import { statusLabel } from '../components/badges';
import { timelineChart, type TimelineData } from '../charts/timeline';
import { bucketRange, laneMembership, lanesOf, loadOutcomes, loadTimelineApi, MAX_MARKS, type DashFilters } from './data';
import type { Drawn, Frame } from './frame';

const dateOnly = (s?: string) => (s ? new Date(`${s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s}T00:00:00Z`) : undefined);

export async function timelineSection(frame: Frame, f: DashFilters): Promise<Outcome[]> {
  frame.loading();
  const [lanes, types, outcomes] = await Promise.all([lanesOf(f), categoriesOf(CHANGE_TYPES), loadOutcomes(f, false)]);
  const api = await loadTimelineApi(f, 'quarter');
  const member = laneMembership(lanes);
  const marks = outcomes.total <= MAX_MARKS ? outcomes.items.flatMap((o) => {
    const [start, end] = periodOf(o.occurredOn);
    return member(o).map((lane) => ({ id: o.id, lane, start, end, changeType: o.changeType, status: o.status, title: o.title }));
  }) : [];
  const cells = outcomes.total > MAX_MARKS && api ? api.goals.flatMap((g) => g.cells.map((c) => {
    const [start, end] = bucketRange(c.bucket);
    return { lane: g.code, start, end, count: c.outcomes, byStatus: c.byStatus, coarse: !!c.coarse };
  })) : undefined;
  const indicators = (api?.indicators ?? []).slice(0, 6).map((i) => ({
    key: i.code, label: i.name, unit: i.unit,
    series: i.series.slice(0, 4).map((s) => ({
      label: Object.values(s.disaggregation ?? {}).join(' · '),
      points: s.values.map((v) => ({ date: bucketRange(v.bucket)[1], value: v.value })),
    })),
  }));
  const data: TimelineData = {
    lanes: lanes.map((g) => ({ key: g.code, label: `${g.code} ${localName(g)}` })), marks, cells, indicators,
    selection: f.from && f.to ? [dateOnly(f.from)!, dateOnly(f.to)!] : null,
  };
  const yearFmt = (d: Date) => formatDate(d, 'year');
  frame.show(({ width, announce }): Drawn => {
    if (!marks.length && !cells?.length) return { empty: t('dash.emptyOutcomes') };
    const svg = timelineChart(data, {
      width, rtl: isRtl(), locale: lang(), announce,
      labels: { title: t('dash.timeline'), description: t('dash.timelineDesc'), status: t('dash.legendStatus'), changeType: t('dash.legendChangeType'),
        indicators: t('dash.indicatorLines'), period: t('dash.brush'), count: t('dash.outcomesUnit') },
      statusLabel, changeTypeLabel: categoryLabel, changeTypes: types.map((c) => c.code),
      formatDate: (d) => (d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? yearFmt(d) : formatDate(d, 'month')), formatNumber,
    });
    const rows = marks.length
      ? marks.map((m) => [goalLabel(m.lane), m.title, formatDate(m.start.toISOString().slice(0, 10), 'day'), statusLabel(m.status), categoryLabel(m.changeType)])
      : (cells ?? []).map((c) => [goalLabel(c.lane), `${formatDate(c.start, 'month')} – ${formatDate(c.end, 'month')}`, c.count, Object.entries(c.byStatus).map(([s, n]) => `${statusLabel(s)}: ${n}`).join(', '), '']);
    return { svg, table: { columns: [t('dash.col.goal'), marks.length ? t('dash.col.outcome') : t('dash.col.period'), marks.length ? t('dash.col.date') : t('dash.col.outcomes'), t('dash.col.status'), t('dash.col.changeType')], rows, numeric: marks.length ? [] : [2] } };
  });
  return outcomes.items;
}
