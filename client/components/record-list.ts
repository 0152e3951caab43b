// The list screen of stories and of fragments: search, status and country filters in the URL, and a
// card per record. (Outcomes have their own, richer list.)
import { h, replace } from '../core/dom';
import { api, qs, type List } from '../core/api';
import { countryOptions, t } from '../core/i18n';
import { setQuery, type RouteContext } from '../core/router';
import { pager } from './pager';
import { exportLinks } from './export-links';
import { statusLabel } from './badges';
import { announce, setTitle } from '../core/page';
import { errorMessage } from '../core/errors';
import type { MessageKey } from '../i18n/en';

export type ListConfig<T> = { endpoint: string; title: string; intro: string; newHref?: string; newLabel?: string; card: (item: T) => HTMLElement; count: MessageKey; sort: string };

export async function recordListView<T>(ctx: RouteContext, config: ListConfig<T>): Promise<HTMLElement> {
  setTitle(config.title);
  const region = h('section', { class: 'results', 'aria-label': t('list.results') });
  const select = (name: string, label: string, options: Array<{ value: string; label: string }>) => h('div', { class: 'field' },
    h('label', { for: `rl-${name}` }, label), h('select', { id: `rl-${name}`, name }, h('option', { value: '' }, t('filters.any')),
      options.map((o) => h('option', { value: o.value, selected: ctx.query.get(name) === o.value }, o.label))));
  const form = h('form', { role: 'search', class: 'filters', 'aria-label': t('filters.label') },
    h('div', { class: 'field search-field' }, h('label', { for: 'rl-q' }, t('filters.search')), h('input', { id: 'rl-q', name: 'q', type: 'search', value: ctx.query.get('q') ?? '' })),
    select('status', t('filters.status'), ['draft', 'submitted', 'published'].map((s) => ({ value: s, label: statusLabel(s) }))),
    select('country', t('filters.country'), countryOptions().map((c) => ({ value: c.code, label: c.name }))),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit' }, t('filters.apply'))));
  const run = async (page = 1) => {
    const data = new FormData(form);
    const params: Record<string, string | undefined> = {};
    for (const k of ['q', 'status', 'country']) params[k] = (data.get(k) as string) || undefined;
    setQuery({ ...params, page: page > 1 ? String(page) : null });
    region.setAttribute('aria-busy', 'true');
    try {
      const list = await api<List<T>>(`${config.endpoint}${qs({ ...params, sort: params.q ? 'relevance' : config.sort, page, pageSize: 25 })}`);
      const summary = t(config.count, { count: list.total });
      announce(summary);
      const kind = config.endpoint === '/api/stories' ? 'stories' : config.endpoint === '/api/fragments' ? 'fragments' : null;
      replace(region, h('p', { class: 'result-count' }, summary), kind ? exportLinks(kind, { ...params, sort: params.q ? 'relevance' : config.sort }) : null,
        list.items.length ? h('ul', { class: 'cards' }, list.items.map(config.card)) : h('div', { class: 'empty-state' }, h('p', {}, t('records.empty'))),
        pager(list, (p) => void run(p)));
    } catch (e) {
      replace(region, h('p', { role: 'alert' }, errorMessage(e)));
    } finally {
      region.removeAttribute('aria-busy');
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); void run(); });
  form.addEventListener('change', (e) => { if ((e.target as HTMLElement).tagName === 'SELECT') void run(); });
  void run(Number(ctx.query.get('page') ?? 1));
  return h('div', { class: 'page' },
    h('div', { class: 'page-head' }, h('h1', {}, config.title), config.newHref ? h('a', { href: config.newHref, class: 'button primary' }, config.newLabel ?? '') : null),
    h('p', { class: 'lead' }, config.intro), form, region);
}
