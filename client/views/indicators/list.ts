// The indicator list: every indicator the user may see — the global reference series and their
// programmes' own — filtered by goal, programme and code (filters live in the URL), with unit,
// direction, baseline, the latest actual and the target that applies now (a rubric's by level name).
import { h, replace } from '../../core/dom';
import { api, qs, type List } from '../../core/api';
import { formatDate, formatNumber, localName, localUnit, t } from '../../core/i18n';
import { me } from '../../core/session';
import { setQuery, type RouteContext } from '../../core/router';
import { loadFrameworks, loadGoals } from '../../core/reference';
import { directionLabel, isRubric, mayCreate, targetFor, withUnit, type ListedIndicator } from '../../core/indicator-model';
import { levelName } from '../../core/rubric-model';
import { goalOptions } from '../../components/outcome-filters';
import { pager } from '../../components/pager';
import { announce, setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';

const PAGE_SIZE = 20;
const FILTERS = ['goal', 'programme', 'code', 'sort'] as const;
type Programme = { id: string; name: string };

async function goalSelect(value: string | null): Promise<HTMLElement> {
  const frameworks = await loadFrameworks();
  const trees = await Promise.all(frameworks.map((f) => loadGoals(f.id)));
  return h('div', { class: 'field' }, h('label', { for: 'ind-goal' }, t('filters.goal')),
    h('select', { id: 'ind-goal', name: 'goal' }, h('option', { value: '' }, t('filters.any')),
      frameworks.map((f, i) => h('optgroup', { label: localName(f) },
        goalOptions(trees[i]).map((o) => h('option', { value: o.value, selected: o.value === value }, o.label))))));
}

async function filterForm(query: URLSearchParams, apply: () => void): Promise<HTMLFormElement> {
  const programmes = (await api<List<Programme>>('/api/programmes?pageSize=200'))?.items ?? [];
  const select = (name: string, label: string, options: Array<{ value: string; label: string }>, empty = true) => h('div', { class: 'field' },
    h('label', { for: `ind-${name}` }, label), h('select', { id: `ind-${name}`, name }, empty ? h('option', { value: '' }, t('filters.any')) : null,
      options.map((o) => h('option', { value: o.value, selected: query.get(name) === o.value }, o.label))));
  const form = h('form', { role: 'search', class: 'filters', 'aria-label': t('ind.filters') },
    h('div', { class: 'field' }, h('label', { for: 'ind-code' }, t('ind.code')),
      h('p', { class: 'hint', id: 'ind-code-hint' }, t('ind.codeHint')),
      h('input', { id: 'ind-code', name: 'code', type: 'search', dir: 'ltr', value: query.get('code') ?? '', autocomplete: 'off', 'aria-describedby': 'ind-code-hint' })),
    await goalSelect(query.get('goal')),
    select('programme', t('ind.programme'), [{ value: 'global', label: t('ind.global') }, ...programmes.map((p) => ({ value: p.id, label: p.name }))]),
    select('sort', t('ind.sort'), [{ value: 'code', label: t('ind.sort.code') }, { value: 'name', label: t('ind.sort.name') }, { value: '-updatedAt', label: t('ind.sort.updated') }], false),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit' }, t('filters.apply')), h('button', { type: 'reset', class: 'secondary' }, t('filters.clear'))));
  const write = () => {
    const data = new FormData(form);
    setQuery({ ...Object.fromEntries(FILTERS.map((k) => [k, String(data.get(k) ?? '').trim() || null])), page: null }, { push: true });
    apply();
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); write(); });
  form.addEventListener('change', (e) => { if ((e.target as HTMLElement).tagName === 'SELECT') write(); });
  form.addEventListener('reset', () => setTimeout(() => {
    form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select').forEach((c) => { c.value = c.name === 'sort' ? 'code' : ''; });
    write();
  }));
  return form;
}

/** The latest actual: the overall series (reported, or the sum of a complete breakdown), else the range of the breakdowns' latest values. */
function latestText(i: ListedIndicator): string {
  if (i.latest && isRubric(i)) return `${levelName(i.levels ?? [], i.latest.value)} (${formatDate(i.latest.periodEnd, 'month')})`;
  if (i.latest) return `${withUnit(i.latest.value, localUnit(i))} (${formatDate(i.latest.periodEnd, 'month')}${i.latest.computed ? ` · ${t('ind.computedSum')}` : ''})`;
  if (!i.seriesRange) return t('ind.noValues');
  return t('ind.latestRange', { min: formatNumber(i.seriesRange.min), max: formatNumber(i.seriesRange.max), count: i.seriesRange.count });
}

function row(i: ListedIndicator): HTMLElement {
  const target = targetFor(i.targets);
  const figure = (n: number) => (isRubric(i) ? levelName(i.levels ?? [], n) : formatNumber(n));
  return h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `/indicators/${i.id}` }, h('span', { class: 'ind-code', dir: 'ltr' }, i.code), ' ', h('span', { dir: 'auto' }, localName(i)))),
    h('td', { dir: 'auto' }, isRubric(i) ? t('rubric.kindText', { count: i.levels?.length ?? 0 }) : i.unit),
    h('td', {}, directionLabel(i.direction)),
    h('td', { class: 'num' }, i.baseline ? `${figure(i.baseline.value)} (${formatDate(i.baseline.date, 'year')})` : '—'),
    h('td', { class: 'num' }, latestText(i)),
    h('td', { class: 'num' }, target ? `${figure(target.value)} (${formatDate(target.date, 'year')})` : '—'),
    h('td', {}, i.programme?.name ?? t('ind.global')));
}

async function results(query: URLSearchParams, region: HTMLElement): Promise<void> {
  region.setAttribute('aria-busy', 'true');
  try {
    const params = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? undefined]));
    const list = await api<List<ListedIndicator>>(`/api/indicators${qs({ ...params, page: query.get('page') ?? undefined, pageSize: PAGE_SIZE })}`);
    const summary = t('ind.count', { count: list.total });
    announce(summary);
    const rows = list.items.map(row);
    const cols = [t('ind.col.indicator'), t('ind.unit'), t('ind.direction'), t('ind.baseline'), t('ind.latest'), t('ind.target'), t('ind.programme')];
    replace(region, h('p', { class: 'result-count', id: 'ind-count' }, summary),
      list.items.length
        ? h('div', { class: 'table-wrap', role: 'region', tabindex: 0, 'aria-labelledby': 'ind-count' }, h('table', { class: 'data-table indicator-table' },
          h('caption', { class: 'visually-hidden' }, t('ind.title')),
          h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows)))
        : h('div', { class: 'empty-state' }, h('p', {}, t('ind.empty'))),
      pager(list, (page) => {
        setQuery({ page: String(page) }, { push: true });
        void results(new URLSearchParams(location.search), region);
      }));
  } catch (e) {
    replace(region, h('p', { role: 'alert', class: 'alert' }, errorMessage(e)));
  } finally {
    region.removeAttribute('aria-busy');
  }
}

export async function indicatorListView(ctx: RouteContext): Promise<HTMLElement> {
  const title = t('ind.title');
  setTitle(title);
  const region = h('section', { class: 'results', 'aria-label': t('list.results') });
  const filters = await filterForm(ctx.query, () => void results(new URLSearchParams(location.search), region));
  void results(ctx.query, region);
  return h('div', { class: 'page indicator-list' },
    h('div', { class: 'page-head' }, h('h1', {}, title), mayCreate(me()) ? h('a', { href: '/indicators/new', class: 'button primary' }, t('ind.new')) : null),
    h('p', { class: 'lead' }, t('ind.intro')), filters, region);
}
