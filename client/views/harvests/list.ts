// Harvests of the evaluator's programmes: their status and how many outcomes are in each state,
// with the way into the review queue of each.
import { h } from '../../core/dom';
import { api } from '../../core/api';
import { formatDate, formatNumber, lang, t } from '../../core/i18n';
import { markdownBlock } from '../../core/markdown';
import { statusLabel } from '../../components/badges';
import { me } from '../../core/session';
import { setTitle } from '../../core/page';
import type { MessageKey } from '../../i18n/en';

type Harvest = { id: string; title: string; status: string; programme?: { id: string; name: string }; questions?: string | null; periodStart?: string | null; periodEnd?: string | null; domains?: string[]; counts?: Record<string, number>; total?: number };

export async function harvestsView(): Promise<HTMLElement> {
  setTitle(t('harvest.title'));
  const list = await api<{ items: Harvest[] }>('/api/harvests?pageSize=200');
  const items = list?.items ?? [];
  const runs = me()?.role === 'evaluator' || me()?.role === 'admin';
  return h('div', { class: 'page' }, h('div', { class: 'page-head' }, h('h1', {}, t('harvest.title')),
    runs ? h('a', { href: '/harvests/new', class: 'button primary' }, t('harvest.new')) : null),
    items.length ? h('ul', { class: 'cards' }, items.map((x) => h('li', { class: 'card' },
      h('h2', {}, x.title), h('p', { class: 'meta' }, h('span', { class: 'badge' }, t(`harvest.status.${x.status}` as MessageKey)), ' ', x.programme?.name ?? '',
        x.periodStart ? ` · ${formatDate(x.periodStart)} – ${x.periodEnd ? formatDate(x.periodEnd) : ''}` : ''),
      x.questions ? h('details', {}, h('summary', {}, t('harvest.questions')), markdownBlock(x.questions)) : null,
      x.counts ? h('ul', { class: 'counts' }, Object.entries(x.counts).map(([s, n]) => h('li', {}, `${statusLabel(s)}: ${formatNumber(n)}`))) : null,
      h('p', {}, h('a', { href: `/review?harvest=${x.id}` }, t('harvest.openQueue'))),
      // reports and the IATI file are server documents: plain links, opened outside the app; a report in the screen's language
      h('ul', { class: 'inline-links', 'aria-label': t('harvest.documents', { title: x.title }) },
        h('li', {}, h('a', { href: `/api/harvests/${x.id}/report.html?lang=${lang()}`, target: '_blank', rel: 'noopener' }, t('harvest.reportHtml'))),
        h('li', {}, h('a', { href: `/api/harvests/${x.id}/report.md?lang=${lang()}`, download: '' }, t('harvest.reportMd'))),
        x.programme ? h('li', {}, h('a', { href: `/api/programmes/${x.programme.id}/iati.xml`, download: '' }, t('harvest.iati'))) : null,
        runs ? h('li', {}, h('a', { href: `/harvests/${x.id}/edit`, 'aria-label': t('harvest.editNamed', { title: x.title }) }, t('harvest.edit'))) : null))))
      : h('p', { class: 'empty-state' }, t('harvest.none')));
}
