// Goal coverage: the goal tree as indented rows, each bar as long as the outcomes tagged to the goal
// (or below it) and divided by the conclusion they stand on — substantiated, partly, not, and
// (hatched) not yet concluded — so goals with thin or unproven evidence stand out. The share counts
// a partly substantiated outcome as half, over the concluded outcomes only: work still in review
// (a partner's drafts) never lowers it. On a phone the goal's name goes above its bar.
import { max, scaleLinear, select } from 'd3';
import { createSvg, GRID, INK, isolate, legend, MUTED, navigable, round, toneFills, type ChartEnv, type NavItem } from './common';

export type CoverageRow = {
  code: string; label: string; depth: number; outcomes: number; substantiated: number; partlySubstantiated?: number; notSubstantiated?: number;
  stories?: number; fragments?: number; indicators?: number;
};
/** A goal of the coverage answer (GET /api/dashboard/coverage), with its sub-goals. */
export type CoverageNode = Omit<CoverageRow, 'label' | 'depth'> & { name: string; children?: CoverageNode[] };

/** The goal tree as rows, depth first, each named by `label` (the reader's language). */
export function coverageRows(nodes: CoverageNode[], label: (n: CoverageNode) => string, depth = 0): CoverageRow[] {
  return nodes.flatMap((n) => [{ code: n.code, label: label(n), depth, outcomes: n.outcomes, substantiated: n.substantiated, partlySubstantiated: n.partlySubstantiated,
    notSubstantiated: n.notSubstantiated, stories: n.stories, fragments: n.fragments, indicators: n.indicators }, ...coverageRows(n.children ?? [], label, depth + 1)]);
}
export type CoverageData = { rows: CoverageRow[] };
export type CoverageOptions = ChartEnv & {
  width?: number; rowHeight?: number;
  labels: { title: string; description: string; outcomes: string; substantiatedShare: string; legend: string; none: string; thin: string; stories: string; fragments: string; indicators: string; notConcluded: string };
  /** the name of a conclusion (substantiated, partly_substantiated, not_substantiated) */
  toneLabel: (tone: string) => string;
  formatNumber: (n: number) => string; formatPercent: (share: number) => string;
};

const DEFAULTS = { width: 960, rowHeight: 26 };
const LABEL = 340;
const NARROW = 560;
const NAME = 16;
export const COVERAGE_TONES = ['substantiated', 'partly_substantiated', 'not_substantiated', 'pending'] as const;

/** The row's outcomes per tone, and its share: (substantiated + partly / 2) over the concluded; null when none is. */
export function coverageOf(r: CoverageRow): { counts: Record<(typeof COVERAGE_TONES)[number], number>; share: number | null } {
  const partly = r.partlySubstantiated ?? 0;
  const not = r.notSubstantiated ?? 0;
  const concluded = r.substantiated + partly + not;
  return {
    counts: { substantiated: r.substantiated, partly_substantiated: partly, not_substantiated: not, pending: Math.max(0, r.outcomes - concluded) },
    share: concluded ? (r.substantiated + partly / 2) / concluded : null,
  };
}

export function coverageChart(data: CoverageData, options: CoverageOptions): SVGSVGElement {
  const o = { ...DEFAULTS, ...options };
  const doc = o.document ?? document;
  const rtl = !!o.rtl;
  const narrow = o.width < NARROW;
  const rowHeight = narrow ? o.rowHeight + NAME : o.rowHeight;
  const top = 28;
  const extra = narrow ? 120 : 150;
  const height = top + data.rows.length * rowHeight + 90;
  const svg = createSvg(doc, o.width, height, o.labels.title, o.labels.description, rtl);
  const fillOf = toneFills(svg);
  const root = select(svg);
  const side = (px: number) => (rtl ? o.width - px : px);
  const span: [number, number] = [narrow ? 8 : LABEL, o.width - extra];
  const x = scaleLinear().domain([0, Math.max(1, max(data.rows, (r) => r.outcomes) ?? 1)]).nice().range(span);
  const at = (v: number) => side(x(v));
  root.append('text').attr('x', side(8)).attr('y', 16).attr('fill', MUTED).attr('text-anchor', 'start').text(o.labels.outcomes);
  x.ticks(narrow ? 3 : 5).filter(Number.isInteger).forEach((tk) => {
    root.append('line').attr('x1', round(at(tk))).attr('x2', round(at(tk))).attr('y1', top - 4).attr('y2', top + data.rows.length * rowHeight).attr('stroke', GRID);
    if (tk) root.append('text').attr('x', round(at(tk))).attr('y', top - 8).attr('text-anchor', 'middle').attr('fill', MUTED).attr('font-size', 11).text(o.formatNumber(tk));
  });
  const items: NavItem[] = [];
  const covered = data.rows.map(coverageOf);
  data.rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const barTop = narrow ? y + NAME : y;
    const g = root.append('g').attr('class', 'goal-row');
    const label = `${r.code} ${r.label}`;
    const room = narrow ? Math.floor((o.width - 16) / 6.6) : 46;
    const indent = r.depth * (narrow ? 10 : 14);
    g.append('text').attr('x', side(8 + indent)).attr('y', narrow ? y + 12 : y + o.rowHeight / 2 + 4).attr('fill', INK).attr('text-anchor', 'start')
      .attr('font-weight', r.depth ? 400 : 600).text(isolate(label.length > room - r.depth * 2 ? `${label.slice(0, room - 2 - r.depth * 2)}…` : label));
    const { counts, share } = covered[i];
    let from = 0;
    for (const tone of COVERAGE_TONES) {
      const n = counts[tone];
      if (!n) continue;
      const a = at(from);
      const b = at(from + n);
      g.append('rect').attr('class', `tone-${tone}`).attr('x', round(Math.min(a, b))).attr('width', round(Math.abs(b - a))).attr('y', barTop + 4).attr('height', o.rowHeight - 8)
        .attr('fill', fillOf(tone)).attr('stroke', INK).attr('stroke-width', 0.75);
      from += n;
    }
    const shareText = share === null ? o.labels.notConcluded : `${o.formatPercent(share)} ${o.labels.substantiatedShare}`;
    const after = r.outcomes ? `${o.formatNumber(r.outcomes)} · ${narrow || share === null ? shareText : o.formatPercent(share)}${r.outcomes < 3 && !narrow ? ` · ${o.labels.thin}` : ''}` : o.labels.none;
    g.append('text').attr('x', side(x(r.outcomes) + 6)).attr('y', barTop + o.rowHeight / 2 + 4).attr('fill', r.outcomes ? INK : MUTED).attr('text-anchor', 'start').text(after);
    const parts = COVERAGE_TONES.filter((tone) => counts[tone]).map((tone) => `${tone === 'pending' ? o.labels.notConcluded : o.toneLabel(tone)} ${o.formatNumber(counts[tone])}`).join(' · ');
    const evidence = [r.stories !== undefined ? `${o.labels.stories} ${o.formatNumber(r.stories)}` : '', r.fragments !== undefined ? `${o.labels.fragments} ${o.formatNumber(r.fragments)}` : '',
      r.indicators !== undefined ? `${o.labels.indicators} ${o.formatNumber(r.indicators)}` : ''].filter(Boolean).join(' · ');
    items.push({ x: round(at(Math.max(r.outcomes, 0)) || at(0)), y: barTop + o.rowHeight / 2, row: i, datum: { kind: 'goal', code: r.code },
      label: `${label}\n${o.formatNumber(r.outcomes)} ${o.labels.outcomes}${share === null ? '' : ` · ${o.formatPercent(share)} ${o.labels.substantiatedShare}`}${parts ? `\n${parts}` : ''}${evidence ? `\n${evidence}` : ''}` });
  });
  const present = COVERAGE_TONES.filter((tone) => covered.some((c) => c.counts[tone] > 0));
  legend(svg, o.labels.legend, present.map((tone) => ({ label: tone === 'pending' ? o.labels.notConcluded : o.toneLabel(tone), colour: fillOf(tone) })),
    8, top + data.rows.length * rowHeight + 12, o.width - 16, rtl);
  navigable(svg, items, { ...o, width: o.width });
  return svg;
}
