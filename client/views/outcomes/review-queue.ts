// The evaluator's review queue, per harvest: what was submitted and waits to be taken into
// review, what is under review (substantiation), and what is concluded and waits to be published.
import { h, newId, replace } from '../../core/dom';
import { api, post, qs, type List } from '../../core/api';
import { countryName, formatDateTime, t } from '../../core/i18n';
import { setQuery, type RouteContext } from '../../core/router';
import { loadAllGoals } from '../../core/reference';
import { whenOf, type Outcome } from '../../core/outcome-model';
import { statusBadge } from '../../components/badges';
import { announce, setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';
import type { MessageKey } from '../../i18n/en';

type Harvest = { id: string; title: string; status: string; counts?: Record<string, number>; total?: number };

const STAGES: Array<{ key: MessageKey; statuses: string }> = [
  { key: 'review.submitted', statuses: 'submitted' },
  { key: 'review.underReview', statuses: 'under_review' },
  { key: 'review.concluded', statuses: 'substantiated,partly_substantiated,not_substantiated' },
];

function row(o: Outcome, onTaken: () => void): HTMLElement {
  const take = o.status === 'submitted' ? h('button', { type: 'button', class: 'secondary small', onclick: async (e: Event) => {
    const b = e.currentTarget as HTMLButtonElement;
    b.disabled = true;
    try {
      await post(`/api/outcomes/${o.id}/transitions`, { to: 'under_review' });
      announce(t('move.done', { status: t('status.under_review') }));
      onTaken();
    } catch (err) {
      b.disabled = false;
      b.after(h('span', { role: 'alert', class: 'field-error' }, errorMessage(err)));
    }
  } }, t('move.under_review')) : null;
  return h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `/outcomes/${o.id}`, lang: o.language, dir: 'auto' }, o.title)),
    h('td', {}, o.organisation.name),
    h('td', {}, whenOf(o)),
    h('td', {}, countryName(o.location.country)),
    h('td', {}, statusBadge(o.status)),
    h('td', {}, o.submittedAt ? formatDateTime(o.submittedAt) : '—'),
    h('td', {}, take));
}

async function stage(key: MessageKey, statuses: string, harvest: string | null, redraw: () => void): Promise<HTMLElement> {
  const id = newId('stage');
  const list = await api<List<Outcome>>(`/api/outcomes${qs({ status: statuses, harvest, sort: 'updatedAt', pageSize: 100 })}`);
  const body = list.items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', 'aria-labelledby': id },
    h('thead', {}, h('tr', {}, ['review.col.title', 'review.col.organisation', 'review.col.when', 'review.col.country', 'review.col.status', 'review.col.submitted', 'review.col.action']
      .map((k) => h('th', { scope: 'col' }, t(k as MessageKey))))),
    h('tbody', {}, list.items.map((o) => row(o, redraw)))))
    : h('p', { class: 'muted' }, t('review.empty'));
  return h('section', { class: 'queue-stage', 'aria-labelledby': id }, h('h2', { id }, t(key), ' ', h('span', { class: 'count' }, `(${list.total})`)), body);
}

export async function reviewQueueView(ctx: RouteContext): Promise<HTMLElement> {
  setTitle(t('review.title'));
  await loadAllGoals();
  const harvests = await api<{ items: Harvest[] }>('/api/harvests?pageSize=200');
  const region = h('div', { class: 'queue' });
  const current = () => new URLSearchParams(location.search).get('harvest');
  const draw = async () => {
    region.setAttribute('aria-busy', 'true');
    try {
      replace(region, ...(await Promise.all(STAGES.map((s) => stage(s.key, s.statuses, current(), () => void draw())))));
    } catch (e) {
      replace(region, h('p', { role: 'alert' }, errorMessage(e)));
    } finally {
      region.removeAttribute('aria-busy');
    }
  };
  let picker: HTMLElement | null = null;
  if (harvests?.items.length) {
    const select = h('select', { id: 'harvest-select' }, h('option', { value: '' }, t('review.allHarvests')),
      harvests.items.map((x) => h('option', { value: x.id, selected: x.id === ctx.query.get('harvest') },
        `${x.title} — ${t(`harvest.status.${x.status}` as MessageKey)}${x.total !== undefined ? ` (${x.total})` : ''}`)));
    select.addEventListener('change', () => { setQuery({ harvest: select.value || null }); void draw(); });
    picker = h('div', { class: 'field inline' }, h('label', { for: 'harvest-select' }, t('review.harvest')), select);
  }
  void draw();
  return h('div', { class: 'page review-page' }, h('h1', {}, t('review.title')), h('p', { class: 'lead' }, t('review.intro')), picker, region);
}
