// Setting a password through the single-use link an admin sends to a new user. The server has
// answered the link itself: its token waits in an HttpOnly cookie for POST /api/auth/set-password
// (server/auth/set-password.ts), so this page sends the password alone and never sees the token.
// ?link=gone: the link was used, expired or wrong, said before anyone types.
import { h } from '../../core/dom';
import { t } from '../../core/i18n';
import { api, ApiError } from '../../core/api';
import { setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';

const failure = (err: unknown) => (!(err instanceof ApiError) ? errorMessage(err)
  : err.status === 410 ? t('setPassword.expired')
    : err.code === 'link_missing' ? t('setPassword.reopen') : errorMessage(err));

export function setPasswordView(query: URLSearchParams): HTMLElement {
  setTitle(t('setPassword.title'));
  const page = (body: Node) => h('section', { class: 'login-page' }, h('h1', {}, t('setPassword.title')), body);
  if (query.get('link') === 'gone') return page(h('p', { class: 'notice', role: 'alert' }, t('setPassword.expired')));
  const status = h('div', { role: 'alert', class: 'form-error' });
  const input = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', minlength: 10, required: true, 'aria-describedby': 'pw-hint' });
  const form = h('form', { class: 'login-form' },
    h('div', { class: 'field' }, h('label', { for: 'new-password' }, t('setPassword.label')), h('p', { class: 'hint', id: 'pw-hint' }, t('setPassword.hint')), input),
    h('button', { type: 'submit', class: 'primary' }, t('setPassword.submit')), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (input.value.length < 10) return void (status.textContent = t('setPassword.hint'));
    try {
      await api('/api/auth/set-password', { method: 'POST', json: { password: input.value }, quiet401: true });
      form.replaceWith(h('p', { class: 'notice', role: 'status' }, t('setPassword.done'), ' ', h('a', { href: '/' }, t('login.submit'))));
    } catch (err) {
      status.textContent = failure(err);
    }
  });
  return page(form);
}
