// The story of a goal: what a donor would put in a briefing, on one page that prints well — how
// strong the evidence is (outcomes by conclusion, stories, fragments and indicators, per sub-goal),
// the outcomes year by year, the stories of change the panels selected with their reasons, the
// goal's indicators as lines, and the countries. Every part comes from the API the reader already
// has, so it shows exactly what they may see; a part the server does not offer is left out.
import { drawForWidth, h, replace } from '../../core/dom';
import { api, listAll, qs } from '../../core/api';
import { countryName, formatDate, formatNumber, formatPercent, isRtl, lang, localName, t } from '../../core/i18n';
import { markdownBlock } from '../../core/markdown';
import { goalInfo, goalLabel, loadAllGoals, loadFrameworks } from '../../core/reference';
import { isDated, whenOf, type Outcome } from '../../core/outcome-model';
import type { Indicator, Progress } from '../../core/indicator-model';
import { statusLabel, toneLabel } from '../../components/badges';
import { toneOf } from '../../charts/common';
import { COVERAGE_TONES, coverageChart, coverageOf, coverageRows, type CoverageNode } from '../../charts/coverage';
import { setTitle } from '../../core/page';
import { indicatorChartSection } from '../indicators/chart';
import { rubricChartSection } from '../indicators/rubric';
import type { MessageKey } from '../../i18n/en';

type Round = { id: string; level: string; domain: string; heldOn: string; reasons: string; selectedStoryId: string | null; selectedWithdrawn: boolean; panel: Array<{ role: string; count: number }> };
type StoryItem = { id: string; title: string; language: string; organisation: { name: string }; location?: { country: string } };
type MapAnswer = { countries: Array<{ country: string; outcomes: number; stories?: number; fragments?: number }> };
type ListedIndicator = { id: string; code: string; name: string; names?: Record<string, string>; kind?: string; programme?: { id: string; name: string } | null };

/** The most outcomes listed under the years; the rest are one link away, in the list. */
const MAX_OUTCOMES = 200;
/** The most indicators drawn; the others are listed. */
const MAX_CHARTS = 6;

function section(id: string, title: string, ...body: Array<Node | string | null>): HTMLElement {
  return h('section', { class: 'detail-section goal-part', 'aria-labelledby': id }, h('h2', { id }, title), ...body);
}

function strength(node: CoverageNode | undefined): HTMLElement {
  if (!node || !node.outcomes) return section('goal-strength', t('goal.strength'), h('p', { class: 'muted' }, t('goal.noOutcomes')));
  const rows = coverageRows([node], (n) => { const g = goalInfo(n.code)?.goal; return g ? localName(g) : n.name; });
  const { counts, share } = coverageOf(rows[0]);
  const words = COVERAGE_TONES.filter((tone) => counts[tone]).map((tone) => `${tone === 'pending' ? t('dash.notConcluded') : statusLabel(tone)}: ${formatNumber(counts[tone])}`).join(' · ');
  const holder = h('div', { class: 'chart-scroll' });
  drawForWidth(holder, () => replace(holder, coverageChart({ rows }, {
    width: Math.max(300, Math.min(960, holder.clientWidth || 720)), rtl: isRtl(), locale: lang(), toneLabel: statusLabel, formatNumber, formatPercent,
    labels: { title: t('goal.strength'), description: t('dash.coverageDesc'), outcomes: t('dash.outcomesUnit'), substantiatedShare: t('dash.substantiatedShare'), legend: t('dash.legendConclusion'),
      notConcluded: t('dash.notConcluded'), none: t('dash.noOutcomes'), thin: t('dash.thin'), stories: t('dash.stories'), fragments: t('dash.fragments'), indicators: t('dash.indicatorsUnit') },
  })));
  return section('goal-strength', t('goal.strength'),
    h('p', {}, t('goal.strengthText', { outcomes: formatNumber(node.outcomes), share: share === null ? t('dash.notConcluded') : formatPercent(share) })),
    h('p', { class: 'meta' }, words),
    h('p', { class: 'meta' }, [`${t('dash.stories')}: ${formatNumber(node.stories ?? 0)}`, `${t('dash.fragments')}: ${formatNumber(node.fragments ?? 0)}`, `${t('dash.indicatorsUnit')}: ${formatNumber(node.indicators ?? 0)}`].join(' · ')),
    holder);
}

function overTime(code: string, outcomes: { items: Outcome[]; total: number }): HTMLElement {
  if (!outcomes.items.length) return section('goal-time', t('goal.overTime'), h('p', { class: 'muted' }, t('goal.noOutcomes')));
  const years = new Map<string, Outcome[]>();
  for (const o of outcomes.items.filter(isDated)) years.set(o.occurredOn.date.slice(0, 4), [...(years.get(o.occurredOn.date.slice(0, 4)) ?? []), o]);
  return section('goal-time', t('goal.overTime'),
    ...[...years].map(([year, list]) => h('div', { class: 'goal-year' },
      h('h3', {}, `${year} · ${t('goal.outcomesCount', { count: list.length })}`),
      h('ul', { class: 'goal-outcomes' }, list.map((o) => h('li', {},
        h('a', { href: `/outcomes/${o.id}`, dir: 'auto', lang: o.language }, o.title),
        h('span', { class: 'meta' }, ` · ${whenOf(o)} · ${countryName(o.location.country)} · ${o.organisation.name} · `),
        h('span', { class: `badge tone-${toneOf(o)}` }, toneLabel(toneOf(o)))))))),
    outcomes.total > outcomes.items.length ? h('p', {}, h('a', { href: `/library${qs({ goal: code })}` }, t('goal.allOutcomes', { count: outcomes.total }))) : null);
}

function selected(rounds: Round[], stories: StoryItem[]): HTMLElement | null {
  const byId = new Map(stories.map((s) => [s.id, s]));
  // a story chosen at several levels is told once, with each panel's reasons, from the first choice up
  const chosen = new Map<string, Round[]>();
  for (const r of [...rounds].sort((a, b) => a.heldOn.localeCompare(b.heldOn))) {
    if (r.selectedStoryId && !r.selectedWithdrawn && byId.has(r.selectedStoryId)) chosen.set(r.selectedStoryId, [...(chosen.get(r.selectedStoryId) ?? []), r]);
  }
  if (!chosen.size && !stories.length) return null;
  const level = (r: Round) => t(`selection.level.${r.level}` as MessageKey).toLocaleLowerCase(lang());
  return section('goal-stories', t('goal.stories'),
    chosen.size ? h('ul', { class: 'goal-selections' }, [...chosen].map(([id, path]) => {
      const s = byId.get(id)!;
      return h('li', {},
        h('h3', {}, h('a', { href: `/stories/${s.id}`, dir: 'auto', lang: s.language }, s.title)),
        h('p', { class: 'meta' }, s.organisation.name),
        ...path.map((r) => h('div', { class: 'panel-reasons' },
          h('p', { class: 'meta' }, t('goal.chosenBy', { level: level(r), date: formatDate(r.heldOn) })), markdownBlock(r.reasons))));
    })) : h('p', { class: 'muted' }, t('goal.noneSelected', { count: stories.length })));
}

/** The programmes' own indicators drawn, the reader's first; global reference series listed as context. */
async function indicators(list: ListedIndicator[]): Promise<HTMLElement | null> {
  if (!list.length) return null;
  const own = list.filter((i) => i.programme);
  const context = list.filter((i) => !i.programme);
  const drawn = await Promise.all(own.slice(0, MAX_CHARTS).map(async (li) => {
    const [i, p] = await Promise.all([api<Indicator>(`/api/indicators/${li.id}`), api<Progress>(`/api/indicators/${li.id}/progress`)]);
    const chart = i.kind === 'rubric' ? rubricChartSection(i, p, { embedded: true }) : await indicatorChartSection(i, p, { embedded: true }).catch(() => null);
    return h('div', { class: 'goal-indicator' }, h('h3', {}, h('a', { href: `/indicators/${i.id}`, dir: 'auto' }, localName(i))),
      i.programme ? h('p', { class: 'meta' }, i.programme.name) : null, chart ?? h('p', { class: 'muted' }, t('goal.noValues')));
  }));
  const rest = own.slice(MAX_CHARTS);
  const links = (items: ListedIndicator[]) => h('ul', {}, items.map((i) => h('li', {}, h('a', { href: `/indicators/${i.id}`, dir: 'auto' }, localName(i)))));
  return section('goal-indicators', t('goal.indicators'), own.length ? null : h('p', { class: 'muted' }, t('goal.noProgrammeIndicators')), ...drawn, rest.length ? links(rest) : null,
    context.length ? h('div', { class: 'goal-context' }, h('h3', {}, t('goal.context')), h('p', { class: 'hint' }, t('goal.contextHint')), links(context)) : null);
}

function countries(map: MapAnswer | null): HTMLElement | null {
  const rows = (map?.countries ?? []).filter((c) => c.outcomes || c.stories || c.fragments).sort((a, b) => b.outcomes - a.outcomes || countryName(a.country).localeCompare(countryName(b.country), lang()));
  if (!rows.length) return null;
  return section('goal-where', t('goal.where'), h('div', { class: 'table-scroll', role: 'region', 'aria-label': t('goal.whereTable'), tabindex: '0' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dash.col.country')), h('th', { scope: 'col' }, t('dash.col.outcomes')), h('th', { scope: 'col' }, t('dash.stories')), h('th', { scope: 'col' }, t('dash.fragments')))),
    h('tbody', {}, rows.map((c) => h('tr', {}, h('th', { scope: 'row' }, countryName(c.country)), h('td', { class: 'num' }, formatNumber(c.outcomes)),
      h('td', { class: 'num' }, formatNumber(c.stories ?? 0)), h('td', { class: 'num' }, formatNumber(c.fragments ?? 0))))))));
}

export async function goalStoryView(code: string): Promise<HTMLElement> {
  await loadAllGoals();
  const info = goalInfo(code);
  const page = h('article', { class: 'page goal-story' });
  if (!info) {
    setTitle(t('goal.unknownTitle'));
    return replace(page, h('h1', {}, t('goal.unknownTitle')), h('p', {}, t('goal.unknown', { code }))), page;
  }
  const name = goalLabel(code);
  setTitle(name);
  const scope = { framework: info.framework, goal: code };
  const [frameworks, coverage, map, outcomes, stories, rounds, inds] = await Promise.all([
    loadFrameworks(),
    api<{ goals: CoverageNode[] }>(`/api/dashboard/coverage${qs(scope)}`),
    api<MapAnswer>(`/api/dashboard/map${qs(scope)}`),
    listAll<Outcome>('/api/outcomes', { goal: code, sort: 'occurredOn' }, MAX_OUTCOMES).catch(() => ({ items: [] as Outcome[], total: 0 })),
    listAll<StoryItem>('/api/stories', { goal: code }, 500).then((r) => r.items, () => [] as StoryItem[]),
    listAll<Round>('/api/selection-rounds', {}, 1000).then((r) => r.items, () => [] as Round[]),
    listAll<ListedIndicator>('/api/indicators', { goal: code }, 100).then((r) => r.items, () => [] as ListedIndicator[]),
  ]);
  const framework = frameworks.find((f) => f.id === info.framework);
  const parent = info.parent ? goalInfo(info.parent) : undefined;
  const find = (nodes: CoverageNode[]): CoverageNode | undefined => nodes.map((n) => (n.code === code ? n : find(n.children ?? []))).find(Boolean);
  const node = find(coverage?.goals ?? []);
  replace(page,
    h('header', { class: 'record-head' },
      h('p', { class: 'meta' }, framework ? localName(framework) : info.framework, parent ? [' · ', h('a', { href: `/goals/${encodeURIComponent(parent.goal.code)}` }, goalLabel(parent.goal.code))] : null),
      h('h1', {}, name),
      info.goal.description ? markdownBlock(info.goal.description) : null,
      h('p', { class: 'goal-actions' },
        h('a', { class: 'button secondary', href: `/dashboard${qs(scope)}` }, t('goal.onDashboard')), ' ',
        h('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, t('goal.print')))),
    (info.goal.children ?? []).length ? h('nav', { class: 'goal-children', 'aria-label': t('goal.subgoals') }, h('ul', {},
      info.goal.children.map((c) => h('li', {}, h('a', { href: `/goals/${encodeURIComponent(c.code)}` }, goalLabel(c.code)))))) : null,
    strength(node),
    overTime(code, outcomes),
    selected(rounds, stories),
    await indicators(inds),
    countries(map),
    h('p', { class: 'meta goal-printed' }, t('goal.printed', { date: formatDate(new Date().toISOString().slice(0, 10)) })));
  return page;
}
