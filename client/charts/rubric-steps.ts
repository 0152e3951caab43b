// A rubric over time: each score as a level held across its period, joined into a step line
// (a gap between periods breaks it), a mark at the end of each period (drafts hollow), the
// baseline level dashed from its date and the target levels as diamonds joined to it. The y axis
// is the scale itself, each level named; on a phone the axis carries the numbers and the legend
// the names. Arrows move along the scores, up and down to the targets.
import { axisBottom, line, scaleLinear, scaleUtc, select } from 'd3';
import { createSvg, GRID, INK, isolate, legend, MUTED, navigable, round, symbolPath, type ChartEnv, type NavItem } from './common';

export type StepScore = { start: Date; end: Date; level: number; draft?: boolean };
export type StepData = {
  /** the level names, the lowest first: levels[0] is level 1 */
  levels: string[];
  scores: Array<StepScore & { id: string; label: string }>;
  baseline: { date: Date; level: number } | null; targets: Array<{ date: Date; level: number }>;
};
export type StepOptions = ChartEnv & {
  width: number;
  labels: { title: string; description: string; score: string; baseline: string; target: string; draft: string; legend: string };
  formatDate: (d: Date) => string;
  /** the time axis' ticks: years over a long span, months over a short one */
  formatTick: (d: Date, spanYears: number) => string;
};
export type StepDatum = { kind: 'score'; id: string } | { kind: 'target' };

const ROW = 52;
const NARROW = 560;
const DAY = 86_400_000;

/**
 * The points of a step line through scores (oldest first): each score's level from the start of
 * its period to its end; consecutive periods joined by a riser, a gap of more than a few days left
 * open (null breaks the line).
 */
export function stepPoints<S extends StepScore>(scores: S[]): Array<{ date: Date; level: number } | null> {
  const sorted = [...scores].sort((a, b) => a.end.getTime() - b.end.getTime());
  const out: Array<{ date: Date; level: number } | null> = [];
  sorted.forEach((s, k) => {
    if (k && s.start.getTime() - sorted[k - 1].end.getTime() > 3 * DAY) out.push(null);
    out.push({ date: s.start, level: s.level }, { date: s.end, level: s.level });
  });
  return out;
}

/** A name that fits in `chars` characters, cut with an ellipsis. */
const clip = (s: string, chars: number) => (s.length > chars ? `${s.slice(0, Math.max(1, chars - 1))}…` : s);

export function rubricStepChart(data: StepData, o: StepOptions): SVGSVGElement {
  const doc = o.document ?? document;
  const rtl = !!o.rtl;
  const narrow = o.width < NARROW;
  const n = Math.max(2, data.levels.length);
  // dimensions: the level names need room beside the plot, except on a phone
  const side = narrow ? 36 : Math.min(220, Math.round(o.width * 0.26));
  const margin = { top: 20, end: 28, bottom: 48 };
  const height = margin.top + (n - 1) * ROW + margin.bottom;
  const span: [number, number] = rtl ? [o.width - side, margin.end] : [side, o.width - margin.end];
  // scales
  const dates = [...data.scores.flatMap((s) => [s.start, s.end]), ...data.targets.map((t) => t.date), ...(data.baseline ? [data.baseline.date] : [])];
  const t0 = Math.min(...dates.map((d) => d.getTime()));
  const t1 = Math.max(...dates.map((d) => d.getTime()));
  const x = scaleUtc().domain([new Date(t0), new Date(t1 > t0 ? t1 : t0 + DAY)]).range(span).nice();
  const y = scaleLinear().domain([1, n]).range([height - margin.bottom, margin.top]);
  // svg
  const svg = createSvg(doc, o.width, height, o.labels.title, o.labels.description, rtl);
  const root = select(svg);
  // axes: one grid line per level, named at the start of the plot
  const levels = root.append('g').attr('class', 'levels');
  const edge = rtl ? o.width - 8 : 8;
  data.levels.forEach((name, k) => {
    const yy = round(y(k + 1));
    levels.append('line').attr('x1', span[0]).attr('x2', span[1]).attr('y1', yy).attr('y2', yy).attr('stroke', GRID);
    levels.append('text').attr('x', edge).attr('y', yy + 4).attr('text-anchor', 'start').attr('fill', INK).attr('font-size', 12)
      .text(narrow ? String(k + 1) : isolate(clip(name, Math.floor((side - 16) / 6.6))));
  });
  const years = (x.domain()[1].getTime() - x.domain()[0].getTime()) / 31_557_600_000;
  root.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - margin.bottom + 12})`)
    .call(axisBottom(x).ticks(narrow ? 4 : 8).tickFormat((v) => o.formatTick(v as Date, years)))
    .call((g) => g.selectAll('text').attr('fill', MUTED)).call((g) => g.select('.domain').attr('stroke', GRID));
  // marks
  const items: NavItem<StepDatum>[] = [];
  const targetItems: NavItem<StepDatum>[] = []; // after the scores, so the keyboard starts at the first score
  if (data.baseline) {
    const b = data.baseline;
    root.append('line').attr('class', 'baseline').attr('x1', round(x(b.date))).attr('x2', span[1]).attr('y1', round(y(b.level))).attr('y2', round(y(b.level)))
      .attr('stroke', MUTED).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
  }
  if (data.targets.length) {
    const path = [...(data.baseline ? [data.baseline] : []), ...[...data.targets].sort((a, b) => a.date.getTime() - b.date.getTime())];
    root.append('path').attr('class', 'target-path').attr('d', line<{ date: Date; level: number }>().x((p) => x(p.date)).y((p) => y(p.level))(path) ?? '')
      .attr('fill', 'none').attr('stroke', MUTED).attr('stroke-width', 1.5).attr('stroke-dasharray', '2 4');
    for (const t of data.targets) {
      root.append('path').attr('class', 'target').attr('d', symbolPath('OH-AGENDA', 110)).attr('transform', `translate(${round(x(t.date))},${round(y(t.level))})`)
        .attr('fill', '#ffffff').attr('stroke', INK).attr('stroke-width', 2);
      targetItems.push({ x: round(x(t.date)), y: round(y(t.level)), row: 1, datum: { kind: 'target' }, label: `${o.labels.target}\n${data.levels[t.level - 1] ?? t.level} (${o.formatDate(t.date)})` });
    }
  }
  const steps = line<{ date: Date; level: number } | null>().defined((p) => !!p).x((p) => round(x(p!.date))).y((p) => round(y(p!.level)));
  root.append('path').attr('class', 'steps').attr('d', steps(stepPoints(data.scores)) ?? '').attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 3)
    .attr('stroke-linejoin', 'round');
  const marks = root.append('g').attr('class', 'scores');
  marks.selectAll('circle').data([...data.scores].sort((a, b) => a.end.getTime() - b.end.getTime()), (d) => (d as { id: string }).id).join('circle')
    .attr('cx', (d) => round(x(d.end))).attr('cy', (d) => round(y(d.level))).attr('r', 5)
    .attr('fill', (d) => (d.draft ? '#ffffff' : INK)).attr('stroke', INK).attr('stroke-width', 2)
    .each((d) => items.push({ x: round(x(d.end)), y: round(y(d.level)), row: 0, datum: { kind: 'score', id: d.id }, label: d.label }));
  const legendHeight = legend(svg, o.labels.legend, [
    { label: o.labels.score, stroke: INK, dash: '' },
    ...(data.scores.some((s) => s.draft) ? [{ label: o.labels.draft, shape: 'OH-ACTION', colour: '#ffffff' }] : []),
    ...(data.baseline ? [{ label: o.labels.baseline, stroke: MUTED, dash: '6 4' }] : []),
    ...(data.targets.length ? [{ label: o.labels.target, shape: 'OH-AGENDA', colour: '#ffffff' }] : []),
  ], 8, height + 4, o.width - 16, rtl);
  // on a phone the axis says the numbers; a key under the legend says what they stand for
  const keyTop = height + 14 + legendHeight;
  const key = root.append('g').attr('class', 'level-key').attr('aria-hidden', 'true');
  if (narrow) {
    data.levels.forEach((name, k) => key.append('text').attr('x', edge).attr('y', keyTop + k * 18 + 4).attr('text-anchor', 'start').attr('fill', INK)
      .text(`${k + 1} ${isolate(clip(name, Math.floor((o.width - 32) / 6.6)))}`));
  }
  const total = keyTop + (narrow ? data.levels.length * 18 + 6 : 0);
  svg.setAttribute('viewBox', `0 0 ${o.width} ${total}`);
  svg.setAttribute('height', String(total));
  svg.querySelector('rect')?.setAttribute('height', String(total));
  navigable(svg, [...items, ...targetItems], o);
  return svg;
}
