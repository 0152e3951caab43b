// The report's charts: the dashboard's own chart factories (client/charts/), drawn on the server
// in a jsdom document and written out as inline SVG — goal coverage, the Gender at Work
// transformation by year (shares only over enough outcomes, as on the dashboard), and indicator
// progress. Presentation attributes only (no style
// attributes), so the page keeps its strict content security policy.
import { coverageChart, type CoverageRow } from '../../client/charts/coverage';
import { transformationChart, type Quadrant, type TransformationData } from '../../client/charts/transformation';
import { MIN_FOR_SHARE, shares } from '../dashboard/transformation';
import { indicatorsChart } from '../../client/charts/indicators';
import type { Goal, ReportData } from './data';
import { htmlDocument } from './dom';
import { STATUS } from './sections';

const number = (n: number) => new Intl.NumberFormat('en').format(n);
const percent = (share: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** The goal tree of the outcomes (each goal with its ancestors), depth first, counting each outcome once per goal. */
function coverageRows(d: ReportData): CoverageRow[] {
  const count = new Map<string, { outcomes: number; substantiated: number; partlySubstantiated: number; notSubstantiated: number }>();
  for (const o of d.outcomes) {
    const seen = new Set<string>();
    for (const tag of o.goals) for (let g: Goal | undefined = d.goals.get(tag.code); g; g = g.parent ? d.goals.get(g.parent) : undefined) seen.add(g.code);
    for (const code of seen) {
      const c = count.get(code) ?? { outcomes: 0, substantiated: 0, partlySubstantiated: 0, notSubstantiated: 0 };
      c.outcomes += 1;
      if (o.conclusion === 'substantiated') c.substantiated += 1;
      else if (o.conclusion === 'partly_substantiated') c.partlySubstantiated += 1;
      else if (o.conclusion === 'not_substantiated') c.notSubstantiated += 1;
      count.set(code, c);
    }
  }
  const children = (parent: string | null) => [...count.keys()].filter((c) => (d.goals.get(c)?.parent ?? null) === parent).sort((a, b) => d.goals.get(a)!.order - d.goals.get(b)!.order);
  const rows: CoverageRow[] = [];
  const walk = (code: string) => {
    const g = d.goals.get(code)!;
    rows.push({ code, label: g.name, depth: g.depth, ...count.get(code)! });
    for (const c of children(code)) walk(c);
  };
  for (const root of children(null)) walk(root);
  return rows;
}

/** The harvest's outcomes per year, counted and shared by the dashboard's rule (too few, no share). */
function transformation(d: ReportData, quadrants: Quadrant[]): TransformationData {
  const years = new Map<string, { byQuadrant: Record<string, number>; all: number }>();
  const codes = new Set(quadrants.map((q) => q.code));
  for (const o of d.outcomes) {
    const y = o.occurredOn.date.slice(0, 4);
    const year = years.get(y) ?? { byQuadrant: {}, all: 0 };
    year.all += 1;
    if (codes.has(o.quadrant)) year.byQuadrant[o.quadrant] = (year.byQuadrant[o.quadrant] ?? 0) + 1;
    years.set(y, year);
  }
  const periods = [...years].sort(([a], [b]) => a.localeCompare(b))
    .map(([label, y]) => ({ label, counts: y.byQuadrant, ...shares(y.byQuadrant, y.all, quadrants.map((q) => ({ ...q, name: q.label }))) }));
  return { quadrants, periods, minForShare: MIN_FOR_SHARE };
}

export type Charts = { coverage: string | null; transformation: string | null; indicators: string | null };

export function drawCharts(d: ReportData): Charts {
  const quadrants: Quadrant[] = d.quadrants;
  const document = htmlDocument();
  const env = { document, width: 900 };
  const rows = coverageRows(d);
  const coverage = rows.length ? coverageChart({ rows }, {
    ...env, formatNumber: number, formatPercent: percent, toneLabel: (tone) => STATUS[tone] ?? tone,
    labels: { title: 'Goal coverage', description: 'Outcomes of the harvest per goal by conclusion; the share substantiated counts partly as half, over the concluded outcomes', outcomes: 'Outcomes', substantiatedShare: 'substantiated', legend: 'Conclusion', notConcluded: 'Not yet concluded', none: 'No outcomes', thin: 'Thin evidence', stories: 'Stories', fragments: 'Fragments', indicators: 'Indicators' },
  }).outerHTML : null;
  const t = transformation(d, quadrants);
  const quadrantsChart = t.periods.length && quadrants.length === 4 ? transformationChart(t, {
    ...env, formatNumber: number, formatPercent: percent,
    labels: { title: 'Transformation', description: 'Shares of systemic and of formal change per year, and outcomes per Gender at Work quadrant per year', shares: 'Share of systemic and of formal change',
      counts: 'Outcomes per quadrant', systemicShare: 'Systemic change', formalShare: 'Formal change', tooFew: 'too few for a share', none: 'No outcomes', unclassified: 'Not classified', outcomes: 'outcomes',
      n: (x) => `n = ${x}`, tooFewNote: (min) => `Below n = ${min}: too few for a share`, individual: 'Individual', systemic: 'Systemic', informal: 'Informal', formal: 'Formal' },
  }).outerHTML : null;
  const indicators = d.indicators.length ? indicatorsChart(d.indicators.map((i) => ({ key: i.code, label: i.name, unit: i.unit, direction: i.direction, baseline: i.baseline, target: i.target, actual: i.actual })), {
    ...env, formatNumber: number, formatDate: (iso) => iso.slice(0, 10),
    labels: { title: 'Indicator progress', description: 'Baseline, target and latest actual per indicator', baseline: 'Baseline', target: 'Target', actual: 'Actual', noData: 'No value yet', outcomes: 'Outcomes', higher: 'Higher is better', lower: 'Lower is better', series: 'Series' },
  }).outerHTML : null;
  return { coverage, transformation: quadrantsChart, indicators };
}
