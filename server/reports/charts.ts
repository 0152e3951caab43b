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
import { stateName } from './sections';

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
    if (!o.occurredOn) continue; // a draft (an admin's report) without its date yet has no year
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
  const n = d.names;
  const say = n.say;
  const quadrants: Quadrant[] = d.quadrants;
  const document = htmlDocument();
  // the dashboard's words for the same charts, in the reader's language and direction
  const env = { document, width: 900, rtl: n.lang === 'ar', locale: n.lang };
  const number = (x: number) => new Intl.NumberFormat(n.lang).format(x);
  const percent = (share: number) => new Intl.NumberFormat(n.lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  const rows = coverageRows(d);
  const coverage = rows.length ? coverageChart({ rows }, {
    ...env, formatNumber: number, formatPercent: percent, toneLabel: (tone) => (tone === 'pending' ? say('dash.notConcluded') : stateName(n, tone)),
    labels: { title: say('dash.coverage'), description: say('dash.coverageDesc'), outcomes: say('dash.outcomesUnit'), substantiatedShare: say('dash.substantiatedShare'), legend: say('dash.legendConclusion'),
      notConcluded: say('dash.notConcluded'), none: say('dash.noOutcomes'), thin: say('dash.thin'), stories: say('dash.stories'), fragments: say('dash.fragments'), indicators: say('dash.indicatorsUnit') },
  }).outerHTML : null;
  const t = transformation(d, quadrants);
  const quadrantsChart = t.periods.length && quadrants.length === 4 ? transformationChart(t, {
    ...env, formatNumber: number, formatPercent: percent,
    labels: { title: say('dash.transformation'), description: say('dash.transformationDesc'), shares: say('dash.sharesTitle'), counts: say('dash.countsTitle'),
      systemicShare: say('dash.systemicShare'), formalShare: say('dash.formalShare'), tooFew: say('dash.tooFew'), none: say('dash.noneThisYear'), unclassified: say('dash.unclassified'),
      outcomes: say('dash.outcomesUnit'), n: (x) => say('dash.nOf', { n: x }), tooFewNote: (min) => say('dash.tooFewNote', { min }),
      individual: say('dash.individual'), systemic: say('dash.systemic'), informal: say('dash.informal'), formal: say('dash.formal') },
  }).outerHTML : null;
  const indicators = d.indicators.length ? indicatorsChart(d.indicators.map((i) => ({ key: i.code, label: i.name, unit: i.levels ? say('rubric.level') : i.unit, direction: i.direction, baseline: i.baseline, target: i.target, actual: i.actual })), {
    ...env, formatNumber: number, formatDate: (iso) => iso.slice(0, 10),
    labels: { title: say('dash.indicators'), description: say('dash.indicatorsDesc'), baseline: say('dash.baseline'), target: say('dash.target'), actual: say('dash.actual'), noData: say('dash.noValues'),
      outcomes: say('dash.outcomesUnit'), higher: say('dash.higher'), lower: say('dash.lower'), series: say('dash.seriesValues') },
  }).outerHTML : null;
  return { coverage, transformation: quadrantsChart, indicators };
}
