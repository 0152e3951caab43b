// The views below the overview: transformation, goal coverage, where (map), pathways and
// indicators — each from its dashboard API.
import { h } from '../core/dom';
import { errorMessage } from '../core/errors';
import { formatDate, formatNumber, formatPercent, isRtl, lang, localName, t } from '../core/i18n';
import { categoryLabel, categoriesOf, loadGoals, QUADRANTS, type Goal } from '../core/reference';
import { periodOf } from '../core/outcome-model';
import { statusLabel, toneLabel } from '../components/badges';
import { toneOf } from '../charts/common';
import { transformationChart, type Quadrant, type TransformationPeriod } from '../charts/transformation';
import { COVERAGE_TONES, coverageChart, coverageOf, coverageRows } from '../charts/coverage';
import { pathwaysChart } from '../charts/pathways';
import { laneMembership, lanesOf, loadAggregate, type CoverageApi, type DashFilters, type PathwaysApi, type TransformationApi } from './data';
import type { Drawn, Frame } from './frame';

const env = (width: number, announce: (s: string) => void) => ({ width, rtl: isRtl(), locale: lang(), announce });

/** The chosen years per period, kept while the page lives (1 = every year apart). */
let pool = 1;

function poolControl(frame: Frame, redraw: () => void): void {
  if (frame.element.querySelector('.pool-control')) return;
  const id = 'transformation-pool';
  const select = h('select', { id, onchange: () => { pool = Number(select.value); redraw(); } },
    [1, 2, 3, 5].map((n) => h('option', { value: String(n), ...(n === pool && { selected: '' }) }, t('dash.poolYears', { count: n }))));
  frame.element.querySelector('.chart-body')?.before(h('p', { class: 'pool-control field-inline' }, h('label', { for: id }, t('dash.pool')), ' ', select));
}

export async function transformationSection(frame: Frame, f: DashFilters): Promise<void> {
  frame.loading();
  poolControl(frame, () => void transformationSection(frame, f).catch((e) => frame.error(errorMessage(e))));
  const [api, cats] = await Promise.all([loadAggregate<TransformationApi>('transformation', f, { pool }), categoriesOf(QUADRANTS)]);
  const quadrants: Quadrant[] = cats.map((c) => ({ code: c.code, label: categoryLabel(c), locus: c.locus as Quadrant['locus'], formality: c.formality as Quadrant['formality'] }));
  const periodLabel = (p: { year: string; to: string }) => (p.year === p.to ? p.year : `${p.year}–${p.to}`);
  const periods: TransformationPeriod[] = api.totals.map((p) => ({ ...p, label: periodLabel(p), counts: p.byQuadrant }));
  const labels = { title: t('dash.transformation'), description: t('dash.transformationDesc'), shares: t('dash.sharesTitle'), counts: t('dash.countsTitle'),
    systemicShare: t('dash.systemicShare'), formalShare: t('dash.formalShare'), tooFew: t('dash.tooFew'), none: t('dash.noneThisYear'), unclassified: t('dash.unclassified'),
    outcomes: t('dash.outcomesUnit'), n: (n: string) => t('dash.nOf', { n }), tooFewNote: (min: string) => t('dash.tooFewNote', { min }),
    individual: t('dash.individual'), systemic: t('dash.systemic'), informal: t('dash.informal'), formal: t('dash.formal') };
  frame.show(({ width, announce }): Drawn => {
    if (!periods.some((p) => p.outcomes)) return { empty: t('dash.emptyOutcomes') };
    const svg = transformationChart({ quadrants, periods, minForShare: api.minForShare }, { ...env(width, announce), labels, formatNumber, formatPercent });
    const share = (v: number | null, p: TransformationPeriod) => (v !== null ? formatPercent(v) : p.outcomes ? t('dash.tooFew') : '—');
    return { svg, table: { columns: [t('dash.col.period'), ...quadrants.map((q) => q.label), t('dash.unclassified'), t('dash.col.n'), t('dash.systemicShare'), t('dash.formalShare')],
      rows: periods.map((p) => [p.label, ...quadrants.map((q) => p.counts[q.code] ?? 0), p.unclassified, p.n, share(p.systemicShare, p), share(p.formalShare, p)]),
      numeric: [...quadrants.map((_, i) => i + 1), quadrants.length + 1, quadrants.length + 2] } };
  });
}

export async function coverageSection(frame: Frame, f: DashFilters): Promise<void> {
  frame.loading();
  const [api, tree] = await Promise.all([loadAggregate<CoverageApi>('coverage', f), loadGoals(f.framework)]);
  const names = new Map<string, Goal>();
  const walk = (gs: Goal[]) => gs.forEach((g) => { names.set(g.code, g); walk(g.children ?? []); });
  walk(tree);
  const rows = coverageRows(api.goals, (n) => (names.get(n.code) ? localName(names.get(n.code)!) : n.name));
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
  const nodes = api.nodes.map((n) => ({ id: n.id, title: n.title, status: n.status, conclusion: n.conclusion ?? null, changeType: n.changeType,
    date: periodOf(n.occurredOn)[0], lane: member(n)[0] ?? lanes[0]?.code ?? '' }));
  const links = api.links.map((l) => ({ source: l.sourceId, target: l.targetId, relation: l.relation }));
  const title = (id: string) => nodes.find((n) => n.id === id)?.title ?? id;
  frame.show(({ width, announce }): Drawn => {
    if (!links.length) return { empty: t('dash.emptyPathways') };
    const svg = pathwaysChart({ lanes: lanes.map((g) => ({ key: g.code, label: `${g.code} ${localName(g)}` })), nodes, links }, {
      ...env(width, announce), labels: { title: t('dash.pathways'), description: t('dash.pathwaysDesc'), conclusion: t('dash.legendConclusion'), link: t('dash.contributesTo'), counteracts: t('dash.counteracts') },
      statusLabel, toneLabel, changeTypeLabel: categoryLabel, formatDate: (d) => formatDate(d, 'year'),
    });
    const tone = (id: string) => { const n = nodes.find((x) => x.id === id); return n ? toneLabel(toneOf(n)) : ''; };
    return { svg, table: { columns: [t('dash.col.from'), t('dash.legendConclusion'), t('dash.col.relation'), t('dash.col.to'), t('dash.legendConclusion')],
      rows: links.map((l) => [title(l.source), tone(l.source), l.relation === 'counteracts' ? t('dash.counteracts') : t('dash.contributesTo'), title(l.target), tone(l.target)]) } };
  });
}
