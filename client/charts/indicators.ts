// Indicators: one bullet row per indicator — the latest actual as a bar, the baseline as a line,
// the target as a diamond — each on its own scale (units differ), with the figures written out.
import { scaleLinear, select } from 'd3';
import { BLUES, createSvg, INK, isolate, legend, MUTED, navigable, round, symbolPath, type ChartEnv, type NavItem } from './common';

export type Dated = { value: number; date: string };
export type IndicatorRow = {
  key: string; label: string; unit: string; direction: 'increase' | 'decrease'; baseline?: Dated | null; target?: Dated | null; actual?: Dated | null; outcomes?: number;
  /** Latest values of the disaggregated series (e.g. one per country) when there is no overall one. */
  spread?: number[];
};
export type IndicatorOptions = ChartEnv & {
  width?: number; rowHeight?: number;
  labels: { title: string; description: string; baseline: string; target: string; actual: string; noData: string; outcomes: string; higher: string; lower: string; series: string };
  formatNumber: (n: number) => string; formatDate: (iso: string) => string;
};

const DEFAULTS = { width: 960, rowHeight: 56 };

export function indicatorsChart(rows: IndicatorRow[], options: IndicatorOptions): SVGSVGElement {
  const o = { ...DEFAULTS, ...options };
  const doc = o.document ?? document;
  const rtl = !!o.rtl;
  const top = 10;
  const height = top + rows.length * o.rowHeight + 70;
  const svg = createSvg(doc, o.width, height, o.labels.title, o.labels.description, rtl);
  const root = select(svg);
  const span: [number, number] = rtl ? [o.width - 16, 380] : [16, o.width - 380];
  const textX = rtl ? 360 : o.width - 360;
  const items: NavItem[] = [];
  rows.forEach((r, i) => {
    const y = top + i * o.rowHeight;
    const values = [r.baseline?.value, r.target?.value, r.actual?.value, ...(r.spread ?? [])].filter((v): v is number => typeof v === 'number');
    const g = root.append('g').attr('class', 'indicator-row');
    const title = `${r.label} (${r.unit}) ${r.direction === 'increase' ? '↑' : '↓'}`;
    g.append('text').attr('x', span[0]).attr('y', y + 14).attr('fill', INK).attr('font-weight', 600).attr('text-anchor', 'start').text(isolate(title.length > 100 ? `${title.slice(0, 99)}…` : title));
    if (!values.length) {
      g.append('text').attr('x', span[0]).attr('y', y + 36).attr('fill', MUTED).attr('text-anchor', 'start').text(o.labels.noData);
      return;
    }
    const lo = Math.min(0, ...values);
    const hi = Math.max(...values) || 1;
    const x = scaleLinear().domain([lo, hi * 1.1]).nice().range(span);
    g.append('rect').attr('x', Math.min(...span)).attr('width', Math.abs(span[1] - span[0])).attr('y', y + 24).attr('height', 16).attr('fill', BLUES[0]).attr('stroke', '#9a9a9a');
    if (r.actual) {
      const a = x(lo);
      const b = x(r.actual.value);
      g.append('rect').attr('x', round(Math.min(a, b))).attr('width', round(Math.abs(b - a))).attr('y', y + 27).attr('height', 10).attr('fill', BLUES[4]);
    }
    (r.spread ?? []).forEach((v) => g.append('circle').attr('cx', round(x(v))).attr('cy', y + 32).attr('r', 3).attr('fill', INK).attr('fill-opacity', 0.55));
    if (r.baseline) g.append('line').attr('x1', round(x(r.baseline.value))).attr('x2', round(x(r.baseline.value))).attr('y1', y + 20).attr('y2', y + 44).attr('stroke', INK).attr('stroke-width', 2.5);
    if (r.target) g.append('path').attr('d', symbolPath('OH-AGENDA', 90)).attr('transform', `translate(${round(x(r.target.value))},${y + 32})`).attr('fill', '#ffffff').attr('stroke', INK).attr('stroke-width', 1.5);
    const parts = [r.baseline && `${o.labels.baseline} ${o.formatNumber(r.baseline.value)}`, r.target && `${o.labels.target} ${o.formatNumber(r.target.value)}`,
      r.actual && `${o.labels.actual} ${o.formatNumber(r.actual.value)} (${o.formatDate(r.actual.date)})`,
      !r.actual && r.spread?.length && `${o.formatNumber(r.spread.length)} ${o.labels.series}: ${o.formatNumber(Math.min(...r.spread))}–${o.formatNumber(Math.max(...r.spread))}`].filter(Boolean) as string[];
    g.append('text').attr('x', textX).attr('y', y + 36).attr('fill', INK).attr('text-anchor', 'start').text(parts.join(' · ').slice(0, 60));
    items.push({ x: round(x(r.actual?.value ?? r.baseline?.value ?? r.target?.value ?? values[0])), y: y + 32, row: i, datum: { kind: 'indicator', key: r.key },
      label: `${r.label}\n${parts.join(' · ')}${r.outcomes !== undefined ? `\n${o.formatNumber(r.outcomes)} ${o.labels.outcomes}` : ''}` });
  });
  legend(svg, `↑ ${o.labels.higher} · ↓ ${o.labels.lower}`, [{ label: o.labels.actual, colour: BLUES[4] }, { label: o.labels.baseline, stroke: INK, dash: '' }, { label: o.labels.target, shape: 'OH-AGENDA', colour: '#ffffff' },
    { label: o.labels.series, shape: 'OH-ACTION', colour: '#8c8c8c' }], 8, top + rows.length * o.rowHeight + 4, o.width - 16, rtl);
  navigable(svg, items, { ...o, width: o.width });
  return svg;
}
