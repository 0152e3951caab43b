// Search across outcomes, stories and fragments at once, with the kind as a facet; what each
// reader finds is what they may see.
import { h, replace } from '../core/dom';
import { api, qs } from '../core/api';
import { countryName, formatDate, t } from '../core/i18n';
import { setQuery, type RouteContext } from '../core/router';
import { statusBadge } from '../components/badges';
import { pager } from '../components/pager';
import { announce, setTitle } from '../core/page';
import { errorMessage } from '../core/errors';
import type { MessageKey } from '../i18n/en';

type Result = { kind: 'outcome' | 'story' | 'fragment'; id: string; title: string; snippet: string; status: string; language: string; country: string | null; date: string | null; organisation?: { name: string } };
type Results = { items: Result[]; total: number; page: number; pageSize: number; facets?: { kind?: Record<string, number> } };

const KINDS = ['outcome', 'story', 'fragment'] as const;
export const hrefOf = (r: { kind: string; id: string }) => `/${r.kind === 'outcome' ? 'outcomes' : r.kind === 'story' ? 'stories' : 'fragments'}/${r.id}`;

export async function searchView(ctx: RouteContext): Promise<HTMLElement> {
  setTitle(t('search.title'));
  const region = h('section', { class: 'results', 'aria-label': t('list.results') });
  const input = h('input', { id: 'search-q', type: 'search', name: 'q', value: ctx.query.get('q') ?? '', autocomplete: 'off' });
  const chosen = new Set((ctx.query.get('kind') ?? '').split(',').filter(Boolean));
  const boxes = KINDS.map((k) => h('div', { class: 'choice' }, h('input', { type: 'checkbox', id: `kind-${k}`, value: k, checked: chosen.has(k) }), h('label', { for: `kind-${k}` }, t(`search.kind.${k}` as MessageKey))));
  const form = h('form', { role: 'search', class: 'filters', 'aria-label': t('search.title') },
    h('div', { class: 'field search-field' }, h('label', { for: 'search-q' }, t('search.label')), input),
    h('fieldset', { class: 'field inline-choices' }, h('legend', {}, t('search.kinds')), h('div', { class: 'choices' }, boxes)),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit' }, t('search.submit'))));
  const run = async (page = 1) => {
    const kinds = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((b) => b.value).join(',');
    setQuery({ q: input.value.trim() || null, kind: kinds || null, page: page > 1 ? String(page) : null });
    if (!input.value.trim()) return replace(region, h('p', { class: 'muted' }, t('search.prompt')));
    region.setAttribute('aria-busy', 'true');
    try {
      const res = await api<Results>(`/api/search${qs({ q: input.value.trim(), kind: kinds, page, pageSize: 20 })}`);
      const summary = t('search.count', { count: res.total });
      announce(summary);
      const facets = res.facets?.kind ? h('p', { class: 'meta' }, KINDS.map((k) => `${t(`search.kind.${k}` as MessageKey)}: ${res.facets!.kind![k] ?? 0}`).join(' · ')) : null;
      replace(region, h('p', { class: 'result-count' }, summary), facets,
        h('ul', { class: 'cards' }, res.items.map((r) => h('li', { class: 'card' },
          h('h2', {}, h('a', { href: hrefOf(r), lang: r.language, dir: 'auto' }, r.title)),
          h('p', { class: 'meta' }, h('span', { class: 'badge' }, t(`search.kind.${r.kind}` as MessageKey)), ' ', statusBadge(r.status),
            r.date ? ` · ${formatDate(r.date, r.date.length === 4 ? 'year' : r.date.length === 7 ? 'month' : 'day')}` : '', r.country ? ` · ${countryName(r.country)}` : '',
            r.organisation ? ` · ${r.organisation.name}` : ''),
          h('p', { lang: r.language, dir: 'auto' }, r.snippet)))),
        pager(res, (p) => void run(p)));
    } catch (e) {
      replace(region, h('p', { role: 'alert' }, errorMessage(e)));
    } finally {
      region.removeAttribute('aria-busy');
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); void run(); });
  void run(Number(ctx.query.get('page') ?? 1));
  return h('div', { class: 'page' }, h('h1', {}, t('search.title')), form, region);
}
