// Goal coverage: the goal tree as indented rows, each bar as long as the outcomes tagged to the goal
// (or below it) and shaded by the share substantiated — so goals with thin evidence stand out.
import { max, scaleLinear, select } from 'd3';
import { BLUES, createSvg, GRID, INK, isolate, legend, MUTED, navigable, round, type ChartEnv, type NavItem } from './common';

export type CoverageRow = { code: string; label: string; depth: number; outcomes: number; substantiated: number; stories?: number; fragments?: number; indicators?: number };
export type CoverageData = { rows: CoverageRow[] };
export type CoverageOptions = ChartEnv & {
  width?: number; rowHeight?: number;
  labels: { title: string; description: string; outcomes: string; substantiatedShare: string; legend: string; none: string; thin: string; stories: string; fragments: string; indicators: string };
  formatNumber: (n: number) => string; formatPercent: (share: number) => string;
};

const DEFAULTS = { width: 960, rowHeight: 26 };
const LABEL = 340;

const shadeOf = (share: number) => Math.min(BLUES.length - 1, 1 + Math.floor(share * (BLUES.length - 1)));

export function coverageChart(data: CoverageData, options: CoverageOptions): SVGSVGElement {
  const o = { ...DEFAULTS, ...options };
  const doc = o.document ?? document;
  const rtl = !!o.rtl;
  const top = 28;
  const extra = 150;
  const height = top + data.rows.length * o.rowHeight + 90;
  const svg = createSvg(doc, o.width, height, o.labels.title, o.labels.description, rtl);
  const root = select(svg);
  const side = (px: number) => (rtl ? o.width - px : px);
  const span: [number, number] = [LABEL, o.width - extra];
  const x = scaleLinear().domain([0, Math.max(1, max(data.rows, (r) => r.outcomes) ?? 1)]).nice().range(span);
  const at = (v: number) => side(x(v));
  root.append('text').attr('x', side(8)).attr('y', 16).attr('fill', MUTED).attr('text-anchor', 'start').text(o.labels.outcomes);
  x.ticks(5).filter(Number.isInteger).forEach((tk) => {
    root.append('line').attr('x1', round(at(tk))).attr('x2', round(at(tk))).attr('y1', top - 4).attr('y2', top + data.rows.length * o.rowHeight).attr('stroke', GRID);
    if (tk) root.append('text').attr('x', round(at(tk))).attr('y', top - 8).attr('text-anchor', 'middle').attr('fill', MUTED).attr('font-size', 11).text(o.formatNumber(tk));
  });
  const items: NavItem[] = [];
  data.rows.forEach((r, i) => {
    const y = top + i * o.rowHeight;
    const g = root.append('g').attr('class', 'goal-row');
    const label = `${r.code} ${r.label}`;
    g.append('text').attr('x', side(8 + r.depth * 14)).attr('y', y + o.rowHeight / 2 + 4).attr('fill', INK).attr('text-anchor', 'start')
      .attr('font-weight', r.depth ? 400 : 600).text(isolate(label.length > 46 - r.depth * 2 ? `${label.slice(0, 44 - r.depth * 2)}…` : label));
    const share = r.outcomes ? r.substantiated / r.outcomes : 0;
    if (r.outcomes) {
      const a = at(0);
      const b = at(r.outcomes);
      g.append('rect').attr('x', round(Math.min(a, b))).attr('width', round(Math.abs(b - a))).attr('y', y + 4).attr('height', o.rowHeight - 8)
        .attr('fill', BLUES[shadeOf(share)]).attr('stroke', INK).attr('stroke-width', 0.75);
    }
    const after = r.outcomes ? `${o.formatNumber(r.outcomes)} · ${o.formatPercent(share)}${r.outcomes < 3 ? ` · ${o.labels.thin}` : ''}` : o.labels.none;
    g.append('text').attr('x', side(x(r.outcomes) + 6)).attr('y', y + o.rowHeight / 2 + 4).attr('fill', r.outcomes ? INK : MUTED).attr('text-anchor', 'start').text(after);
    const counts = [r.stories !== undefined ? `${o.labels.stories} ${o.formatNumber(r.stories)}` : '', r.fragments !== undefined ? `${o.labels.fragments} ${o.formatNumber(r.fragments)}` : '',
      r.indicators !== undefined ? `${o.labels.indicators} ${o.formatNumber(r.indicators)}` : ''].filter(Boolean).join(' · ');
    items.push({ x: round(at(Math.max(r.outcomes, 0)) || at(0)), y: y + o.rowHeight / 2, row: i, datum: { kind: 'goal', code: r.code },
      label: `${label}\n${o.formatNumber(r.outcomes)} ${o.labels.outcomes} · ${o.formatPercent(share)} ${o.labels.substantiatedShare}${counts ? `\n${counts}` : ''}` });
  });
  const pct = (a: number, b: number) => `${o.formatPercent(a)}–${o.formatPercent(b)}`;
  legend(svg, o.labels.legend, [{ label: pct(0, 0.2), colour: BLUES[1] }, { label: pct(0.2, 0.4), colour: BLUES[2] },
    { label: pct(0.4, 0.6), colour: BLUES[3] }, { label: pct(0.6, 0.8), colour: BLUES[4] }, { label: pct(0.8, 1), colour: BLUES[5] }],
  8, top + data.rows.length * o.rowHeight + 12, o.width - 16, rtl);
  navigable(svg, items, { ...o, width: o.width });
  return svg;
}
