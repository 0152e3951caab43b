// Change over time: one lane per goal with outcomes as marks (shape = type of change, colour =
// the conclusion it stands on, hatched while not concluded), the programme's indicators as lines
// on the same time axis below
// (the total, else its breakdowns; baseline and target as levels), and a period selector under
// the axis whose choice filters the other views (`periodselect`). The global reference series
// are drawn apart by `indicatorBand`, on the same time axis, for a context band of their own. A
// rubric is drawn in the same band as a step line over its levels (each score held across its
// period), its lowest and highest levels named beside it.
import { axisBottom, brushX, extent, line, max, scaleLinear, scaleTime, select, utcMonth, utcYear, type TimeInterval } from 'd3';
import { createSvg, GRID, INK, isolate, legend, MUTED, navigable, round, symbolPath, toneFills, toneOf, TONES, type ChartEnv, type NavItem } from './common';
import { beeswarm, paintMarks } from './timeline-marks';
import { stepPoints } from './rubric-steps';

/** `conclusion`: the one it stands on (null while not concluded); it gives the mark its colour. */
export type TimelineMark = { id: string; lane: string; start: Date; end: Date; changeType: string; status: string; conclusion?: string | null; title: string };
/** `byConclusion`: the outcomes by tone (substantiated, partly_substantiated, not_substantiated, pending, retracted). */
export type TimelineCell = { lane: string; start: Date; end: Date; count: number; byConclusion: Record<string, number>; coarse?: boolean };
/** `start`: where the value's period begins (a rubric's score is held from there to `date`, its end). */
export type TimelineSeries = { label: string; points: Array<{ date: Date; value: number; start?: Date }> };
/**
 * One indicator's row. With `total`, the first series is the total (drawn bold) and the rest are
 * not drawn; without, up to four breakdowns are. `note` follows the name (e.g. the target).
 * `levels`: a rubric's level names, the lowest first — its values are levels, drawn as steps.
 */
export type TimelineIndicator = {
  key: string; label: string; unit: string; series: TimelineSeries[]; total?: boolean; note?: string;
  baseline?: { date: Date; value: number } | null; target?: { date: Date; value: number } | null;
  levels?: string[];
};
export type TimelineData = {
  lanes: Array<{ key: string; label: string }>; marks: TimelineMark[]; cells?: TimelineCell[];
  indicators: TimelineIndicator[]; domain?: [Date, Date]; selection?: [Date, Date] | null;
};
export type TimelineOptions = ChartEnv & {
  /** indicatorHeight: the plot of one indicator row, under its title */
  width?: number; laneHeight?: number; indicatorHeight?: number; canvasThreshold?: number; brush?: boolean;
  labels: { title: string; description: string; conclusion: string; changeType: string; indicators: string; period: string; count: string; baseline?: string; target?: string };
  statusLabel: (s: string) => string; toneLabel: (tone: string) => string; changeTypeLabel: (c: string) => string; changeTypes: string[];
  formatDate: (d: Date) => string; formatNumber: (n: number) => string;
};

const DEFAULTS = { width: 960, laneHeight: 56, indicatorHeight: 48, canvasThreshold: 2000, brush: true };
const LABEL_WIDTH = 190;
/** Below this width the lane names go above their lanes, so the time axis gets the whole width. */
const NARROW = 560;
const LANE_NAME = 16;
const RADIUS = 5;

/** Whole years when the range is long enough (labels never crowd), else quarters or months. */
function tickInterval([a, b]: [Date, Date], width: number): TimeInterval {
  const years = (b.getTime() - a.getTime()) / 3.156e10;
  const room = Math.max(1, Math.floor(width / 80));
  if (years >= 2) return utcYear.every(Math.max(1, Math.ceil(years / room)))!;
  return utcMonth.every(years * 12 > room ? 3 : 1)!;
}

function plotOf(width: number, rtl: boolean): [number, number] {
  const start = width < NARROW ? 36 : LABEL_WIDTH;
  return rtl ? [16, width - start] : [start, width - 16];
}

/** Whole years around every mark, cell and indicator value (the chart's time axis). */
export function timelineDomain(data: Pick<TimelineData, 'marks' | 'cells' | 'indicators'>): [Date, Date] {
  // numbers, not Dates: comparing 20,000 Date objects is measurably slow
  let a = Infinity;
  let b = -Infinity;
  const see = (d: Date) => { const v = d.getTime(); if (v < a) a = v; if (v > b) b = v; };
  data.marks.forEach((m) => { see(m.start); see(m.end); });
  (data.cells ?? []).forEach((c) => { see(c.start); see(c.end); });
  data.indicators.forEach((i) => i.series.forEach((s) => s.points.forEach((p) => { see(p.date); if (p.start) see(p.start); })));
  const [lo, hi] = a <= b ? [new Date(a), new Date(b)] : [undefined, undefined];
  return [utcYear.floor(lo ?? new Date(Date.UTC(2021, 0, 1))), utcYear.ceil(new Date((hi ?? new Date()).getTime() + 1))];
}

const clip = (label: string, chars: number) => (label.length > chars ? `${label.slice(0, chars - 1)}…` : label);

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
  // dimensions: on a phone each lane carries its name on a line of its own above the marks
  const narrow = o.width < NARROW;
  const nameTop = narrow ? LANE_NAME : 0;
  o.laneHeight += nameTop;
  const indicators = data.indicators.filter((i) => i.series.some((s) => s.points.length));
  const lanesTop = 8;
  const lanesHeight = data.lanes.length * o.laneHeight;
  const axisY = lanesTop + lanesHeight;
  const brushTop = axisY + 28 + (narrow && o.brush ? 16 : 0);
  const indTop = brushTop + (o.brush ? 34 : 0) + (indicators.length ? 22 : 0);
  const rows = indicatorRows(indicators, o.width, o.indicatorHeight);
  const legendTop = indTop + rows.height + 12;
  const plot = plotOf(o.width, rtl);
  // scales
  const domain = data.domain ?? timelineDomain(data);
  const x = scaleTime().domain(domain).range(rtl ? [plot[1], plot[0]] : plot);
  // svg
  const svg = createSvg(doc, o.width, legendTop + 120, o.labels.title, o.labels.description, rtl);
  const fillOf = toneFills(svg);
  const root = select(svg);
  const laneY = (i: number) => lanesTop + i * o.laneHeight;
  const lanes = root.append('g').attr('class', 'lanes');
  lanes.selectAll('rect').data(data.lanes).join('rect').attr('x', narrow ? 0 : plot[0]).attr('width', narrow ? o.width : plot[1] - plot[0])
    .attr('y', (_, i) => laneY(i)).attr('height', o.laneHeight).attr('fill', (_, i) => (i % 2 ? '#ffffff' : '#f4f4f1'));
  lanes.selectAll('text').data(data.lanes).join('text').attr('x', rtl ? o.width - 8 : 8).attr('text-anchor', 'start').attr('fill', INK)
    .attr('y', (_, i) => (narrow ? laneY(i) + 13 : laneY(i) + o.laneHeight / 2 - 4))
    .selectAll('tspan').data((d) => (narrow ? [clip(d.label, Math.floor(o.width / 7.2))] : wrap(d.label))).join('tspan')
    .attr('x', rtl ? o.width - 8 : 8).attr('dy', (_, j) => (j ? 14 : 0)).text((l) => isolate(l));
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
  const maxRows = Math.max(1, Math.floor((o.laneHeight - nameTop - 6) / (RADIUS * 2 + 1)));
  const pos = new Array<{ x: number; y: number; x0: number; x1: number }>(placed.length);
  const byLane = data.lanes.map(() => [] as Array<{ p: (typeof placed)[number]; i: number }>);
  placed.forEach((p, i) => byLane[p.lane].push({ p, i }));
  data.lanes.forEach((_, li) => {
    const inLane = byLane[li];
    const xs = inLane.map((e) => x(new Date((e.p.m.start.getTime() + e.p.m.end.getTime()) / 2)));
    const ys = beeswarm(xs, laneY(li) + nameTop + (o.laneHeight - nameTop) / 2, RADIUS, maxRows);
    inLane.forEach((e, k) => {
      const a = x(e.p.m.start);
      const b = x(e.p.m.end);
      pos[e.i] = { x: round(xs[k]), y: round(ys[k]), x0: round(Math.min(a, b)), x1: round(Math.max(a, b)) };
    });
  });
  const marks = root.append('g').attr('class', 'marks');
  const painted = placed.length > o.canvasThreshold
    ? paintMarks(doc, o.width, axisY, placed.map((p, i) => ({ ...pos[i], changeType: p.m.changeType, tone: toneOf(p.m) })), RADIUS * RADIUS * 3) : null;
  if (painted) marks.append('foreignObject').attr('x', 0).attr('y', 0).attr('width', o.width).attr('height', axisY).node()!.append(painted);
  else {
    const g = marks.selectAll('g').data(placed, (d) => (d as { m: TimelineMark }).m.id).join('g').attr('class', 'mark');
    // a date known only to the month or year spans its period, with caps so neighbours stay apart
    const spans = g.filter((_, i) => pos[i].x1 - pos[i].x0 > 3).append('path').attr('class', 'span').attr('fill', 'none').attr('stroke', MUTED).attr('stroke-width', 1)
      .attr('d', (d) => { const p = pos[placed.indexOf(d)]; return `M${p.x0},${p.y - 3}V${p.y + 3}M${p.x0},${p.y}H${p.x1}M${p.x1},${p.y - 3}V${p.y + 3}`; });
    void spans;
    g.append('path').attr('class', 'symbol').attr('d', (d) => symbolPath(d.m.changeType, RADIUS * RADIUS * 3)).attr('transform', (_, i) => `translate(${pos[i].x},${pos[i].y})`)
      .attr('fill', (d) => fillOf(toneOf(d.m))).attr('stroke', INK).attr('stroke-width', 0.75);
  }
  placed.forEach((p, i) => items.push({ x: pos[i].x, y: pos[i].y, row: p.lane, datum: { kind: 'outcome', id: p.m.id },
    label: () => `${p.m.title}\n${o.formatDate(p.m.start)} · ${conclusionText(p.m, o)}${o.changeTypeLabel(p.m.changeType)}` }));
  drawCells(root, data, x, laneIndex, laneY, o, items, fillOf);
  drawIndicators(root, rows, x, indTop, o, items, data.lanes.length);
  if (o.brush) drawBrush(svg, x, plot, brushTop, data.selection ?? null, o);
  // legend
  const present = new Set([...data.marks.map(toneOf), ...(data.cells ?? []).flatMap((c) => Object.keys(c.byConclusion))]);
  const tones = TONES.filter((s) => present.has(s));
  const lw = o.width - 16;
  const h1 = legend(svg, o.labels.conclusion, tones.map((s) => ({ label: o.toneLabel(s), colour: fillOf(s), shape: 'OH-ACTION' })), 8, legendTop, lw, rtl);
  const h2 = legend(svg, o.labels.changeType, o.changeTypes.map((c) => ({ label: o.changeTypeLabel(c), colour: '#ffffff', shape: c })), 8, legendTop + h1 + 4, lw, rtl);
  const height = legendTop + h1 + h2 + 16;
  svg.setAttribute('viewBox', `0 0 ${o.width} ${height}`);
  svg.setAttribute('height', String(height));
  svg.querySelector('rect')?.setAttribute('height', String(height));
  navigable(svg, items, { ...o, width: o.width });
  return svg;
}

/** The state, and the conclusion where the state does not say it (a published outcome). */
function conclusionText(m: TimelineMark, o: TimelineOptions): string {
  const tone = toneOf(m);
  return `${o.statusLabel(m.status)} · ${tone !== m.status && tone !== 'pending' && tone !== 'retracted' ? `${o.toneLabel(tone)} · ` : ''}`;
}

type Sel = ReturnType<typeof select<SVGSVGElement, unknown>>;
type X = ReturnType<typeof scaleTime<number>>;

/** Counts instead of marks (the dashboard API's cells, when there are too many outcomes to draw). */
function drawCells(root: Sel, data: TimelineData, x: X, laneIndex: Map<string, number>, laneY: (i: number) => number, o: TimelineOptions & typeof DEFAULTS, items: NavItem[], fillOf: (tone: string) => string): void {
  const cells = (data.cells ?? []).filter((c) => laneIndex.has(c.lane) && c.count > 0);
  if (!cells.length) return;
  const top = max(cells, (c) => c.count) ?? 1;
  const y = scaleLinear().domain([0, top]).range([0, o.laneHeight - 10 - (o.width < NARROW ? LANE_NAME : 0)]);
  const g = root.append('g').attr('class', 'cells');
  for (const c of cells) {
    const li = laneIndex.get(c.lane)!;
    const a = x(c.start);
    const b = x(c.end);
    const left = Math.min(a, b) + 1;
    const w = Math.max(2, Math.abs(b - a) - 2);
    let base = laneY(li) + o.laneHeight - 4;
    for (const [tone, n] of TONES.map((k) => [k, c.byConclusion[k] ?? 0] as const).filter(([, n]) => n > 0)) {
      const hgt = y(n);
      g.append('rect').attr('x', round(left)).attr('width', round(w)).attr('y', round(base - hgt)).attr('height', round(hgt))
        .attr('fill', fillOf(tone)).attr('stroke', INK).attr('stroke-width', 0.5).attr('stroke-dasharray', c.coarse ? '2 2' : null);
      base -= hgt;
    }
    items.push({ x: round(left + w / 2), y: round(base), row: li, datum: { kind: 'cell', lane: c.lane, start: c.start, end: c.end },
      label: `${o.formatDate(c.start)} – ${o.formatDate(c.end)}: ${o.formatNumber(c.count)} ${o.labels.count}\n${Object.entries(c.byConclusion).map(([s, n]) => `${o.toneLabel(s)} ${o.formatNumber(n)}`).join(' · ')}` });
  }
}

type Env = Pick<TimelineOptions, 'rtl' | 'formatDate' | 'formatNumber' | 'labels'> & { width: number; indicatorHeight: number };
const TITLE_LINE = 14;
type Rows = { height: number; rows: Array<{ ind: TimelineIndicator; top: number; title: string[]; note?: string; plotTop: number; bottom: number }> };

/** Where each indicator row goes: its name (up to two lines), its note on a line of its own, then its plot. */
function indicatorRows(indicators: TimelineIndicator[], width: number, plotHeight: number): Rows {
  let top = 0;
  const rows = indicators.map((ind) => {
    const title = wrap(`${ind.label} (${ind.unit})`, Math.max(30, Math.floor(width / 7.2)));
    const plotTop = top + 6 + (title.length + (ind.note ? 1 : 0)) * TITLE_LINE;
    const row = { ind, top, title, note: ind.note, plotTop, bottom: plotTop + plotHeight };
    top = row.bottom + 6;
    return row;
  });
  return { height: top, rows };
}

function drawIndicators(root: Sel, layout: Rows, x: X, top: number, o: Env, items: NavItem[], rowBase: number): void {
  if (!layout.rows.length) return;
  const rtl = !!o.rtl;
  const [left, right] = [Math.min(...x.range()), Math.max(...x.range())];
  const [d0, d1] = x.domain();
  const inDomain = (d: Date) => d >= d0 && d <= d1;
  const start = rtl ? o.width - 8 : 8;
  root.append('text').attr('x', start).attr('y', top - 8).attr('font-weight', 600).attr('fill', INK).attr('text-anchor', 'start').text(o.labels.indicators);
  layout.rows.forEach((row, k) => {
    const ind = row.ind;
    const y0 = top + row.top;
    const plotTop = top + row.plotTop;
    const bottom = top + row.bottom;
    const drawn = ind.total ? ind.series.slice(0, 1) : ind.series.slice(0, 4);
    const g = root.append('g').attr('class', 'indicator').attr('data-indicator', ind.key);
    const title = g.append('text').attr('x', start).attr('y', y0 + 12).attr('fill', INK).attr('text-anchor', 'start');
    title.selectAll('tspan').data(row.title).join('tspan').attr('x', start).attr('dy', (_, j) => (j ? TITLE_LINE : 0)).text((l) => isolate(l));
    if (row.note) g.append('text').attr('class', 'note').attr('x', start).attr('y', y0 + 12 + row.title.length * TITLE_LINE).attr('fill', MUTED).attr('font-size', 11).attr('text-anchor', 'start').text(row.note);
    const steps = ind.levels?.length ? ind.levels : null;
    const levels = [ind.baseline?.value, ind.target?.value].filter((v): v is number => v !== undefined);
    const values = [...drawn.flatMap((s) => s.points.map((p) => p.value)), ...levels];
    // from zero where every figure is positive, so a slope is not exaggerated; never a flat domain;
    // a rubric from its lowest level to its highest
    const [lo, hi] = extent(values) as [number, number];
    const y = steps ? scaleLinear().domain([1, steps.length]).range([bottom - 4, plotTop + 4])
      : scaleLinear().domain([Math.min(lo, 0), hi > Math.min(lo, 0) ? hi : Math.min(lo, 0) + 1]).nice().range([bottom - 4, plotTop + 4]);
    g.append('line').attr('x1', left).attr('x2', right).attr('y1', bottom).attr('y2', bottom).attr('stroke', GRID);
    // the value range at the start of the plot, so a line can be read without the table
    const [vlo, vhi] = y.domain();
    const edge = rtl ? right + 4 : left - 4;
    const room = Math.floor(((rtl ? o.width - right : left) - 12) / 6); // characters that fit in the label column
    const rangeLabel = (v: number) => (steps ? (room >= 8 ? isolate(clip(steps[v - 1], room)) : String(v)) : o.formatNumber(v));
    g.append('text').attr('x', edge).attr('y', y(vhi) + 4).attr('text-anchor', 'end').attr('fill', MUTED).attr('font-size', 11).text(rangeLabel(vhi));
    g.append('text').attr('x', edge).attr('y', y(vlo)).attr('text-anchor', 'end').attr('fill', MUTED).attr('font-size', 11).text(rangeLabel(vlo));
    // baseline and target as levels: dashed from the baseline's date, dotted across to the target
    const level = (value: number, from: Date, cls: string, dash: string) => {
      const from0 = inDomain(from) ? x(from) : rtl ? right : left;
      g.append('line').attr('class', cls).attr('x1', round(from0)).attr('x2', rtl ? left : right).attr('y1', round(y(value))).attr('y2', round(y(value)))
        .attr('stroke', MUTED).attr('stroke-width', 1.25).attr('stroke-dasharray', dash);
    };
    if (ind.baseline) {
      level(ind.baseline.value, ind.baseline.date, 'baseline', '6 4');
      if (inDomain(ind.baseline.date)) {
        g.append('circle').attr('class', 'baseline-mark').attr('cx', round(x(ind.baseline.date))).attr('cy', round(y(ind.baseline.value))).attr('r', 3.5).attr('fill', '#ffffff').attr('stroke', MUTED).attr('stroke-width', 1.5);
        items.push({ x: round(x(ind.baseline.date)), y: round(y(ind.baseline.value)), row: rowBase + k, datum: { kind: 'indicator', key: ind.key },
          label: `${ind.label}\n${o.labels.baseline ?? ''} ${o.formatDate(ind.baseline.date)}: ${steps ? steps[ind.baseline.value - 1] ?? ind.baseline.value : `${o.formatNumber(ind.baseline.value)} ${ind.unit}`}` });
      }
    }
    if (ind.target) {
      level(ind.target.value, d0, 'target-level', '2 3');
      if (inDomain(ind.target.date)) {
        g.append('path').attr('class', 'target').attr('d', symbolPath('OH-AGENDA', 60)).attr('transform', `translate(${round(x(ind.target.date))},${round(y(ind.target.value))})`)
          .attr('fill', '#ffffff').attr('stroke', INK).attr('stroke-width', 1.5);
      }
    }
    const path = line<{ date: Date; value: number }>().x((p) => round(x(p.date))).y((p) => round(y(p.value)));
    const stepped = line<{ date: Date; level: number } | null>().defined((p) => !!p).x((p) => round(x(p!.date))).y((p) => round(y(p!.level)));
    const shown = (v: number) => (steps ? steps[v - 1] ?? o.formatNumber(v) : `${o.formatNumber(v)} ${ind.unit}`);
    drawn.forEach((s, si) => {
      const pts = [...s.points].sort((a, b) => a.date.getTime() - b.date.getTime());
      const main = ind.total || !si;
      const d = steps ? stepped(stepPoints(pts.map((p) => ({ start: p.start ?? p.date, end: p.date, level: p.value })))) : path(pts);
      g.append('path').attr('class', steps ? 'series steps' : 'series').attr('d', d).attr('fill', 'none').attr('stroke', main ? INK : MUTED)
        .attr('stroke-width', ind.total ? 2.5 : 1.75).attr('stroke-dasharray', ind.total ? null : ['', '5 3', '2 2', '8 3 2 3'][si] || null);
      pts.forEach((p) => {
        g.append('circle').attr('class', 'point').attr('cx', round(x(p.date))).attr('cy', round(y(p.value))).attr('r', ind.total ? 3 : 2.5).attr('fill', main ? INK : MUTED);
        items.push({ x: round(x(p.date)), y: round(y(p.value)), row: rowBase + k, datum: { kind: 'indicator', key: ind.key },
          label: `${ind.label}${s.label ? ` — ${s.label}` : ''}\n${o.formatDate(p.date)}: ${shown(p.value)}` });
      });
    });
  });
}

/**
 * Indicator rows on their own time axis (the same domain and plot as the chart above them): the
 * context band of global reference series.
 */
export function indicatorBand(indicators: TimelineIndicator[], domain: [Date, Date], options: ChartEnv & Env & { title: string; description: string }): SVGSVGElement {
  const doc = options.document ?? document;
  const rtl = !!options.rtl;
  const plot = plotOf(options.width, rtl);
  const x = scaleTime().domain(domain).range(rtl ? [plot[1], plot[0]] : plot);
  const rows = indicatorRows(indicators.filter((i) => i.series.some((s) => s.points.length)), options.width, options.indicatorHeight);
  const top = 26;
  const height = top + rows.height + 28;
  const svg = createSvg(doc, options.width, height, options.title, options.description, rtl);
  const root = select(svg);
  const items: NavItem[] = [];
  drawIndicators(root, rows, x, top, options, items, 0);
  root.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - 24})`)
    .call(axisBottom(x).ticks(tickInterval(domain, plot[1] - plot[0])).tickFormat((d) => options.formatDate(d as Date)))
    .call((g) => g.selectAll('text').attr('fill', INK).attr('font-size', 12)).call((g) => g.selectAll('line,path').attr('stroke', MUTED));
  navigable(svg, items, options);
  return svg;
}

function drawBrush(svg: SVGSVGElement, x: X, plot: number[], top: number, selection: [Date, Date] | null, o: TimelineOptions): void {
  const g = select(svg).append('g').attr('class', 'period-brush');
  // beside the band, or above it on a phone, where the band takes the whole width
  g.append('text').attr('x', o.rtl ? (o.width ?? 960) - 8 : 8).attr('y', (o.width ?? 960) < NARROW ? top - 5 : top + 16).attr('fill', MUTED).attr('text-anchor', 'start').text(o.labels.period);
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
