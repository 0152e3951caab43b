// Change over time: one lane per goal with outcomes as marks (shape = type of change, colour =
// status of substantiation), the quantitative indicators as lines on the same time axis below,
// and a period selector under the axis whose choice filters the other views (`periodselect`).
import { axisBottom, brushX, extent, line, max, scaleLinear, scaleTime, select, utcMonth, utcYear, type TimeInterval } from 'd3';
import { createSvg, GRID, INK, isolate, legend, MUTED, navigable, round, STATUS_COLOURS, symbolPath, type ChartEnv, type NavItem } from './common';
import { beeswarm, paintMarks } from './timeline-marks';

export type TimelineMark = { id: string; lane: string; start: Date; end: Date; changeType: string; status: string; title: string };
export type TimelineCell = { lane: string; start: Date; end: Date; count: number; byStatus: Record<string, number>; coarse?: boolean };
export type TimelineSeries = { label: string; points: Array<{ date: Date; value: number }> };
export type TimelineIndicator = { key: string; label: string; unit: string; series: TimelineSeries[] };
export type TimelineData = {
  lanes: Array<{ key: string; label: string }>; marks: TimelineMark[]; cells?: TimelineCell[];
  indicators: TimelineIndicator[]; domain?: [Date, Date]; selection?: [Date, Date] | null;
};
export type TimelineOptions = ChartEnv & {
  width?: number; laneHeight?: number; indicatorHeight?: number; canvasThreshold?: number; brush?: boolean;
  labels: { title: string; description: string; status: string; changeType: string; indicators: string; period: string; count: string };
  statusLabel: (s: string) => string; changeTypeLabel: (c: string) => string; changeTypes: string[];
  formatDate: (d: Date) => string; formatNumber: (n: number) => string;
};

const DEFAULTS = { width: 960, laneHeight: 56, indicatorHeight: 64, canvasThreshold: 2000, brush: true };
const LABEL_WIDTH = 190;
const RADIUS = 5;

/** Whole years when the range is long enough (labels never crowd), else quarters or months. */
function tickInterval([a, b]: [Date, Date], width: number): TimeInterval {
  const years = (b.getTime() - a.getTime()) / 3.156e10;
  const room = Math.max(1, Math.floor(width / 80));
  if (years >= 2) return utcYear.every(Math.max(1, Math.ceil(years / room)))!;
  return utcMonth.every(years * 12 > room ? 3 : 1)!;
}

function wrap(label: string, chars = 28): string[] {
  const words = label.split(/\s+/);
  const lines = [''];
  for (const w of words) {
    if ((lines[lines.length - 1] + ' ' + w).trim().length > chars && lines[lines.length - 1]) lines.push(w);
    else lines[lines.length - 1] = `${lines[lines.length - 1]} ${w}`.trim();
  }
  return lines.length > 2 ? [lines[0], `${lines[1]}…`] : lines;
}

export function timelineChart(data: TimelineData, options: TimelineOptions): SVGSVGElement {
  const o = { ...DEFAULTS, ...options };
  const doc = o.document ?? document;
  const rtl = !!o.rtl;
  // dimensions
  const indicators = data.indicators.filter((i) => i.series.some((s) => s.points.length));
  const lanesTop = 8;
  const lanesHeight = data.lanes.length * o.laneHeight;
  const axisY = lanesTop + lanesHeight;
  const brushTop = axisY + 28;
  const indTop = brushTop + (o.brush ? 34 : 0) + (indicators.length ? 22 : 0);
  const legendTop = indTop + indicators.length * o.indicatorHeight + 12;
  const plot = rtl ? [16, o.width - LABEL_WIDTH] : [LABEL_WIDTH, o.width - 16];
  // scales
  // numbers, not Dates: comparing 20,000 Date objects is measurably slow
  let lo: Date | undefined = data.domain?.[0];
  let hi: Date | undefined = data.domain?.[1];
  if (!data.domain) {
    let a = Infinity;
    let b = -Infinity;
    const see = (d: Date) => { const v = d.getTime(); if (v < a) a = v; if (v > b) b = v; };
    data.marks.forEach((m) => { see(m.start); see(m.end); });
    (data.cells ?? []).forEach((c) => { see(c.start); see(c.end); });
    indicators.forEach((i) => i.series.forEach((s) => s.points.forEach((p) => see(p.date))));
    if (a <= b) [lo, hi] = [new Date(a), new Date(b)];
  }
  const domain: [Date, Date] = [utcYear.floor(lo ?? new Date(Date.UTC(2021, 0, 1))), utcYear.ceil(new Date((hi ?? new Date()).getTime() + 1))];
  const x = scaleTime().domain(domain).range(rtl ? [plot[1], plot[0]] : plot);
  // svg
  const svg = createSvg(doc, o.width, legendTop + 120, o.labels.title, o.labels.description, rtl);
  const root = select(svg);
  const laneY = (i: number) => lanesTop + i * o.laneHeight;
  const lanes = root.append('g').attr('class', 'lanes');
  lanes.selectAll('rect').data(data.lanes).join('rect').attr('x', plot[0]).attr('width', plot[1] - plot[0])
    .attr('y', (_, i) => laneY(i)).attr('height', o.laneHeight).attr('fill', (_, i) => (i % 2 ? '#ffffff' : '#f4f4f1'));
  lanes.selectAll('text').data(data.lanes).join('text').attr('x', rtl ? o.width - 8 : 8).attr('text-anchor', 'start').attr('fill', INK)
    .attr('y', (_, i) => laneY(i) + o.laneHeight / 2 - 4)
    .selectAll('tspan').data((d) => wrap(d.label)).join('tspan').attr('x', rtl ? o.width - 8 : 8).attr('dy', (_, j) => (j ? 14 : 0)).text((l) => isolate(l));
  // axes
  root.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${axisY})`)
    .call(axisBottom(x).ticks(tickInterval(domain, plot[1] - plot[0])).tickFormat((d) => o.formatDate(d as Date)))
    .call((g) => g.selectAll('text').attr('fill', INK).attr('font-size', 12)).call((g) => g.selectAll('line,path').attr('stroke', MUTED));
  root.append('g').attr('class', 'grid').selectAll('line').data(x.ticks(utcYear.every(1)!)).join('line')
    .attr('x1', (d) => round(x(d))).attr('x2', (d) => round(x(d))).attr('y1', lanesTop).attr('y2', axisY).attr('stroke', GRID);
  // marks
  const laneIndex = new Map(data.lanes.map((l, i) => [l.key, i]));
  const items: NavItem[] = [];
  const placed = data.marks.map((m) => ({ m, lane: laneIndex.get(m.lane) ?? -1 })).filter((p) => p.lane >= 0);
  const maxRows = Math.max(1, Math.floor((o.laneHeight - 6) / (RADIUS * 2 + 1)));
  const pos = new Array<{ x: number; y: number; x0: number; x1: number }>(placed.length);
  const byLane = data.lanes.map(() => [] as Array<{ p: (typeof placed)[number]; i: number }>);
  placed.forEach((p, i) => byLane[p.lane].push({ p, i }));
  data.lanes.forEach((_, li) => {
    const inLane = byLane[li];
    const xs = inLane.map((e) => x(new Date((e.p.m.start.getTime() + e.p.m.end.getTime()) / 2)));
    const ys = beeswarm(xs, laneY(li) + o.laneHeight / 2, RADIUS, maxRows);
    inLane.forEach((e, k) => {
      const a = x(e.p.m.start);
      const b = x(e.p.m.end);
      pos[e.i] = { x: round(xs[k]), y: round(ys[k]), x0: round(Math.min(a, b)), x1: round(Math.max(a, b)) };
    });
  });
  const marks = root.append('g').attr('class', 'marks');
  const painted = placed.length > o.canvasThreshold
    ? paintMarks(doc, o.width, axisY, placed.map((p, i) => ({ ...pos[i], changeType: p.m.changeType, status: p.m.status })), RADIUS * RADIUS * 3) : null;
  if (painted) marks.append('foreignObject').attr('x', 0).attr('y', 0).attr('width', o.width).attr('height', axisY).node()!.append(painted);
  else {
    const g = marks.selectAll('g').data(placed, (d) => (d as { m: TimelineMark }).m.id).join('g').attr('class', 'mark');
    // a date known only to the month or year spans its period, with caps so neighbours stay apart
    const spans = g.filter((_, i) => pos[i].x1 - pos[i].x0 > 3).append('path').attr('class', 'span').attr('fill', 'none').attr('stroke', MUTED).attr('stroke-width', 1)
      .attr('d', (d) => { const p = pos[placed.indexOf(d)]; return `M${p.x0},${p.y - 3}V${p.y + 3}M${p.x0},${p.y}H${p.x1}M${p.x1},${p.y - 3}V${p.y + 3}`; });
    void spans;
    g.append('path').attr('class', 'symbol').attr('d', (d) => symbolPath(d.m.changeType, RADIUS * RADIUS * 3)).attr('transform', (_, i) => `translate(${pos[i].x},${pos[i].y})`)
      .attr('fill', (d) => STATUS_COLOURS[d.m.status] ?? '#999').attr('stroke', INK).attr('stroke-width', 0.75);
  }
  placed.forEach((p, i) => items.push({ x: pos[i].x, y: pos[i].y, row: p.lane, datum: { kind: 'outcome', id: p.m.id },
    label: () => `${p.m.title}\n${o.formatDate(p.m.start)} · ${o.statusLabel(p.m.status)} · ${o.changeTypeLabel(p.m.changeType)}` }));
  drawCells(root, data, x, laneIndex, laneY, o, items);
  drawIndicators(root, indicators, x, indTop, o, items, data.lanes.length);
  if (o.brush) drawBrush(svg, x, plot, brushTop, data.selection ?? null, o);
  // legend
  const present = new Set([...data.marks.map((m) => m.status), ...(data.cells ?? []).flatMap((c) => Object.keys(c.byStatus))]);
  const statuses = Object.keys(STATUS_COLOURS).filter((s) => present.has(s));
  const lw = o.width - 16;
  const h1 = legend(svg, o.labels.status, statuses.map((s) => ({ label: o.statusLabel(s), colour: STATUS_COLOURS[s], shape: 'OH-ACTION' })), 8, legendTop, lw, rtl);
  const h2 = legend(svg, o.labels.changeType, o.changeTypes.map((c) => ({ label: o.changeTypeLabel(c), colour: '#ffffff', shape: c })), 8, legendTop + h1 + 4, lw, rtl);
  const height = legendTop + h1 + h2 + 16;
  svg.setAttribute('viewBox', `0 0 ${o.width} ${height}`);
  svg.setAttribute('height', String(height));
  svg.querySelector('rect')?.setAttribute('height', String(height));
  navigable(svg, items, { ...o, width: o.width });
  return svg;
}

type Sel = ReturnType<typeof select<SVGSVGElement, unknown>>;
type X = ReturnType<typeof scaleTime<number>>;

/** Counts instead of marks (the dashboard API's cells, when there are too many outcomes to draw). */
function drawCells(root: Sel, data: TimelineData, x: X, laneIndex: Map<string, number>, laneY: (i: number) => number, o: TimelineOptions & typeof DEFAULTS, items: NavItem[]): void {
  const cells = (data.cells ?? []).filter((c) => laneIndex.has(c.lane) && c.count > 0);
  if (!cells.length) return;
  const top = max(cells, (c) => c.count) ?? 1;
  const y = scaleLinear().domain([0, top]).range([0, o.laneHeight - 10]);
  const g = root.append('g').attr('class', 'cells');
  for (const c of cells) {
    const li = laneIndex.get(c.lane)!;
    const a = x(c.start);
    const b = x(c.end);
    const left = Math.min(a, b) + 1;
    const w = Math.max(2, Math.abs(b - a) - 2);
    let base = laneY(li) + o.laneHeight - 4;
    for (const [status, n] of Object.entries(c.byStatus)) {
      const hgt = y(n);
      g.append('rect').attr('x', round(left)).attr('width', round(w)).attr('y', round(base - hgt)).attr('height', round(hgt))
        .attr('fill', STATUS_COLOURS[status] ?? '#999').attr('stroke', INK).attr('stroke-width', 0.5).attr('stroke-dasharray', c.coarse ? '2 2' : null);
      base -= hgt;
    }
    items.push({ x: round(left + w / 2), y: round(base), row: li, datum: { kind: 'cell', lane: c.lane, start: c.start, end: c.end },
      label: `${o.formatDate(c.start)} – ${o.formatDate(c.end)}: ${o.formatNumber(c.count)} ${o.labels.count}\n${Object.entries(c.byStatus).map(([s, n]) => `${o.statusLabel(s)} ${o.formatNumber(n)}`).join(' · ')}` });
  }
}

function drawIndicators(root: Sel, indicators: TimelineIndicator[], x: X, top: number, o: TimelineOptions & typeof DEFAULTS, items: NavItem[], rowBase: number): void {
  if (!indicators.length) return;
  const rtl = !!o.rtl;
  root.append('text').attr('x', rtl ? o.width - 8 : 8).attr('y', top - 8).attr('font-weight', 600).attr('fill', INK).attr('text-anchor', 'start').text(o.labels.indicators);
  indicators.forEach((ind, k) => {
    const y0 = top + k * o.indicatorHeight;
    const values = ind.series.flatMap((s) => s.points.map((p) => p.value));
    const y = scaleLinear().domain(extent(values) as [number, number]).nice().range([y0 + o.indicatorHeight - 8, y0 + 18]);
    const g = root.append('g').attr('class', 'indicator');
    g.append('text').attr('x', rtl ? o.width - 8 : 8).attr('y', y0 + 12).attr('fill', INK).attr('text-anchor', 'start').text(isolate(`${ind.label} (${ind.unit})`.slice(0, 110)));
    g.append('line').attr('x1', Math.min(...x.range())).attr('x2', Math.max(...x.range())).attr('y1', y0 + o.indicatorHeight - 4).attr('y2', y0 + o.indicatorHeight - 4).attr('stroke', GRID);
    // the value range at the start of the plot, so a line can be read without the table
    const [vlo, vhi] = y.domain();
    const edge = rtl ? Math.max(...x.range()) + 4 : Math.min(...x.range()) - 4;
    g.append('text').attr('x', edge).attr('y', y(vhi) + 4).attr('text-anchor', 'end').attr('fill', MUTED).attr('font-size', 11).text(o.formatNumber(vhi));
    g.append('text').attr('x', edge).attr('y', y(vlo)).attr('text-anchor', 'end').attr('fill', MUTED).attr('font-size', 11).text(o.formatNumber(vlo));
    const path = line<{ date: Date; value: number }>().x((p) => round(x(p.date))).y((p) => round(y(p.value)));
    ind.series.slice(0, 4).forEach((s, si) => {
      const pts = [...s.points].sort((a, b) => a.date.getTime() - b.date.getTime());
      g.append('path').attr('d', path(pts)).attr('fill', 'none').attr('stroke', si ? MUTED : INK).attr('stroke-width', 1.75).attr('stroke-dasharray', ['', '5 3', '2 2', '8 3 2 3'][si] || null);
      pts.forEach((p) => {
        g.append('circle').attr('cx', round(x(p.date))).attr('cy', round(y(p.value))).attr('r', 2.5).attr('fill', si ? MUTED : INK);
        items.push({ x: round(x(p.date)), y: round(y(p.value)), row: rowBase + k, datum: { kind: 'indicator', key: ind.key },
          label: `${ind.label}${s.label ? ` — ${s.label}` : ''}\n${o.formatDate(p.date)}: ${o.formatNumber(p.value)} ${ind.unit}` });
      });
    });
  });
}

function drawBrush(svg: SVGSVGElement, x: X, plot: number[], top: number, selection: [Date, Date] | null, o: TimelineOptions): void {
  const g = select(svg).append('g').attr('class', 'period-brush');
  g.append('text').attr('x', o.rtl ? (o.width ?? 960) - 8 : 8).attr('y', top + 16).attr('fill', MUTED).attr('text-anchor', 'start').text(o.labels.period);
  const view = svg.ownerDocument.defaultView;
  const brush = brushX<unknown>().extent([[plot[0], top], [plot[1], top + 24]]).touchable(() => !!view?.navigator?.maxTouchPoints).on('end', (event) => {
    if (!event.sourceEvent) return; // moved by code, not by the reader
    const s = event.selection as [number, number] | null;
    const detail = s ? [x.invert(s[0]), x.invert(s[1])].sort((a, b) => a.getTime() - b.getTime()) : null;
    svg.dispatchEvent(new (view?.CustomEvent ?? CustomEvent)('periodselect', { detail, bubbles: true }));
  });
  const b = g.append('g').attr('aria-hidden', 'true').call(brush);
  b.select('.overlay').attr('fill', '#f4f4f1').attr('stroke', GRID);
  b.select('.selection').attr('fill', '#0072B2').attr('fill-opacity', 0.25).attr('stroke', INK);
  if (selection) b.call(brush.move, selection.map((d) => x(d)).sort((p, q) => p - q) as [number, number]);
}
