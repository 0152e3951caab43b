// Two-factor sign-in for the signed-in person: set it up (a QR code or the key to type, then a
// first code), keep the ten recovery codes it gives, renew them, or turn it off. Where the
// organisation requires it, this is the only screen a session without it may open, and turning it
// on needs the set-up link the admin sent: opening the link leaves its token in a cookie only the
// call that turns it on receives (server/accounts/totp.ts), so this page never sees the token.
// ?link=gone: the link was used, expired or replaced. ?recovered=1: signed in with a recovery code.
import { encode } from 'uqr';
import { h, replace } from '../../core/dom';
import { t } from '../../core/i18n';
import { ApiError, post } from '../../core/api';
import { homeOf, loadMe, me, type Me } from '../../core/session';
import { navigate } from '../../core/router';
import { setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';

type Setup = { secret: string; uri: string };
type Status = { enabled: boolean; recoveryCodes?: string[] };

const SVG = 'http://www.w3.org/2000/svg';

/** The otpauth:// address as a QR code, drawn as one SVG path (dark modules on a light square). */
function qrCode(uri: string): SVGSVGElement {
  const { data, size } = encode(uri, { ecc: 'M', border: 2 });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('class', 'qr-code');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('twoFactor.qrLabel'));
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', String(size));
  bg.setAttribute('height', String(size));
  bg.setAttribute('fill', '#fff');
  const dark = document.createElementNS(SVG, 'path');
  dark.setAttribute('d', data.flatMap((row, y) => row.map((on, x) => (on ? `M${x} ${y}h1v1h-1z` : ''))).join(''));
  dark.setAttribute('fill', '#000');
  svg.append(bg, dark);
  return svg;
}

/** The key in groups of four, as authenticator apps ask for it when typed. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

function codeInput(id: string, allowRecovery: boolean): HTMLInputElement {
  return h('input', {
    id, type: 'text', autocomplete: 'one-time-code', spellcheck: false, dir: 'ltr', required: true,
    ...(allowRecovery ? { maxlength: 40 } : { inputmode: 'numeric', pattern: '[0-9]{6}', maxlength: 6 }),
    'aria-describedby': `${id}-hint ${id}-error`,
  });
}

/** A code from the app or a recovery code, as the API takes it. */
const secondFactor = (value: string) => (/^\d{6}$/.test(value.replace(/\s/g, '')) ? { code: value.replace(/\s/g, '') } : { recoveryCode: value.trim() });

const failure = (err: unknown) => (!(err instanceof ApiError) ? errorMessage(err)
  : err.code === 'two_factor_link_needed' ? t('twoFactor.linkNeeded')
    : err.code === 'token_invalid' ? t('twoFactor.linkGone')
      : err.status === 403 ? t('twoFactor.codeWrong') : err.status === 429 ? t('login.locked') : errorMessage(err));

/** A small form: one code field and a button; `act` gets the value (a thrown error is shown under the field). */
function codeForm(id: string, label: string, hint: string, submit: string, allowRecovery: boolean, act: (value: string) => Promise<void>, danger = false): HTMLFormElement {
  const input = codeInput(id, allowRecovery);
  const error = h('div', { class: 'form-error', role: 'alert', id: `${id}-error` });
  const button = h('button', { type: 'submit', class: danger ? 'danger' : 'primary' }, submit);
  const form = h('form', { class: 'two-factor-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: id }, label), h('p', { class: 'hint', id: `${id}-hint` }, hint), input), button, error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const ok = allowRecovery ? input.value.trim().length >= 6 : /^\d{6}$/.test(input.value.replace(/\s/g, ''));
    if (!ok) return void ((error.textContent = t(allowRecovery ? 'twoFactor.codeOrRecoveryMissing' : 'twoFactor.codeMissing')), input.focus());
    button.disabled = true;
    try {
      await act(input.value);
    } catch (err) {
      error.textContent = failure(err);
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The ten recovery codes, shown once: copy, download, and a confirmation before going on. */
function recoveryCodesBox(codes: string[], onDone: () => void): HTMLElement {
  const text = `${t('twoFactor.codesFileTitle', { email: me()?.email ?? '' })}\n\n${codes.join('\n')}\n`;
  const copied = h('span', { role: 'status', class: 'meta' });
  const download = h('a', { class: 'button secondary small', download: 'oogst-recovery-codes.txt', href: URL.createObjectURL(new Blob([text], { type: 'text/plain' })) }, t('twoFactor.codesDownload'));
  const kept = h('input', { type: 'checkbox', id: 'codes-kept' });
  const go = h('button', { type: 'button', class: 'primary', disabled: true, onclick: onDone }, t('twoFactor.codesContinue'));
  kept.addEventListener('change', () => { go.disabled = !kept.checked; });
  return h('section', { class: 'notice recovery-codes', 'aria-labelledby': 'codes-title' },
    h('h2', { id: 'codes-title', tabindex: -1 }, t('twoFactor.codesTitle')),
    h('p', {}, t('twoFactor.codesIntro')),
    h('ol', { class: 'codes', dir: 'ltr' }, codes.map((c) => h('li', {}, h('code', {}, c)))),
    h('p', {},
      h('button', { type: 'button', class: 'secondary small', onclick: async () => {
        try { await navigator.clipboard.writeText(text); copied.textContent = t('admin.link.copied'); } catch { copied.textContent = t('twoFactor.codesCopyFailed'); }
      } }, t('twoFactor.codesCopy')), ' ', download, ' ', copied),
    h('div', { class: 'field choice' }, kept, h('label', { for: 'codes-kept' }, t('twoFactor.codesKept'))),
    go);
}

function showCodes(page: HTMLElement, codes: string[], onDone: () => void): void {
  const box = recoveryCodesBox(codes, onDone);
  replace(page, h('h1', {}, t('twoFactor.title')), box);
  box.querySelector<HTMLElement>('#codes-title')?.focus();
}

/** Not on yet: start, scan or type the key, confirm with a first code. */
function setupSteps(page: HTMLElement, user: Me): HTMLElement {
  const area = h('div', {});
  const start = h('button', { type: 'button', class: 'primary', onclick: async () => {
    start.disabled = true;
    try {
      const s = await post<Setup>('/api/auth/totp/setup', {});
      replace(area, scanStep(page, user, s));
      area.querySelector<HTMLElement>('#scan-title')?.focus();
    } catch (err) {
      replace(area, h('p', { class: 'form-error', role: 'alert' }, failure(err)));
      start.disabled = false;
    }
  } }, t('twoFactor.start'));
  replace(area, h('p', {}, t('twoFactor.needApp')), start);
  return area;
}

function scanStep(page: HTMLElement, user: Me, s: Setup): HTMLElement {
  const enable = codeForm('first-code', t('twoFactor.firstCode'), t('twoFactor.firstCodeHint'), t('twoFactor.enable'), false, async (value) => {
    const r = await post<Status>('/api/auth/totp/enable', { code: value.replace(/\s/g, '') });
    await loadMe();
    showCodes(page, r.recoveryCodes ?? [], () => navigate(homeOf(user.role), { replace: true }));
  });
  return h('div', { class: 'two-factor-setup' },
    h('h2', { id: 'scan-title', tabindex: -1 }, t('twoFactor.scanTitle')),
    h('ol', { class: 'steps' },
      h('li', {}, t('twoFactor.scanStep')),
      h('li', {}, t('twoFactor.typeStep'), ' ', h('code', { class: 'secret', dir: 'ltr' }, grouped(s.secret)), ' ',
        h('a', { href: s.uri }, t('twoFactor.openApp'))),
      h('li', {}, t('twoFactor.codeStep'))),
    qrCode(s.uri), enable);
}

/** On: how many recovery codes are left, new ones, and turning it off (unless required). */
function enabledPanel(page: HTMLElement, user: Me): HTMLElement {
  const left = user.twoFactor.recoveryCodesLeft ?? 0;
  const renew = codeForm('renew-code', t('twoFactor.renewLabel'), t('twoFactor.anyCodeHint'), t('twoFactor.renew'), true, async (value) => {
    const r = await post<Status>('/api/auth/totp/recovery-codes', secondFactor(value));
    await loadMe();
    showCodes(page, r.recoveryCodes ?? [], () => void draw(page));
  });
  const off = user.twoFactor.required ? h('p', {}, t('twoFactor.requiredNoOff'))
    : codeForm('off-code', t('twoFactor.offLabel'), t('twoFactor.anyCodeHint'), t('twoFactor.turnOff'), true, async (value) => {
      await post<Status>('/api/auth/totp/disable', secondFactor(value));
      await loadMe();
      await draw(page, t('twoFactor.offDone'));
    }, true);
  return h('div', {},
    h('p', {}, t('twoFactor.on')),
    h('p', { class: left <= 3 ? 'notice warning' : '' }, t('twoFactor.codesLeft', { count: left })),
    h('section', { class: 'form-section', 'aria-labelledby': 'renew-title' }, h('h2', { id: 'renew-title' }, t('twoFactor.renewTitle')), h('p', {}, t('twoFactor.renewIntro')), renew),
    h('section', { class: 'form-section', 'aria-labelledby': 'off-title' }, h('h2', { id: 'off-title' }, t('twoFactor.offTitle')), off));
}

async function draw(page: HTMLElement, note?: string, query?: URLSearchParams): Promise<void> {
  const user = me()!;
  const on = user.twoFactor.enabled;
  const notices = [
    query?.get('link') === 'gone' ? h('p', { class: 'notice warning', role: 'alert' }, t('twoFactor.linkGone')) : null,
    query?.get('recovered') && on ? h('p', { class: 'notice warning', role: 'status' },
      t(user.twoFactor.required ? 'twoFactor.recoveredRequired' : 'twoFactor.recovered')) : null,
    note ? h('p', { class: 'notice', role: 'status' }, note) : null,
  ];
  const intro = on ? null : h('p', {}, t(user.twoFactor.required ? 'twoFactor.requiredIntro' : 'twoFactor.optionalIntro'));
  replace(page, h('h1', {}, t('twoFactor.title')), notices, intro, on ? enabledPanel(page, user) : setupSteps(page, user));
}

export async function twoFactorView(query: URLSearchParams): Promise<HTMLElement> {
  setTitle(t('twoFactor.title'));
  await loadMe(); // the count of recovery codes left, fresh
  const page = h('div', { class: 'page two-factor' });
  await draw(page, undefined, query);
  return page;
}
