// The outcome list: a partner's own outcomes in every state (evaluators and admins: all they may
// see), or the library of published outcomes to learn from. Filters and search live in the URL.
import { h, replace } from '../../core/dom';
import { api, qs, type List } from '../../core/api';
import { countryName, t } from '../../core/i18n';
import { me } from '../../core/session';
import { setQuery, type RouteContext } from '../../core/router';
import { draftKeys } from '../../core/draft-store';
import { categoryLabel, goalLabel, loadAllGoals } from '../../core/reference';
import { whenOf, type Outcome } from '../../core/outcome-model';
import { statusBadge } from '../../components/badges';
import { filterForm, FILTER_KEYS } from '../../components/outcome-filters';
import { pager } from '../../components/pager';
import { exportLinks } from '../../components/export-links';
import { announce, setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';

export type ListMode = 'ours' | 'library';

export function outcomeCard(o: Outcome): HTMLElement {
  const primary = o.goals.find((g) => g.primary) ?? o.goals[0];
  return h('li', { class: 'card outcome-card' },
    h('h2', {}, h('a', { href: `/outcomes/${o.id}`, lang: o.language, dir: 'auto' }, o.title)),
    h('p', { class: 'meta' }, statusBadge(o.status), ' ',
      h('span', {}, whenOf(o)), ' · ',
      h('span', {}, countryName(o.location.country) || t('draft.notYet')), ' · ', h('span', {}, categoryLabel(o.changeType)), ' · ',
      h('span', {}, o.organisation.name)),
    primary ? h('p', { class: 'goals' }, goalLabel(primary.code)) : null);
}

function queryFor(mode: ListMode, query: URLSearchParams): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  for (const k of [...FILTER_KEYS, 'page', 'sort']) params[k] = query.get(k) ?? undefined;
  const user = me();
  if (mode === 'library') params.status = 'published';
  else if (user?.role === 'partner') params.org = user.organisation.id;
  params.sort ??= params.q ? 'relevance' : '-updatedAt';
  return params;
}

async function results(mode: ListMode, query: URLSearchParams, region: HTMLElement): Promise<void> {
  region.setAttribute('aria-busy', 'true');
  try {
    const params = queryFor(mode, query);
    const list = await api<List<Outcome>>(`/api/outcomes${qs({ ...params, pageSize: 25 })}`);
    const summary = t('list.count', { count: list.total });
    announce(summary);
    replace(region,
      h('p', { class: 'result-count' }, summary),
      exportLinks('outcomes', params),
      list.items.length
        ? h('ul', { class: 'cards' }, list.items.map(outcomeCard))
        : h('div', { class: 'empty-state' }, h('p', {}, t(mode === 'library' ? 'list.emptyLibrary' : 'list.empty'))),
      pager(list, (page) => {
        setQuery({ page: String(page) }, { push: true });
        void results(mode, new URLSearchParams(location.search), region);
      }));
  } catch (e) {
    replace(region, h('p', { role: 'alert', class: 'alert' }, errorMessage(e)));
  } finally {
    region.removeAttribute('aria-busy');
  }
}

function keptDrafts(): HTMLElement | null {
  const user = me();
  if (!user) return null;
  const keys = draftKeys(user.id).filter((k) => k.startsWith('outcome:'));
  if (!keys.length) return null;
  return h('div', { class: 'notice', role: 'note' }, h('p', {}, t('list.keptDrafts', { count: keys.length })),
    h('ul', {}, keys.map((k) => {
      const id = k.slice('outcome:'.length);
      return h('li', {}, h('a', { href: id === 'new' ? '/outcomes/new' : `/outcomes/${id}/edit` }, id === 'new' ? t('list.keptNew') : t('list.keptEdit')));
    })));
}

export async function outcomeListView(ctx: RouteContext, mode: ListMode): Promise<HTMLElement> {
  await loadAllGoals();
  const title = mode === 'library' ? t('list.libraryTitle') : me()?.role === 'partner' ? t('list.oursTitle') : t('list.allTitle');
  setTitle(title);
  const region = h('section', { 'aria-label': t('list.results'), class: 'results' });
  const filters = await filterForm(ctx.query, { hideStatus: mode === 'library' }, (next) => {
    setQuery({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, next[k] ?? null])), page: null });
    void results(mode, new URLSearchParams(location.search), region);
  });
  void results(mode, ctx.query, region);
  const intro = mode === 'library' ? h('p', { class: 'lead' }, t('list.libraryIntro')) : null;
  const action = me()?.role === 'partner' && mode === 'ours' ? h('a', { href: '/outcomes/new', class: 'button primary' }, t('nav.record')) : null;
  const importLink = mode === 'ours' ? h('a', { href: '/import', class: 'button' }, t('import.title')) : null;
  return h('div', { class: 'page outcome-list' },
    h('div', { class: 'page-head' }, h('h1', {}, title), action, importLink), intro, mode === 'ours' ? keptDrafts() : null, filters, region);
}
