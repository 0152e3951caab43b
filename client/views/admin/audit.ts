// Admin: the audit log, read-only — who did what, and who viewed or exported personal data.
import { h } from '../../core/dom';
import { api, qs, type List } from '../../core/api';
import { formatDateTime, t } from '../../core/i18n';
import { navigate } from '../../core/router';
import { setTitle } from '../../core/page';

type Entry = { id: number; at: string; actor: { name: string | null; email: string | null } | null; action: string; entityType: string | null; entityId: string | null };
const FILTERS = ['action', 'entityType', 'from', 'to'] as const;

export async function auditView(query: URLSearchParams): Promise<HTMLElement> {
  setTitle(t('admin.audit.title'));
  const params = Object.fromEntries(FILTERS.map((k) => [k, query.get(k)]));
  const list = await api<List<Entry>>(`/api/audit${qs({ ...params, pageSize: 100 })}`);
  const inputs = FILTERS.map((k) => h('input', { id: `audit-${k}`, name: k, type: k === 'from' || k === 'to' ? 'date' : 'text', dir: 'ltr', value: query.get(k) ?? '' }));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('admin.filters') },
    FILTERS.map((k, i) => h('span', {}, h('label', { for: `audit-${k}` }, t(`admin.audit.${k}`)), ' ', inputs[i], ' ')),
    h('button', { type: 'submit', class: 'secondary' }, t('admin.filter')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(`/admin/audit${qs(Object.fromEntries(inputs.map((x) => [x.name, x.value.trim()])))}`);
  });
  return h('div', { class: 'page' }, h('p', {}, h('a', { href: '/admin' }, t('admin.title'))),
    h('h1', {}, t('admin.audit.title')), h('p', { class: 'hint' }, t('admin.audit.actionHint')), form,
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('admin.count', { count: list.total }) }, h('table', { class: 'data-table' }, h('caption', {}, t('admin.count', { count: list.total })),
      h('thead', {}, h('tr', {}, [t('admin.audit.at'), t('admin.audit.actor'), t('admin.audit.action'), t('admin.audit.entityType')].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, list.items.map((e) => h('tr', {},
        h('td', {}, formatDateTime(e.at)), h('td', {}, e.actor?.name ?? e.actor?.email ?? '—'), h('td', {}, h('code', {}, e.action)),
        h('td', {}, e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : '—')))))));
}
