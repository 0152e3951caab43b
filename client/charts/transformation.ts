// Transformation, in two parts on one period axis. Above, the share of systemic and of formal
// change among each period's classified outcomes, as two lines, with n written under every period:
// below the server's minimum a period has its count and "too few for a share", never a point, so
// one outcome never reads as "100 % systemic". Below, the Gender at Work quadrants as small
// multiples laid out as the framework draws them (individual/systemic rows × informal/formal
// columns; one column on a phone), each period's count a bar on one scale for all four; outcomes
// in no quadrant are a panel of their own.
import { line, max, scaleLinear, scalePoint, select } from 'd3';
import { BLUES, createSvg, GRID, INK, isolate, legend, MUTED, navigable, round, type ChartEnv, type NavItem } from './common';

export type Quadrant = { code: string; label: string; locus: 'individual' | 'systemic'; formality: 'informal' | 'formal' };
export type TransformationPeriod = {
  label: string; counts: Record<string, number>; outcomes: number; unclassified: number; n: number;
  systemic: number; formal: number; systemicShare: number | null; formalShare: number | null; tooFew: boolean;
};
/** `minForShare`: the fewest classified outcomes a share needs (the server's rule), named on a phone. */
export type TransformationData = { quadrants: Quadrant[]; periods: TransformationPeriod[]; minForShare?: number };
export type TransformationOptions = ChartEnv & {
  width?: number;
  labels: {
    title: string; description: string; shares: string; counts: string; systemicShare: string; formalShare: string;
    tooFew: string; none: string; unclassified: string; outcomes: string; n: (n: string) => string; tooFewNote: (min: string) => string;
    individual: string; systemic: string; informal: string; formal: string;
  };
  formatNumber: (n: number) => string; formatPercent: (share: number) => string;
};

const NARROW = 560;

/** Words in lines of at most `room` characters (a long title on a phone). */
function wrap(text: string, room: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    if (lines.length && `${lines[lines.length - 1]} ${word}`.length <= room) lines[lines.length - 1] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}
const SYSTEMIC = '#08519c';
const FORMAL = '#b35806';
const FORMAL_DASH = '6 3';

export function transformationChart(data: TransformationData, options: TransformationOptions): SVGSVGElement {
  const o = { width: 960, ...options };
  const doc = o.document ?? document;
  const rtl = !!o.rtl;
  const narrow = o.width < NARROW;
  const margin = { side: narrow ? 44 : 56, end: 16 };
  const plot: [number, number] = rtl ? [o.width - margin.side, margin.end] : [margin.side, o.width - margin.end];
  const labels = data.periods.map((p) => p.label);
  const x = scalePoint<string>().domain(labels).range(plot).padding(0.5);
  // part 1: the two shares
  const room = Math.floor((o.width - 16) / 6.8);
  const titleLines = wrap(o.labels.shares, room);
  const top = 22 + titleLines.length * 14; // the part's title above
  const shareHeight = narrow ? 130 : 150;
  const y = scaleLinear().domain([0, 1]).range([top + shareHeight, top]);
  const nRows = 2; // the period, then its n
  const axisBottom = top + shareHeight;
  const legendY = axisBottom + 22 + nRows * 16 - 12;
  const note = narrow && data.minForShare && data.periods.some((p) => p.tooFew); // no room for "too few" under each period
  // part 2: the panels
  const columns = narrow ? 1 : 2;
  const gap = 24;
  const panelWidth = (o.width - 16 - gap * (columns - 1)) / columns;
  const panelHeight = 118; // title, where it sits in the framework, bars
  const byPos = (locus: string, formality: string) => data.quadrants.find((q) => q.locus === locus && q.formality === formality);
  const ordered = [byPos('individual', 'informal'), byPos('individual', 'formal'), byPos('systemic', 'informal'), byPos('systemic', 'formal')].filter(Boolean) as Quadrant[];
  const where = (q: Quadrant) => `${q.locus === 'systemic' ? o.labels.systemic : o.labels.individual} · ${q.formality === 'formal' ? o.labels.formal : o.labels.informal}`;
  const panels: Array<{ key: string; label: string; where: string; count: (p: TransformationPeriod) => number }> = [
    ...ordered.map((q) => ({ key: q.code, label: q.label, where: where(q), count: (p: TransformationPeriod) => p.counts[q.code] ?? 0 })),
    ...(data.periods.some((p) => p.unclassified) ? [{ key: 'unclassified', label: o.labels.unclassified, where: '', count: (p: TransformationPeriod) => p.unclassified }] : []),
  ];
  const panelRows = Math.ceil(panels.length / columns);
  const svg = createSvg(doc, o.width, 600, o.labels.title, o.labels.description, rtl);
  const root = select(svg);
  const side = (px: number) => (rtl ? o.width - px : px);
  const items: NavItem[] = [];

  titleLines.forEach((l, i) => root.append('text').attr('x', side(8)).attr('y', 14 + i * 14).attr('font-weight', 600).attr('fill', INK).attr('text-anchor', 'start').text(l));
  for (const tick of [0, 0.5, 1]) {
    root.append('line').attr('x1', plot[0]).attr('x2', plot[1]).attr('y1', y(tick)).attr('y2', y(tick)).attr('stroke', GRID);
    root.append('text').attr('x', rtl ? plot[0] + 6 : plot[0] - 6).attr('y', y(tick) + 4).attr('text-anchor', 'end').attr('fill', MUTED).text(o.formatPercent(tick));
  }
  const every = narrow && labels.length > 6 ? Math.ceil(labels.length / 6) : 1; // period names that fit
  data.periods.forEach((p, i) => {
    const px = x(p.label)!;
    if (i % every === 0) root.append('text').attr('class', 'period').attr('x', px).attr('y', axisBottom + 18).attr('text-anchor', 'middle').attr('fill', INK).text(isolate(p.label));
    // n under each period: the share's base, or why there is no share
    const nText = !p.outcomes ? o.labels.none : p.tooFew ? `${o.labels.n(o.formatNumber(p.n))} · ${o.labels.tooFew}` : o.labels.n(o.formatNumber(p.n));
    if (i % every === 0) root.append('text').attr('class', `n${p.tooFew ? ' too-few' : ''}`).attr('x', px).attr('y', axisBottom + 34).attr('text-anchor', 'middle').attr('fill', MUTED)
      .attr('font-size', narrow || labels.length > 6 ? 10 : 12).text(narrow && p.tooFew ? o.labels.n(o.formatNumber(p.n)) : nText);
  });
  const series = [
    { key: 'systemic', label: o.labels.systemicShare, colour: SYSTEMIC, dash: null as string | null, value: (p: TransformationPeriod) => p.systemicShare, count: (p: TransformationPeriod) => p.systemic },
    { key: 'formal', label: o.labels.formalShare, colour: FORMAL, dash: FORMAL_DASH, value: (p: TransformationPeriod) => p.formalShare, count: (p: TransformationPeriod) => p.formal },
  ];
  series.forEach((s, row) => {
    const path = line<TransformationPeriod>().defined((p) => s.value(p) !== null).x((p) => x(p.label)!).y((p) => y(s.value(p)!));
    root.append('path').attr('class', `share-${s.key}`).attr('d', path(data.periods) ?? '').attr('fill', 'none').attr('stroke', s.colour).attr('stroke-width', 2.5).attr('stroke-dasharray', s.dash);
    for (const p of data.periods) {
      const v = s.value(p);
      const label = `${p.label} · ${s.label}\n${v === null ? (p.outcomes ? `${o.labels.n(o.formatNumber(p.n))} · ${o.labels.tooFew}` : o.labels.none) : `${o.formatPercent(v)} (${o.formatNumber(s.count(p))} / ${o.formatNumber(p.n)})`}`;
      if (v !== null) {
        const mark = root.append(row ? 'rect' : 'circle').attr('class', `point-${s.key}`).attr('fill', s.colour).attr('stroke', '#fff');
        if (row) mark.attr('x', round(x(p.label)! - 4.5)).attr('y', round(y(v) - 4.5)).attr('width', 9).attr('height', 9);
        else mark.attr('cx', round(x(p.label)!)).attr('cy', round(y(v))).attr('r', 5);
      }
      items.push({ x: round(x(p.label)!), y: round(v === null ? axisBottom : y(v)), row, datum: { kind: 'share', series: s.key, period: p.label }, label });
    }
  });
  const lh = legend(svg, '', series.map((s) => ({ label: s.label, stroke: s.colour, dash: s.dash ?? '' })), 8, legendY, o.width - 16, rtl);
  if (note) root.append('text').attr('class', 'too-few-note').attr('x', side(8)).attr('y', legendY + lh + 12).attr('text-anchor', 'start').attr('fill', MUTED).attr('font-size', 11)
    .text(o.labels.tooFewNote(o.formatNumber(data.minForShare!)));
  const panelsTop = legendY + lh + (note ? 16 : 0) + 44;

  // the panels, on one count scale
  const most = max(data.periods, (p) => max(panels, (pn) => pn.count(p))) ?? 0;
  root.append('text').attr('x', side(8)).attr('y', panelsTop - 22).attr('font-weight', 600).attr('fill', INK).attr('text-anchor', 'start').text(o.labels.counts);
  panels.forEach((pn, k) => {
    const col = k % columns;
    const row = Math.floor(k / columns);
    const left = 8 + col * (panelWidth + gap);
    const ptop = panelsTop + row * (panelHeight + 40);
    const g = root.append('g').attr('class', `panel panel-${pn.key}`);
    const fits = Math.floor(panelWidth / 6.6);
    g.append('text').attr('x', side(left)).attr('y', ptop + 12).attr('text-anchor', 'start').attr('fill', INK).attr('font-weight', 600)
      .text(isolate(pn.label.length > fits ? `${pn.label.slice(0, fits - 1)}…` : pn.label));
    if (pn.where) g.append('text').attr('x', side(left)).attr('y', ptop + 27).attr('text-anchor', 'start').attr('fill', MUTED).attr('font-size', 11).text(pn.where);
    const base = ptop + panelHeight;
    const h = scaleLinear().domain([0, Math.max(1, most)]).range([0, panelHeight - 40]);
    const px = scalePoint<string>().domain(labels).range(rtl ? [o.width - left, o.width - left - panelWidth] : [left, left + panelWidth]).padding(0.5);
    const bar = Math.max(4, Math.min(28, (panelWidth / Math.max(1, labels.length)) * 0.6));
    g.append('line').attr('x1', side(left)).attr('x2', side(left + panelWidth)).attr('y1', base).attr('y2', base).attr('stroke', MUTED);
    data.periods.forEach((p, i) => {
      const n = pn.count(p);
      const bx = px(p.label)!;
      g.append('rect').attr('x', round(bx - bar / 2)).attr('y', round(base - h(n))).attr('width', round(bar)).attr('height', round(h(n)))
        .attr('fill', pn.key === 'unclassified' ? '#d9d9d9' : BLUES[4]).attr('stroke', INK).attr('stroke-width', n ? 0.75 : 0);
      if (n && (labels.length <= 12 || i % every === 0)) g.append('text').attr('x', round(bx)).attr('y', round(base - h(n) - 4)).attr('text-anchor', 'middle').attr('fill', INK).attr('font-size', 11).text(o.formatNumber(n));
      if (i % Math.max(every, labels.length > 8 ? 2 : 1) === 0) g.append('text').attr('x', round(bx)).attr('y', base + 14).attr('text-anchor', 'middle').attr('fill', MUTED).attr('font-size', 10).text(isolate(p.label));
      items.push({ x: round(bx), y: round(base - h(n) / 2), row: 2 + k, datum: { kind: 'quadrant', code: pn.key, period: p.label },
        label: `${p.label} · ${pn.label}\n${o.formatNumber(n)} ${o.labels.outcomes}${p.n && pn.key !== 'unclassified' && !p.tooFew ? ` (${o.formatPercent(n / p.n)})` : ''}` });
    });
  });
  const height = panelsTop + panelRows * (panelHeight + 40) + 10;
  svg.setAttribute('viewBox', `0 0 ${o.width} ${height}`);
  svg.setAttribute('height', String(height));
  svg.querySelector('rect')?.setAttribute('height', String(height));
  navigable(svg, items, { ...o, width: o.width });
  return svg;
}
