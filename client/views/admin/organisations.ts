// Admin: the organisations (partners, evaluators, donors, the admin's own), created and edited here.
import { h } from '../../core/dom';
import { api, patch, post, type List } from '../../core/api';
import { countryName, countryOptions, t } from '../../core/i18n';
import { navigate } from '../../core/router';
import { field, type FieldBox } from '../../components/field';
import type { MessageKey } from '../../i18n/en';
import { announce, setTitle } from '../../core/page';
import { choose, errorSummary, onSubmit, val } from './common';

export type Organisation = { id: string; name: string; kind: string; country: string | null; requireTotp: boolean };
export const KINDS = ['partner', 'evaluator', 'donor', 'admin'] as const;
const kindLabel = (k: string) => t(`admin.kind.${k}` as MessageKey);

function orgForm(org: Organisation | null, done: (o: Organisation) => void): HTMLFormElement {
  const name = field('/name', t('admin.org.name'), h('input', { type: 'text', dir: 'auto', maxlength: 300, value: org?.name ?? '' }), { required: true });
  const kind = field('/kind', t('admin.org.kind'), choose(KINDS.map((k) => ({ value: k, label: kindLabel(k) })), org?.kind ?? ''), { required: true });
  if (org) (kind.control as HTMLSelectElement).disabled = true; // the API does not change a kind
  const country = field('/country', t('admin.org.country'), choose(countryOptions().map((c) => ({ value: c.code, label: c.name })), org?.country ?? ''));
  const totp = h('input', { type: 'checkbox', id: `totp-${org?.id ?? 'new'}`, checked: org?.requireTotp ?? false });
  const fields: FieldBox[] = [name, kind, country];
  const summary = errorSummary();
  const form = h('form', { class: 'form-section', novalidate: true }, summary, name.box, kind.box, country.box,
    h('div', { class: 'field choice' }, totp, h('label', { for: totp.id }, t('admin.org.requireTotp'))),
    h('button', { type: 'submit', class: 'primary' }, org ? t('common.save') : t('admin.org.create')));
  onSubmit(form, summary, fields, async () => {
    const body = { name: val(name), ...(val(country) && { country: val(country) }), requireTotp: totp.checked };
    done(org ? await patch<Organisation>(`/api/organisations/${org.id}`, body) : await post<Organisation>('/api/organisations', { ...body, kind: val(kind) }));
  }, () => [...(!val(name) ? [{ path: '/name', message: 'is required' }] : []), ...(!org && !val(kind) ? [{ path: '/kind', message: 'is required' }] : [])]);
  return form;
}

export async function organisationsView(): Promise<HTMLElement> {
  setTitle(t('admin.org.title'));
  const list = await api<List<Organisation>>('/api/organisations?pageSize=200');
  const form = orgForm(null, (o) => {
    announce(t('admin.saved'));
    navigate(`/admin/organisations/${o.id}?created=1`);
  });
  return h('div', { class: 'page' }, h('p', {}, h('a', { href: '/admin' }, t('admin.title'))),
    h('h1', {}, t('admin.org.title')),
    h('details', {}, h('summary', {}, t('admin.org.create')), form),
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('admin.count', { count: list.total }) }, h('table', { class: 'data-table' }, h('caption', {}, t('admin.count', { count: list.total })),
      h('thead', {}, h('tr', {}, [t('admin.org.name'), t('admin.org.kind'), t('admin.org.country'), t('admin.org.requireTotp')].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, list.items.map((o) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `/admin/organisations/${o.id}` }, o.name)),
        h('td', {}, kindLabel(o.kind)), h('td', {}, o.country ? countryName(o.country) : '—'),
        h('td', {}, o.requireTotp ? t('common.yes') : t('common.no'))))))));
}

export async function organisationEditView(id: string, query: URLSearchParams): Promise<HTMLElement> {
  const org = await api<Organisation>(`/api/organisations/${encodeURIComponent(id)}`);
  setTitle(org.name);
  const status = h('p', { role: 'status', class: 'form-feedback' }, query.get('created') ? t('admin.created') : '');
  const form = orgForm(org, () => {
    status.textContent = t('admin.saved');
  });
  return h('div', { class: 'page' }, h('p', {}, h('a', { href: '/admin/organisations' }, t('admin.org.title'))),
    h('h1', {}, org.name), status, form,
    h('p', {}, h('a', { href: `/admin/users?org=${org.id}` }, t('admin.org.users'))));
}
