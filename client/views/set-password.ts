// Setting a password through the single-use link an admin sends to a new user.
import { h } from '../core/dom';
import { t } from '../core/i18n';
import { api, ApiError } from '../core/api';
import { setTitle } from './shell';
import { errorMessage } from './errors';

export function setPasswordView(token: string): HTMLElement {
  setTitle(t('setPassword.title'));
  const status = h('div', { role: 'alert', class: 'form-error' });
  const input = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', minlength: 10, required: true, 'aria-describedby': 'pw-hint' });
  const form = h('form', { class: 'login-form' },
    h('div', { class: 'field' }, h('label', { for: 'new-password' }, t('setPassword.label')), h('p', { class: 'hint', id: 'pw-hint' }, t('setPassword.hint')), input),
    h('button', { type: 'submit', class: 'primary' }, t('setPassword.submit')), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (input.value.length < 10) return void (status.textContent = t('setPassword.hint'));
    try {
      await api('/api/auth/set-password', { method: 'POST', json: { token, password: input.value }, quiet401: true });
      form.replaceWith(h('p', { class: 'notice', role: 'status' }, t('setPassword.done'), ' ', h('a', { href: '/' }, t('login.submit'))));
    } catch (err) {
      status.textContent = err instanceof ApiError && err.status === 410 ? t('setPassword.expired') : errorMessage(err);
    }
  });
  return h('section', { class: 'login-page' }, h('h1', {}, t('setPassword.title')), form);
}
