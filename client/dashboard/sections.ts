// The views below the overview: transformation, goal coverage, where (map), pathways and
// indicators — each from its dashboard API, or computed from the outcomes the reader may see.
import { formatDate, formatNumber, formatPercent, isRtl, lang, localName, t } from '../core/i18n';
import { categoryLabel, categoriesOf, loadGoals, QUADRANTS, type Goal } from '../core/reference';
import { periodOf, type Outcome } from '../core/outcome-model';
import { statusLabel, toneLabel } from '../components/badges';
import { toneOf } from '../charts/common';
import { transformationChart, type Quadrant } from '../charts/transformation';
import { COVERAGE_TONES, coverageChart, coverageOf, type CoverageRow } from '../charts/coverage';
import { pathwaysChart } from '../charts/pathways';
import { laneMembership, lanesOf, loadAggregate, type CoverageApi, type CoverageNode, type DashFilters, type PathwaysApi, type TransformationApi } from './data';
import type { Drawn, Frame } from './frame';

const env = (width: number, announce: (s: string) => void) => ({ width, rtl: isRtl(), locale: lang(), announce });

export async function transformationSection(frame: Frame, f: DashFilters, outcomes: Outcome[]): Promise<void> {
  frame.loading();
  const [api, cats] = await Promise.all([loadAggregate<TransformationApi>('transformation', f), categoriesOf(QUADRANTS)]);
  const quadrants: Quadrant[] = cats.map((c) => ({ code: c.code, label: categoryLabel(c), locus: c.locus as Quadrant['locus'], formality: c.formality as Quadrant['formality'] }));
  let years: Array<{ year: number; counts: Record<string, number> }>;
  if (api) years = api.totals.map((y) => ({ year: Number(y.year), counts: y.byQuadrant }));
  else {
    const by = new Map<number, Record<string, number>>();
    for (const o of outcomes) {
      const y = periodOf(o.occurredOn)[0].getUTCFullYear();
      const c = by.get(y) ?? by.set(y, {}).get(y)!;
      c[o.quadrant] = (c[o.quadrant] ?? 0) + 1;
    }
    years = [...by.entries()].sort((a, b) => a[0] - b[0]).map(([year, counts]) => ({ year, counts }));
  }
  const labels = { title: t('dash.transformation'), description: t('dash.transformationDesc'), individual: t('dash.individual'), systemic: t('dash.systemic'),
    informal: t('dash.informal'), formal: t('dash.formal'), share: t('dash.shareOfYear'), systemicShare: t('dash.systemicShare'), formalShare: t('dash.formalShare'), none: t('dash.noneThisYear') };
  frame.show(({ width, announce }): Drawn => {
    if (!years.some((y) => Object.values(y.counts).some(Boolean))) return { empty: t('dash.emptyOutcomes') };
    const svg = transformationChart({ quadrants, years }, { ...env(width, announce), labels, formatNumber, formatPercent });
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    const share = (c: Record<string, number>, pick: (q: Quadrant) => boolean) => (total(c) ? formatPercent(quadrants.filter(pick).reduce((a, q) => a + (c[q.code] ?? 0), 0) / total(c)) : '—');
    return { svg, table: { columns: [t('dash.col.year'), ...quadrants.map((q) => q.label), t('dash.systemicShare'), t('dash.formalShare')],
      rows: years.map((y) => [y.year, ...quadrants.map((q) => y.counts[q.code] ?? 0), share(y.counts, (q) => q.locus === 'systemic'), share(y.counts, (q) => q.formality === 'formal')]),
      numeric: quadrants.map((_, i) => i + 1) } };
  });
}

function flatten(nodes: CoverageNode[], names: Map<string, Goal>, depth = 0): CoverageRow[] {
  return nodes.flatMap((n) => [{ code: n.code, label: names.get(n.code) ? localName(names.get(n.code)!) : n.name, depth, outcomes: n.outcomes, substantiated: n.substantiated,
    partlySubstantiated: n.partlySubstantiated, notSubstantiated: n.notSubstantiated, stories: n.stories, fragments: n.fragments, indicators: n.indicators }, ...flatten(n.children ?? [], names, depth + 1)]);
}

export async function coverageSection(frame: Frame, f: DashFilters, outcomes: Outcome[]): Promise<void> {
  frame.loading();
  const [api, tree] = await Promise.all([loadAggregate<CoverageApi>('coverage', f), loadGoals(f.framework)]);
  const names = new Map<string, Goal>();
  const walk = (gs: Goal[]) => gs.forEach((g) => { names.set(g.code, g); walk(g.children ?? []); });
  walk(tree);
  let rows: CoverageRow[];
  if (api) rows = flatten(api.goals, names);
  else {
    // without the API, the same counts from the outcomes' conclusions
    const count = (g: Goal, depth: number): CoverageRow[] => {
      const member = laneMembership([g]);
      const mine = outcomes.filter((o) => member(o).length);
      const n = (c: string) => mine.filter((o) => o.conclusion === c).length;
      return [{ code: g.code, label: localName(g), depth, outcomes: mine.length, substantiated: n('substantiated'), partlySubstantiated: n('partly_substantiated'), notSubstantiated: n('not_substantiated') },
        ...(g.children ?? []).flatMap((c) => count(c, depth + 1))];
    };
    rows = tree.flatMap((g) => count(g, 0));
  }
  const labels = { title: t('dash.coverage'), description: t('dash.coverageDesc'), outcomes: t('dash.outcomesUnit'), substantiatedShare: t('dash.substantiatedShare'), legend: t('dash.legendConclusion'), notConcluded: t('dash.notConcluded'),
    none: t('dash.noOutcomes'), thin: t('dash.thin'), stories: t('dash.stories'), fragments: t('dash.fragments'), indicators: t('dash.indicatorsUnit') };
  frame.show(({ width, announce }): Drawn => {
    if (!rows.length) return { empty: t('dash.emptyGoals') };
    const svg = coverageChart({ rows }, { ...env(width, announce), labels, toneLabel: statusLabel, formatNumber, formatPercent });
    return { svg, table: { columns: [t('dash.col.goal'), t('dash.col.outcomes'), ...COVERAGE_TONES.map((tone) => (tone === 'pending' ? t('dash.notConcluded') : statusLabel(tone))), t('dash.substantiatedShare'), t('dash.stories'), t('dash.fragments'), t('dash.indicatorsUnit')],
      rows: rows.map((r) => {
        const { counts, share } = coverageOf(r);
        return [`${'— '.repeat(r.depth)}${r.code} ${r.label}`, r.outcomes, ...COVERAGE_TONES.map((tone) => counts[tone]), share === null ? '—' : formatPercent(share), r.stories ?? '—', r.fragments ?? '—', r.indicators ?? '—'];
      }),
      numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9] } };
  });
}

export async function pathwaysSection(frame: Frame, f: DashFilters): Promise<void> {
  frame.loading();
  const [api, lanes] = await Promise.all([loadAggregate<PathwaysApi>('pathways', f), lanesOf(f)]);
  const member = laneMembership(lanes);
  const nodes = (api?.nodes ?? []).map((n) => ({ id: n.id, title: n.title, status: n.status, conclusion: n.conclusion ?? null, changeType: n.changeType,
    date: periodOf(n.occurredOn)[0], lane: member(n)[0] ?? lanes[0]?.code ?? '' }));
  const links = (api?.links ?? []).map((l) => ({ source: l.sourceId, target: l.targetId, relation: l.relation }));
  const title = (id: string) => nodes.find((n) => n.id === id)?.title ?? id;
  frame.show(({ width, announce }): Drawn => {
    if (!links.length) return { empty: api ? t('dash.emptyPathways') : t('dash.unavailable') };
    const svg = pathwaysChart({ lanes: lanes.map((g) => ({ key: g.code, label: `${g.code} ${localName(g)}` })), nodes, links }, {
      ...env(width, announce), labels: { title: t('dash.pathways'), description: t('dash.pathwaysDesc'), conclusion: t('dash.legendConclusion'), link: t('dash.contributesTo'), counteracts: t('dash.counteracts') },
      statusLabel, toneLabel, changeTypeLabel: categoryLabel, formatDate: (d) => formatDate(d, 'year'),
    });
    const tone = (id: string) => { const n = nodes.find((x) => x.id === id); return n ? toneLabel(toneOf(n)) : ''; };
    return { svg, table: { columns: [t('dash.col.from'), t('dash.legendConclusion'), t('dash.col.relation'), t('dash.col.to'), t('dash.legendConclusion')],
      rows: links.map((l) => [title(l.source), tone(l.source), l.relation === 'counteracts' ? t('dash.counteracts') : t('dash.contributesTo'), title(l.target), tone(l.target)]) } };
  });
}
