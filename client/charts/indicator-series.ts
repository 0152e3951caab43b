// One indicator over time: its overall series as a line (each value at the end of its period;
// draft values hollow), the breakdowns as lines of their own when asked for, the baseline as a
// dashed level from its date and the targets as diamonds joined to it, and the outcomes that may
// explain the figures as ticks on the same time axis. Drawn for the width it is given (a phone
// gets a narrow chart, not a scaled-down wide one); arrows move along a series, up and down
// between series.
import { axisBottom, axisLeft, axisRight, extent, line, scaleLinear, scaleUtc, select } from 'd3';
import { createSvg, GRID, INK, isolate, legend, MUTED, navigable, OKABE_ITO, round, symbolPath, type ChartEnv, type NavItem } from './common';

export type SeriesPoint = { end: Date; value: number; draft: boolean };
export type Series = { key: string; label: string; points: SeriesPoint[] };
export type SeriesData = {
  overall: Series | null; breakdowns: Series[];
  baseline: { date: Date; value: number } | null; targets: Array<{ date: Date; value: number }>;
  outcomes: Array<{ id: string; date: Date; title: string }>;
};
export type SeriesOptions = ChartEnv & {
  width: number; showBreakdowns: boolean;
  labels: { title: string; description: string; overall: string; baseline: string; target: string; draft: string; outcome: string; legend: string };
  formatNumber: (n: number) => string; formatDate: (d: Date) => string;
  /** the time axis' ticks: years over a long span, months over a short one */
  formatTick: (d: Date, spanYears: number) => string;
};

export type SeriesDatum = { kind: 'value'; series: string } | { kind: 'outcome'; id: string };

const HEIGHT = 300;

export function indicatorSeriesChart(data: SeriesData, o: SeriesOptions): SVGSVGElement {
  const doc = o.document ?? document;
  const rtl = !!o.rtl;
  const narrow = o.width < 560;
  const margin = { top: 16, side: narrow ? 44 : 64, end: 40, bottom: 56 };
  const drawn = [...(data.overall ? [data.overall] : []), ...(o.showBreakdowns || !data.overall ? data.breakdowns : [])];
  const dates = [...drawn.flatMap((s) => s.points.map((p) => p.end)), ...data.targets.map((t) => t.date), ...(data.baseline ? [data.baseline.date] : []), ...data.outcomes.map((x) => x.date)];
  const values = [...drawn.flatMap((s) => s.points.map((p) => p.value)), ...data.targets.map((t) => t.value), ...(data.baseline ? [data.baseline.value] : [])];
  const [d0, d1] = extent(dates) as [Date, Date];
  const span: [number, number] = rtl ? [o.width - margin.side, margin.end] : [margin.side, o.width - margin.end];
  const x = scaleUtc().domain([d0, d1 > d0 ? d1 : new Date(d0.getTime() + 86_400_000)]).range(span).nice();
  const y = scaleLinear().domain([Math.min(0, ...values), Math.max(...values, 1) * 1.08]).range([HEIGHT - margin.bottom, margin.top]).nice();
  const svg = createSvg(doc, o.width, HEIGHT, o.labels.title, o.labels.description, rtl);
  const root = select(svg);
  const yAxis = (rtl ? axisRight(y) : axisLeft(y)).ticks(5).tickFormat((v) => o.formatNumber(Number(v))).tickSize(-(o.width - margin.side - margin.end));
  root.append('g').attr('class', 'y-axis').attr('transform', `translate(${rtl ? o.width - margin.side : margin.side},0)`).call(yAxis)
    .call((g) => g.selectAll('line').attr('stroke', GRID)).call((g) => g.select('.domain').remove()).call((g) => g.selectAll('text').attr('fill', MUTED));
  root.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${HEIGHT - margin.bottom})`)
    .call(axisBottom(x).ticks(narrow ? 4 : 8).tickFormat((v) => o.formatTick(v as Date, (x.domain()[1].getTime() - x.domain()[0].getTime()) / 31_557_600_000)))
    .call((g) => g.selectAll('text').attr('fill', MUTED));

  const items: NavItem<SeriesDatum>[] = [];
  const path = line<SeriesPoint>().x((p) => x(p.end)).y((p) => y(p.value));
  drawn.forEach((s, row) => {
    const colour = s === data.overall ? INK : OKABE_ITO[(row - (data.overall ? 1 : 0)) % (OKABE_ITO.length - 1)];
    const g = root.append('g').attr('class', 'series').attr('data-series', s.key);
    const points = [...s.points].sort((a, b) => a.end.getTime() - b.end.getTime());
    g.append('path').attr('d', path(points) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', s === data.overall ? 3 : 2);
    for (const p of points) {
      g.append('circle').attr('cx', round(x(p.end))).attr('cy', round(y(p.value))).attr('r', 4)
        .attr('fill', p.draft ? '#ffffff' : colour).attr('stroke', colour).attr('stroke-width', 2);
      items.push({ x: round(x(p.end)), y: round(y(p.value)), row, datum: { kind: 'value', series: s.key },
        label: `${s.label}\n${o.formatNumber(p.value)} (${o.formatDate(p.end)})${p.draft ? ` · ${o.labels.draft}` : ''}` });
    }
  });
  if (data.baseline) {
    const b = data.baseline;
    root.append('line').attr('class', 'baseline').attr('x1', round(x(b.date))).attr('x2', span[1]).attr('y1', round(y(b.value))).attr('y2', round(y(b.value)))
      .attr('stroke', MUTED).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
  }
  if (data.targets.length) {
    const path = [...(data.baseline ? [data.baseline] : []), ...[...data.targets].sort((a, b) => a.date.getTime() - b.date.getTime())];
    root.append('path').attr('class', 'target-path').attr('d', line<{ date: Date; value: number }>().x((p) => x(p.date)).y((p) => y(p.value))(path) ?? '')
      .attr('fill', 'none').attr('stroke', MUTED).attr('stroke-width', 1.5).attr('stroke-dasharray', '2 4');
    for (const t of data.targets) {
      root.append('path').attr('class', 'target').attr('d', symbolPath('OH-AGENDA', 110)).attr('transform', `translate(${round(x(t.date))},${round(y(t.value))})`)
        .attr('fill', '#ffffff').attr('stroke', INK).attr('stroke-width', 2);
      items.push({ x: round(x(t.date)), y: round(y(t.value)), row: drawn.length, datum: { kind: 'value', series: 'target' },
        label: `${o.labels.target}\n${o.formatNumber(t.value)} (${o.formatDate(t.date)})` });
    }
  }
  // the outcomes that may explain the figures, as ticks just above the time axis
  const tickY = HEIGHT - margin.bottom - 8;
  for (const out of data.outcomes) {
    root.append('path').attr('class', 'outcome').attr('d', symbolPath('OH-ACTION', 50)).attr('transform', `translate(${round(x(out.date))},${tickY})`)
      .attr('fill', OKABE_ITO[2]).attr('stroke', INK).attr('stroke-width', 1);
    items.push({ x: round(x(out.date)), y: tickY, row: drawn.length + 1, datum: { kind: 'outcome', id: out.id }, label: `${o.labels.outcome}\n${isolate(out.title)}\n${o.formatDate(out.date)}` });
  }
  const legendHeight = legend(svg, o.labels.legend, [
    ...drawn.map((s, row) => ({ label: s.label, stroke: s === data.overall ? INK : OKABE_ITO[(row - (data.overall ? 1 : 0)) % (OKABE_ITO.length - 1)], dash: '' })),
    ...(data.baseline ? [{ label: o.labels.baseline, stroke: MUTED, dash: '6 4' }] : []),
    ...(data.targets.length ? [{ label: o.labels.target, shape: 'OH-AGENDA', colour: '#ffffff' }] : []),
    ...(data.outcomes.length ? [{ label: o.labels.outcome, shape: 'OH-ACTION', colour: OKABE_ITO[2] }] : []),
  ], 8, HEIGHT - 20, o.width - 16, rtl);
  // as high as its legend needs (many breakdowns wrap onto more rows)
  const total = HEIGHT - 10 + legendHeight;
  svg.setAttribute('viewBox', `0 0 ${o.width} ${total}`);
  svg.setAttribute('height', String(total));
  svg.querySelector('rect')?.setAttribute('height', String(total));
  navigable(svg, items, o);
  return svg;
}
