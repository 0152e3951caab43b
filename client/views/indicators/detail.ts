// One indicator: what it measures (description, unit, direction, goals, breakdowns, source),
// baseline and targets, its progress — the latest actual against baseline and target, with the
// outcomes of the same goals that may explain the number — its values over time as a chart, and
// its values. Those who may change it also get the value-entry grid and the edit and retire
// actions. A rubric shows its scale instead of a unit, its scores as a step line with their
// table (indicator-rubric.ts), and a form to score a period instead of the grid.
import { h, replace } from '../../core/dom';
import { api, del } from '../../core/api';
import { formatDate, formatNumber, formatPercent, localName, localUnit, t } from '../../core/i18n';
import { markdownBlock } from '../../core/markdown';
import { goalLabel, loadAllGoals } from '../../core/reference';
import { me } from '../../core/session';
import { navigate } from '../../core/router';
import {
  breakdownLabel, breakdownName, directionLabel, iatiMeasureLabel, isRubric, mayManage, periodLabel, withUnit, type Dated, type Indicator, type Progress,
} from '../../core/indicator-model';
import { statusBadge } from '../../components/badges';
import { openDialog, dialogError } from '../../components/dialog';
import { valuesSection } from './values';
import { entryGrid } from './grid';
import { announce, setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';
import { indicatorChartSection } from './chart';
import { levelName } from '../../core/rubric-model';
import { rubricChartSection, rubricHeadline, scaleList } from './rubric';
import { scoreForm } from './rubric-score-form';

/** A baseline or target as written: with its unit, or a rubric's level by name. */
const dated = (i: Indicator, d: Dated) => [isRubric(i) ? levelName(i.levels ?? [], d.value) : withUnit(d.value, localUnit(i)), ` (${formatDate(d.date)})`,
  d.note ? h('span', { class: 'muted', dir: 'auto' }, ` — ${d.note}`) : ''];

function facts(i: Indicator): HTMLElement {
  const row = (label: string, ...value: Array<Node | string>) => [h('dt', {}, label), h('dd', {}, ...value)];
  const rubric = isRubric(i);
  return h('dl', { class: 'facts' },
    row(t('ind.code'), h('span', { dir: 'ltr' }, i.code)),
    rubric ? row(t('rubric.kind'), t('rubric.kindText', { count: i.levels?.length ?? 0 })) : [
      row(t('ind.unit'), h('span', { dir: 'auto' }, localUnit(i))),
      row(t('ind.direction'), directionLabel(i.direction))],
    row(t('detail.goals'), i.goals.length ? h('ul', { class: 'goal-list' }, i.goals.map((g) => h('li', {}, goalLabel(g)))) : t('ind.none')),
    rubric ? [] : row(t('ind.breakdowns'), i.disaggregations.length ? i.disaggregations.map(breakdownName).join(', ') : t('ind.none')),
    i.disaggregations.length ? row(t('ind.aggregation'), t(`ind.aggregation.${i.aggregation}`)) : [],
    row(t('ind.baseline'), ...(i.baseline ? dated(i, i.baseline) : [t('ind.none')]) as Array<Node | string>),
    row(t('ind.targets'), i.targets.length ? h('ul', { class: 'goal-list' }, i.targets.map((x) => h('li', {}, ...dated(i, x)))) : t('ind.none')),
    row(t('ind.programme'), i.programme?.name ?? t('ind.global')),
    i.organisation ? row(t('ind.organisation'), i.organisation.name) : [],
    i.iatiMeasure ? row(t('ind.iatiMeasure'), iatiMeasureLabel(i.iatiMeasure)) : [],
    i.source || i.sourceUrl ? row(t('ind.source'), i.source ? markdownBlock(i.source) : '',
      i.sourceUrl && /^https?:/i.test(i.sourceUrl) ? h('a', { href: i.sourceUrl, rel: 'noopener noreferrer nofollow', target: '_blank', dir: 'ltr' }, i.sourceUrl) : '') : []);
}

/** The share as a filled bar; set through the CSSOM, which the content security policy allows (a style attribute it refuses). */
function bar(share: number): HTMLElement {
  const fill = h('span', {});
  fill.style.inlineSize = `${Math.round(share * 100)}%`;
  return fill;
}

/** The headline in words (never only a bar): latest, baseline, target, share of the way, achieved. */
function headline(i: Indicator, p: Progress): HTMLElement {
  const row = (label: string, value: Node | string) => [h('dt', {}, label), h('dd', {}, value)];
  const share = p.progress === null ? null : Math.max(0, Math.min(1, p.progress));
  return h('div', { class: 'ind-progress' },
    h('dl', { class: 'facts' },
      row(t('ind.latest'), p.latest ? h('span', {}, withUnit(p.latest.value, localUnit(i)), ` (${periodLabel(p.latest.periodStart, p.latest.periodEnd)}${p.latest.computed ? ` · ${t('ind.computedSum')}` : ''}) `,
        p.latest.status === 'draft' ? statusBadge('draft') : '')
        : h('span', { class: 'muted' }, p.series.length ? t('ind.onlyBreakdowns') : t('ind.noValues'))),
      row(t('ind.baseline'), p.baseline ? `${withUnit(p.baseline.value, localUnit(i))} (${formatDate(p.baseline.date)})` : t('ind.none')),
      row(t('ind.targetNow'), p.target ? `${withUnit(p.target.value, localUnit(i))} (${formatDate(p.target.date)})` : t('ind.none')),
      p.progress !== null ? row(t('ind.progress'), t('ind.progressText', { share: formatPercent(p.progress) })) : [],
      p.achieved !== null ? row(t('ind.achieved'), p.achieved ? t('ind.achievedYes') : t('ind.achievedNo')) : [],
      p.totalCheck?.differs ? row(t('ind.totalCheck'), h('span', { class: 'warning' }, t('ind.totalDiffers', { sum: formatNumber(p.totalCheck.breakdownSum) }))) : []),
    share !== null ? h('div', { class: 'ind-bar', 'aria-hidden': 'true' }, bar(share)) : null);
}

function seriesTable(i: Indicator, p: Progress): HTMLElement | null {
  if (p.series.length < 2 && (p.series.length === 0 || !Object.keys(p.series[0].disaggregation).length)) return null;
  // the baseline and the targets are for the whole, so a breakdown shows its figure, not a share of the way
  const cols = [t('ind.breakdown'), t('ind.latest'), t('ind.period')];
  return h('div', { class: 'table-wrap', role: 'region', tabindex: 0, 'aria-labelledby': 'ind-series-caption' }, h('table', { class: 'data-table' },
    h('caption', { id: 'ind-series-caption' }, t('ind.seriesCaption')),
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, p.series.map((s) => h('tr', {},
      h('th', { scope: 'row' }, breakdownLabel(s.disaggregation)),
      h('td', { class: 'num' }, formatNumber(s.latest.value), s.latest.status === 'draft' ? [' ', statusBadge('draft')] : ''),
      h('td', {}, periodLabel(s.latest.periodStart, s.latest.periodEnd)))))));
}

function explaining(p: Progress): HTMLElement {
  const o = p.outcomes;
  return h('div', {},
    h('p', { class: 'meta' }, p.period.from && p.period.to ? t('ind.outcomesIntro', { count: o.total, from: formatDate(p.period.from), to: formatDate(p.period.to) })
      : p.period.from ? t('ind.outcomesSince', { count: o.total, from: formatDate(p.period.from) }) : t('ind.outcomesCount', { count: o.total })),
    o.items.length ? h('ul', { class: 'ind-outcomes' }, o.items.map((x) => h('li', {},
      h('a', { href: `/outcomes/${x.id}`, dir: 'auto' }, x.title), h('span', { class: 'meta' }, ` · ${formatDate(x.occurredOn.date, x.occurredOn.precision)} · ${x.organisation.name}`)))) : null,
    o.total > o.items.length ? h('p', { class: 'meta' }, t('ind.outcomesMore', { shown: o.items.length, count: o.total })) : null);
}

/** Progress and the outcomes that may explain it come from one request; each has its own section. */
async function progressSection(i: Indicator, slot: HTMLElement, outcomesSlot: HTMLElement, chartSlot: HTMLElement): Promise<void> {
  try {
    const p = await api<Progress>(`/api/indicators/${i.id}/progress`);
    const rubric = isRubric(i);
    replace(slot, p ? (rubric ? rubricHeadline(i, p) : [headline(i, p), seriesTable(i, p)]) : h('p', { class: 'muted' }, t('ind.noValues')));
    replace(outcomesSlot, p ? explaining(p) : null);
    replace(chartSlot, rubric ? rubricChartSection(i, p) : await indicatorChartSection(i, p));
  } catch (e) {
    replace(slot, h('p', { class: 'alert', role: 'alert' }, errorMessage(e)));
    replace(outcomesSlot);
  }
}

function retire(i: Indicator): void {
  openDialog(t('ind.retireTitle'), h('p', {}, t('ind.retireHint')), t('ind.retire'), async (form) => {
    try {
      await del(`/api/indicators/${i.id}`);
      announce(t('ind.retired'));
      navigate('/indicators');
      return true;
    } catch (e) {
      dialogError(form, errorMessage(e));
      return false;
    }
  });
}

export async function indicatorDetailView(id: string): Promise<HTMLElement> {
  const [i] = await Promise.all([api<Indicator>(`/api/indicators/${encodeURIComponent(id)}`), loadAllGoals()]);
  setTitle(`${i.code} — ${localName(i)}`);
  const user = me();
  const writer = mayManage(user, i);
  const progressSlot = h('div', {}, h('p', { class: 'loading' }, t('common.loading')));
  const outcomesSlot = h('div', {});
  const chartSlot = h('div', {});
  const refreshProgress = () => progressSection(i, progressSlot, outcomesSlot, chartSlot);
  // a rubric's readers have its scores in the table under its chart; the values table is for those who validate and correct them
  const values = isRubric(i) && !writer ? null : await valuesSection(i, user, () => void refreshProgress());
  void refreshProgress();
  const saved = () => { void values?.reload(); void refreshProgress(); };
  const grid = writer && user ? (isRubric(i) ? scoreForm(i, user, saved) : entryGrid(i, user, saved)) : null;
  return h('article', { class: 'page indicator-detail' },
    h('header', { class: 'record-head' },
      h('p', { class: 'meta' }, h('a', { href: '/indicators' }, t('ind.back'))),
      h('h1', { dir: 'auto' }, localName(i)),
      h('p', { class: 'meta' }, h('span', { class: 'badge', dir: 'ltr' }, i.code), ' ', i.programme?.name ?? t('ind.global'), i.organisation ? ` · ${i.organisation.name}` : '')),
    writer ? h('div', { class: 'actions', role: 'group', 'aria-label': t('ind.actions') },
      h('a', { href: `/indicators/${i.id}/edit`, class: 'button secondary' }, t('ind.edit')),
      h('button', { type: 'button', class: 'secondary', onclick: () => retire(i) }, t('ind.retire'))) : null,
    i.description ? markdownBlock(i.description) : null,
    isRubric(i) ? h('section', { class: 'detail-section', 'aria-labelledby': 'rubric-scale-title' }, h('h2', { id: 'rubric-scale-title' }, t('rubric.scale')),
      h('p', { class: 'hint' }, t('rubric.scaleHint')), scaleList(i)) : null,
    h('section', { class: 'detail-section', 'aria-labelledby': 'ind-progress-title' }, h('h2', { id: 'ind-progress-title' }, t('ind.progressTitle')), progressSlot),
    chartSlot, grid, values?.element,
    h('section', { class: 'detail-section', 'aria-labelledby': 'ind-outcomes-title' }, h('h2', { id: 'ind-outcomes-title' }, t('ind.outcomesTitle')), outcomesSlot),
    h('section', { class: 'detail-section', 'aria-labelledby': 'ind-facts-title' }, h('h2', { id: 'ind-facts-title' }, t('ind.facts')), facts(i),
      i.notes ? [h('h3', {}, t('ind.notes')), markdownBlock(i.notes)] : null));
}
