// Admin: programmes, with their partner organisations and the evaluators and donors who follow them.
import { h, newId } from '../../core/dom';
import { api, patch, post, qs, type List } from '../../core/api';
import { formatDate, t } from '../../core/i18n';
import { navigate } from '../../core/router';
import { field, fieldset, type FieldBox } from '../../components/field';
import type { MessageKey } from '../../i18n/en';
import { setTitle } from '../../core/page';
import { errorSummary, onSubmit, val } from './common';
import type { Organisation } from './organisations';

type Ref = { id: string; name: string };
type Programme = { id: string; name: string; description: string | null; periodStart: string | null; periodEnd: string | null;
  iatiIdentifier: string | null; reportingOrgRef: string | null; partnerOrganisations?: Ref[]; members?: Array<Ref & { role?: string }> };

function checkboxes(name: string, options: Array<{ value: string; label: string }>, chosen: Set<string>): HTMLElement {
  return h('div', { class: 'choices' }, options.length ? options.map((o) => {
    const id = newId(name);
    return h('div', { class: 'choice' }, h('input', { type: 'checkbox', name, id, value: o.value, checked: chosen.has(o.value) }), h('label', { for: id }, o.label));
  }) : h('p', { class: 'meta' }, t('admin.none')));
}
const ticked = (box: HTMLElement) => [...box.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);

async function programmeForm(p: Programme | null): Promise<HTMLFormElement> {
  const [orgs, people] = await Promise.all([
    api<List<Organisation>>('/api/organisations?pageSize=200'),
    api<List<Ref & { role: string }>>(`/api/users${qs({ role: 'evaluator,donor', pageSize: 200 })}`),
  ]);
  const text = (value: string | null | undefined, attrs: Record<string, string | number> = {}) => h('input', { type: 'text', value: value ?? '', ...attrs });
  const name = field('/name', t('admin.prog.name'), text(p?.name, { dir: 'auto', maxlength: 300 }), { required: true });
  const description = field('/description', t('admin.prog.description'), h('textarea', { rows: 4, dir: 'auto' }, p?.description ?? ''));
  const start = field('/periodStart', t('admin.prog.periodStart'), h('input', { type: 'date', value: p?.periodStart ?? '' }));
  const end = field('/periodEnd', t('admin.prog.periodEnd'), h('input', { type: 'date', value: p?.periodEnd ?? '' }));
  const iati = field('/iatiIdentifier', t('admin.prog.iatiIdentifier'), text(p?.iatiIdentifier, { dir: 'ltr' }), { hint: t('admin.prog.iatiHint') });
  const orgRef = field('/reportingOrgRef', t('admin.prog.reportingOrgRef'), text(p?.reportingOrgRef, { dir: 'ltr' }));
  const partnerBox = checkboxes('partner', orgs.items.filter((o) => o.kind === 'partner').map((o) => ({ value: o.id, label: o.name })), new Set(p?.partnerOrganisations?.map((o) => o.id)));
  const memberBox = checkboxes('member', people.items.map((u) => ({ value: u.id, label: `${u.name} (${t(`role.${u.role}` as MessageKey)})` })), new Set(p?.members?.map((m) => m.id)));
  const partners = fieldset('/partnerOrganisationIds', t('admin.prog.partners'), partnerBox);
  const members = fieldset('/memberIds', t('admin.prog.members'), memberBox, { hint: t('admin.prog.membersHint') });
  const fields: FieldBox[] = [name, description, start, end, iati, orgRef, partners, members];
  const summary = errorSummary();
  const status = h('p', { role: 'status', class: 'form-feedback' });
  const form = h('form', { class: 'form-section', novalidate: true }, summary, fields.map((f) => f.box),
    h('button', { type: 'submit', class: 'primary' }, p ? t('common.save') : t('admin.prog.create')), status);
  onSubmit(form, summary, fields, async () => {
    const optional = Object.fromEntries(([['description', description], ['periodStart', start], ['periodEnd', end], ['iatiIdentifier', iati], ['reportingOrgRef', orgRef]] as const)
      .filter(([, f]) => val(f)).map(([k, f]) => [k, val(f)]));
    const body = { name: val(name), ...optional, partnerOrganisationIds: ticked(partnerBox), memberIds: ticked(memberBox) };
    if (p) {
      await patch(`/api/programmes/${p.id}`, body);
      status.textContent = t('admin.saved');
    } else navigate(`/admin/programmes/${(await post<Programme>('/api/programmes', body)).id}`);
  }, () => (val(name) ? [] : [{ path: '/name', message: 'is required' }]));
  return form;
}

export async function programmesView(): Promise<HTMLElement> {
  setTitle(t('admin.prog.title'));
  const list = await api<List<Programme>>('/api/programmes?pageSize=200');
  const period = (p: Programme) => [p.periodStart, p.periodEnd].map((d) => (d ? formatDate(d) : '…')).join(' – ');
  return h('div', { class: 'page' }, h('p', {}, h('a', { href: '/admin' }, t('admin.title'))),
    h('h1', {}, t('admin.prog.title')), h('p', {}, h('a', { href: '/admin/programmes/new', class: 'button' }, t('admin.prog.create'))),
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('admin.count', { count: list.total }) }, h('table', { class: 'data-table' }, h('caption', {}, t('admin.count', { count: list.total })),
      h('thead', {}, h('tr', {}, [t('admin.prog.name'), t('admin.prog.period'), t('admin.prog.iatiIdentifier')].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, list.items.map((p) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `/admin/programmes/${p.id}` }, p.name)), h('td', {}, period(p)), h('td', {}, p.iatiIdentifier ?? '—')))))));
}

export async function programmeEditView(id: string | null): Promise<HTMLElement> {
  const p = id ? await api<Programme>(`/api/programmes/${encodeURIComponent(id)}`) : null;
  const heading = p?.name ?? t('admin.prog.create');
  setTitle(heading);
  return h('div', { class: 'page' }, h('p', {}, h('a', { href: '/admin/programmes' }, t('admin.prog.title'))), h('h1', {}, heading), await programmeForm(p));
}
