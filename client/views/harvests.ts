// Harvests of the evaluator's programmes: their status and how many outcomes are in each state,
// with the way into the review queue of each.
import { h } from '../core/dom';
import { optional } from '../core/api';
import { formatDate, formatNumber, t } from '../core/i18n';
import { markdownBlock } from '../core/markdown';
import { statusLabel } from '../components/badges';
import { setTitle } from './shell';
import type { MessageKey } from '../i18n/en';

type Harvest = { id: string; title: string; status: string; programme?: { name: string }; questions?: string | null; periodStart?: string | null; periodEnd?: string | null; domains?: string[]; counts?: Record<string, number>; total?: number };

export async function harvestsView(): Promise<HTMLElement> {
  setTitle(t('harvest.title'));
  const list = await optional<{ items: Harvest[] }>('/api/harvests?pageSize=200');
  const items = list?.items ?? [];
  return h('div', { class: 'page' }, h('h1', {}, t('harvest.title')),
    items.length ? h('ul', { class: 'cards' }, items.map((x) => h('li', { class: 'card' },
      h('h2', {}, x.title), h('p', { class: 'meta' }, h('span', { class: 'badge' }, t(`harvest.status.${x.status}` as MessageKey)), ' ', x.programme?.name ?? '',
        x.periodStart ? ` · ${formatDate(x.periodStart)} – ${x.periodEnd ? formatDate(x.periodEnd) : ''}` : ''),
      x.questions ? h('details', {}, h('summary', {}, t('harvest.questions')), markdownBlock(x.questions)) : null,
      x.counts ? h('ul', { class: 'counts' }, Object.entries(x.counts).map(([s, n]) => h('li', {}, `${statusLabel(s)}: ${formatNumber(n)}`))) : null,
      h('p', {}, h('a', { href: `/review?harvest=${x.id}` }, t('harvest.openQueue'))))))
      : h('p', { class: 'empty-state' }, t('harvest.none')));
}
