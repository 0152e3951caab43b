// Admin: the people who use Oogst. Creating one answers with a single-use set-password link that
// the admin copies and sends; an edit changes role, organisation, language or disables the account.
import { h, replace } from '../../core/dom';
import { api, patch, post, qs, type List } from '../../core/api';
import { openDialog } from '../../components/dialog';
import { LANGS, LANGUAGE_NAMES, t } from '../../core/i18n';
import { navigate } from '../../core/router';
import { field, type FieldBox } from '../../components/field';
import type { MessageKey } from '../../i18n/en';
import { setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';
import { choose, errorSummary, linkBox, onSubmit, val, type Link } from './common';
import type { Organisation } from './organisations';

type User = { id: string; email: string; name: string; role: string; language: string; organisation?: { id: string; name: string }; disabled: boolean; hasPassword: boolean; twoFactor: boolean };
const ROLES = ['partner', 'evaluator', 'donor', 'admin'];
const roleOptions = () => ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));
const langOptions = () => LANGS.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }));
const orgs = async () => (await api<List<Organisation>>('/api/organisations?pageSize=200')).items;

function filters(query: URLSearchParams, all: Organisation[]): HTMLElement {
  const role = h('select', { id: 'filter-role', name: 'role' }, h('option', { value: '' }, t('admin.all')), roleOptions().map((o) => h('option', { value: o.value, selected: query.get('role') === o.value }, o.label)));
  const org = h('select', { id: 'filter-org', name: 'org' }, h('option', { value: '' }, t('admin.all')), all.map((o) => h('option', { value: o.id, selected: query.get('org') === o.id }, o.name)));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('admin.filters') },
    h('label', { for: 'filter-role' }, t('admin.user.role')), role, ' ', h('label', { for: 'filter-org' }, t('admin.user.organisation')), org, ' ',
    h('button', { type: 'submit', class: 'secondary' }, t('admin.filter')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(`/admin/users${qs({ role: role.value, org: org.value })}`);
  });
  return form;
}

function createForm(all: Organisation[], out: HTMLElement): HTMLFormElement {
  const email = field('/email', t('admin.user.email'), h('input', { type: 'email', autocomplete: 'off', maxlength: 300 }), { required: true });
  const name = field('/name', t('admin.user.name'), h('input', { type: 'text', dir: 'auto', maxlength: 300 }), { required: true });
  const role = field('/role', t('admin.user.role'), choose(roleOptions()), { required: true });
  const org = field('/organisationId', t('admin.user.organisation'), choose(all.map((o) => ({ value: o.id, label: o.name }))), { required: true });
  const language = field('/language', t('admin.user.language'), choose(langOptions(), 'en', false));
  const fields: FieldBox[] = [email, name, role, org, language];
  const summary = errorSummary();
  const form = h('form', { class: 'form-section', novalidate: true }, summary, fields.map((f) => f.box), h('button', { type: 'submit', class: 'primary' }, t('admin.user.create')));
  onSubmit(form, summary, fields, async () => {
    const res = await post<{ user: User; setPasswordLink: Link; twoFactorLink?: Link }>('/api/users', { email: val(email), name: val(name), role: val(role), organisationId: val(org), language: val(language) });
    // where the organisation requires two-factor sign-in, its set-up link comes too
    replace(out, h('p', { role: 'status' }, t('admin.user.createdFor', { name: res.user.name }), ' ', h('a', { href: `/admin/users/${res.user.id}` }, t('admin.user.open'))),
      linkBox(res.setPasswordLink), res.twoFactorLink ? linkBox(res.twoFactorLink, 'two-factor') : null);
    form.reset();
    out.querySelector<HTMLInputElement>('#set-password-link')?.focus();
  }, () => [email, name, role, org].filter((f) => !val(f)).map((f) => ({ path: f.path, message: 'is required' })));
  return form;
}

export async function usersView(query: URLSearchParams): Promise<HTMLElement> {
  setTitle(t('admin.user.title'));
  const [all, list] = await Promise.all([orgs(), api<List<User>>(`/api/users${qs({ role: query.get('role'), org: query.get('org'), pageSize: 200 })}`)]);
  const out = h('div', { id: 'created-user' });
  return h('div', { class: 'page' }, h('p', {}, h('a', { href: '/admin' }, t('admin.title'))),
    h('h1', {}, t('admin.user.title')),
    h('details', { open: query.has('new') }, h('summary', {}, t('admin.user.create')), createForm(all, out)), out,
    filters(query, all),
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('admin.count', { count: list.total }) }, h('table', { class: 'data-table' }, h('caption', {}, t('admin.count', { count: list.total })),
      h('thead', {}, h('tr', {}, [t('admin.user.name'), t('admin.user.email'), t('admin.user.role'), t('admin.user.organisation'), t('admin.user.state')].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, list.items.map((u) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `/admin/users/${u.id}` }, u.name)), h('td', {}, u.email),
        h('td', {}, t(`role.${u.role}` as MessageKey)), h('td', {}, u.organisation?.name ?? '—'),
        h('td', {}, u.disabled ? t('admin.user.disabled') : u.hasPassword ? t('admin.user.active') : t('admin.user.invited'))))))));
}

export async function userEditView(id: string): Promise<HTMLElement> {
  const [all, user] = await Promise.all([orgs(), api<User>(`/api/users/${encodeURIComponent(id)}`)]);
  setTitle(user.name);
  const name = field('/name', t('admin.user.name'), h('input', { type: 'text', dir: 'auto', maxlength: 300, value: user.name }), { required: true });
  const role = field('/role', t('admin.user.role'), choose(roleOptions(), user.role, false), { required: true });
  const org = field('/organisationId', t('admin.user.organisation'), choose(all.map((o) => ({ value: o.id, label: o.name })), user.organisation?.id ?? '', false), { required: true });
  const language = field('/language', t('admin.user.language'), choose(langOptions(), user.language, false));
  const disabled = h('input', { type: 'checkbox', id: 'user-disabled', checked: user.disabled });
  const fields: FieldBox[] = [name, role, org, language];
  const summary = errorSummary();
  const status = h('p', { role: 'status', class: 'form-feedback' });
  const form = h('form', { class: 'form-section', novalidate: true }, summary, fields.map((f) => f.box),
    h('div', { class: 'field choice' }, disabled, h('label', { for: 'user-disabled' }, t('admin.user.disable'))),
    h('button', { type: 'submit', class: 'primary' }, t('common.save')), status);
  onSubmit(form, summary, fields, async () => {
    await patch<User>(`/api/users/${user.id}`, { name: val(name), role: val(role), organisationId: val(org), language: val(language), disabled: disabled.checked });
    status.textContent = t('admin.saved');
  });
  const out = h('div', {});
  const linkStatus = h('div', {});
  const newLink = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    try {
      replace(out, linkBox(await post<Link>(`/api/users/${user.id}/password-link`, {})));
      replace(linkStatus);
    } catch (e) {
      replace(linkStatus, h('p', { role: 'alert', class: 'form-error' }, errorMessage(e)));
    }
  } }, t('admin.user.newLink'));
  return h('div', { class: 'page' }, h('p', {}, h('a', { href: '/admin/users' }, t('admin.user.title'))),
    h('h1', {}, user.name), h('p', { class: 'meta' }, user.email), form,
    h('section', { class: 'form-section' }, h('h2', {}, t('admin.user.passwordTitle')), h('p', {}, t('admin.user.passwordIntro')), newLink, linkStatus, out),
    twoFactorSection(user));
}

/**
 * Two-factor sign-in: whether it is on; a set-up link while it is off (needed where the
 * organisation requires it); turning it off for someone whose phone is lost or taken.
 */
function twoFactorSection(user: User): HTMLElement {
  const section = h('section', { class: 'form-section', 'aria-labelledby': 'two-factor-title' });
  const out = h('div', {});
  const linkButton = () => h('button', { type: 'button', class: 'secondary', onclick: async () => {
    try {
      replace(out, linkBox(await post<Link>(`/api/users/${user.id}/two-factor-link`, {}), 'two-factor'));
      out.querySelector<HTMLInputElement>('#two-factor-link')?.focus();
    } catch (e) {
      replace(out, h('p', { role: 'alert', class: 'form-error' }, errorMessage(e)));
    }
  } }, t('admin.user.twoFactorLink'));
  const draw = (on: boolean, note?: string) => replace(section,
    h('h2', { id: 'two-factor-title' }, t('admin.user.twoFactorTitle')),
    h('p', {}, on ? t('admin.user.twoFactorOn') : t('admin.user.twoFactorOff')),
    note ? h('p', { role: 'status', class: 'form-feedback' }, note) : null,
    on ? null : [h('p', {}, t('admin.user.twoFactorLinkIntro')), linkButton(), out],
    on ? h('button', { type: 'button', class: 'secondary', onclick: () => openDialog(t('admin.user.twoFactorReset'), h('p', {}, t('admin.user.twoFactorResetIntro', { name: user.name })),
      t('admin.user.twoFactorReset'), async () => {
        const after = await api<User>(`/api/users/${user.id}/totp`, { method: 'DELETE' });
        draw(after.twoFactor, t('admin.user.twoFactorResetDone'));
        return true;
      }) }, t('admin.user.twoFactorReset')) : null);
  draw(user.twoFactor);
  return section;
}
