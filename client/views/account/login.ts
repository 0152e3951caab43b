// The login page: the first thing an anonymous visitor sees, and what replaces a screen whose
// session has ended (then the same screen comes back after logging in, with any kept draft).
// With two-factor sign-in on, the right password brings a second field into the same form: a code
// from the authenticator app, or one of the recovery codes.
import { h } from '../../core/dom';
import { isLang, lang, setLanguage, t } from '../../core/i18n';
import { homeOf, login, saveLanguage, setupOnly } from '../../core/session';
import { languageChosenHere } from '../shell';
import { ApiError } from '../../core/api';
import { navigate } from '../../core/router';
import { setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';

export function loginView(next?: string, sessionEnded = false): HTMLElement {
  setTitle(t('login.title'));
  const error = h('div', { class: 'form-error', role: 'alert', id: 'login-error' });
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true, 'aria-describedby': 'login-error' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'aria-describedby': 'login-error' });
  const code = h('input', { id: 'code', name: 'code', type: 'text', autocomplete: 'one-time-code', spellcheck: false, dir: 'ltr', maxlength: 40, 'aria-describedby': 'code-hint login-error' });
  const codeField = h('div', { class: 'field', hidden: true },
    h('label', { for: 'code' }, t('login.code')), h('p', { class: 'hint', id: 'code-hint' }, t('login.codeHint')), code);
  const button = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  const form = h('form', { class: 'login-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'email' }, t('login.email')), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, t('login.password')), password),
    codeField, button, error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    if (!email.value || !password.value) {
      error.textContent = t('login.missing');
      (email.value ? password : email).focus();
      return;
    }
    if (!codeField.hidden && !code.value.trim()) {
      error.textContent = t('login.codeMissing');
      return void code.focus();
    }
    button.disabled = true;
    try {
      const user = await login(email.value.trim(), password.value, codeField.hidden ? undefined : code.value);
      if (user === 'code needed') {
        codeField.hidden = false;
        button.disabled = false;
        return void code.focus();
      }
      // a language asked for in the URL or chosen on this page is kept in the profile; otherwise the profile's wins
      const asked = new URLSearchParams(location.search).get('lang');
      if (isLang(asked) || languageChosenHere()) await saveLanguage(lang()).catch(() => undefined);
      else if (isLang(user.language)) await setLanguage(user.language);
      // signed in with a recovery code: the two-factor page says how many are left and what to do next
      const recovered = !codeField.hidden && !/^\d{6}$/.test(code.value.replace(/\s/g, ''));
      navigate(recovered ? '/two-factor?recovered=1' : setupOnly(user) ? '/two-factor' : next ?? homeOf(user.role), { replace: true });
    } catch (err) {
      error.textContent = err instanceof ApiError && err.status === 401 ? t(codeField.hidden ? 'login.wrong' : 'login.codeWrong')
        : err instanceof ApiError && err.status === 429 ? t('login.locked') : errorMessage(err);
      button.disabled = false;
      (codeField.hidden ? password : code).focus();
    }
  });
  const returning = next && sessionEnded ? h('p', { class: 'notice' }, t('login.sessionEnded')) : null;
  return h('section', { class: 'login-page' },
    h('div', { class: 'login-intro' }, h('h1', {}, t('login.title')), h('p', {}, t('login.intro'))),
    returning, form);
}
