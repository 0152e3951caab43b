// Transformation: the Gender at Work quadrants year by year — individual/systemic (rows) ×
// informal/formal (columns) — each cell shaded by its share of that year's outcomes, with the
// systemic and formal shares written under each year, so a shift towards systemic change shows.
import { select } from 'd3';
import { BLUES, createSvg, INK, legend, MUTED, navigable, type ChartEnv, type NavItem } from './common';

export type Quadrant = { code: string; label: string; locus: 'individual' | 'systemic'; formality: 'informal' | 'formal' };
export type TransformationData = { quadrants: Quadrant[]; years: Array<{ year: number; counts: Record<string, number> }> };
export type TransformationOptions = ChartEnv & {
  width?: number; cell?: number;
  labels: { title: string; description: string; individual: string; systemic: string; informal: string; formal: string; share: string; systemicShare: string; formalShare: string; none: string };
  formatNumber: (n: number) => string; formatPercent: (share: number) => string;
};

const DEFAULTS = { width: 960, cell: 58 };

export function transformationChart(data: TransformationData, options: TransformationOptions): SVGSVGElement {
  const o = { ...DEFAULTS, ...options };
  const doc = o.document ?? document;
  const rtl = !!o.rtl;
  const gap = 26;
  const block = o.cell * 2 + gap;
  const perRow = Math.max(1, Math.floor((o.width - 120) / block));
  const rows = Math.ceil(Math.max(1, data.years.length) / perRow);
  const top = 40;
  const height = top + rows * (o.cell * 2 + 78) + 70;
  const svg = createSvg(doc, o.width, height, o.labels.title, o.labels.description, rtl);
  const root = select(svg);
  const side = (px: number) => (rtl ? o.width - px : px);
  const byPos = (locus: string, formality: string) => data.quadrants.find((q) => q.locus === locus && q.formality === formality);
  // row labels once, at the start side
  root.append('text').attr('x', side(8)).attr('y', top + o.cell / 2 + 4).attr('fill', INK).attr('text-anchor', 'start').text(o.labels.individual);
  root.append('text').attr('x', side(8)).attr('y', top + o.cell * 1.5 + 4).attr('fill', INK).attr('text-anchor', 'start').text(o.labels.systemic);
  const items: NavItem[] = [];
  data.years.forEach((yr, k) => {
    const total = Object.values(yr.counts).reduce((a, b) => a + b, 0);
    const col = k % perRow;
    const row = Math.floor(k / perRow);
    const x0 = 110 + col * block;
    const y0 = top + row * (o.cell * 2 + 78);
    const g = root.append('g').attr('class', 'year');
    g.append('text').attr('x', side(x0 + o.cell)).attr('y', y0 - 8).attr('text-anchor', 'middle').attr('font-weight', 600).attr('fill', INK).text(String(yr.year));
    (['individual', 'systemic'] as const).forEach((locus, r) => (['informal', 'formal'] as const).forEach((formality, c) => {
      const q = byPos(locus, formality);
      const n = q ? yr.counts[q.code] ?? 0 : 0;
      const share = total ? n / total : 0;
      const shade = n ? Math.min(BLUES.length - 1, 1 + Math.floor(share * (BLUES.length - 1))) : 0;
      const cx = rtl ? o.width - (x0 + (c + 1) * o.cell) : x0 + c * o.cell;
      const cy = y0 + r * o.cell;
      g.append('rect').attr('x', cx).attr('y', cy).attr('width', o.cell - 2).attr('height', o.cell - 2).attr('fill', BLUES[shade]).attr('stroke', INK).attr('stroke-width', 0.75);
      g.append('text').attr('x', cx + (o.cell - 2) / 2).attr('y', cy + o.cell / 2 + 4).attr('text-anchor', 'middle').attr('font-weight', 600)
        .attr('fill', shade >= 4 ? '#ffffff' : INK).text(o.formatNumber(n));
      if (q) items.push({ x: cx + o.cell / 2, y: cy + o.cell / 2, row: r * 2 + c, datum: { kind: 'quadrant', code: q.code, year: yr.year },
        label: `${yr.year} · ${q.label}\n${o.formatNumber(n)} (${o.formatPercent(share)} ${o.labels.share})` });
    }));
    const systemic = total ? data.quadrants.filter((q) => q.locus === 'systemic').reduce((a, q) => a + (yr.counts[q.code] ?? 0), 0) / total : 0;
    const formal = total ? data.quadrants.filter((q) => q.formality === 'formal').reduce((a, q) => a + (yr.counts[q.code] ?? 0), 0) / total : 0;
    g.append('text').attr('x', side(x0 + o.cell)).attr('y', y0 + o.cell * 2 + 16).attr('text-anchor', 'middle').attr('fill', MUTED)
      .text(total ? `${o.labels.systemicShare} ${o.formatPercent(systemic)}` : o.labels.none);
    if (total) g.append('text').attr('x', side(x0 + o.cell)).attr('y', y0 + o.cell * 2 + 32).attr('text-anchor', 'middle').attr('fill', MUTED).text(`${o.labels.formalShare} ${o.formatPercent(formal)}`);
  });
  // column labels under the first block
  const firstX = 110;
  root.append('text').attr('x', side(firstX + o.cell / 2)).attr('y', top - 24).attr('text-anchor', 'middle').attr('fill', MUTED).text(o.labels.informal);
  root.append('text').attr('x', side(firstX + o.cell * 1.5)).attr('y', top - 24).attr('text-anchor', 'middle').attr('fill', MUTED).text(o.labels.formal);
  const legendY = top + rows * (o.cell * 2 + 78) - 10;
  const pct = (a: number, b: number) => `${o.formatPercent(a)}–${o.formatPercent(b)}`;
  legend(svg, o.labels.share, [{ label: o.formatNumber(0), colour: BLUES[0] }, { label: pct(0, 0.2), colour: BLUES[1] }, { label: pct(0.2, 0.4), colour: BLUES[2] },
    { label: pct(0.4, 0.6), colour: BLUES[3] }, { label: pct(0.6, 0.8), colour: BLUES[4] }, { label: pct(0.8, 1), colour: BLUES[5] }], 8, legendY, o.width - 16, rtl);
  navigable(svg, items, { ...o, width: o.width });
  return svg;
}
