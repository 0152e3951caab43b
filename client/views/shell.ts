// The frame around every screen: skip link, banner with the role's navigation, the language
// switcher and the account menu, the main landmark, and a live region for announcements.
import { h, replace } from '../core/dom';
import { LANGS, LANGUAGE_NAMES, formatNumber, isLang, lang, setLanguage, t, type Lang } from '../core/i18n';
import { api } from '../core/api';
import { me, logout, saveLanguage, setupOnly, type Me } from '../core/session';
import { navigate, reload, setQuery } from '../core/router';
import { resetReference } from '../core/reference';
import type { MessageKey } from '../i18n/en';

const root = () => document.getElementById('app')!;
let mainEl: HTMLElement | undefined;

type NavItem = { href: string; label: MessageKey; match: RegExp; count?: number };

async function navFor(user: Me): Promise<NavItem[]> {
  const items: NavItem[] = [];
  const add = (cond: boolean, href: string, label: MessageKey, match: RegExp) => cond && items.push({ href, label, match });
  const r = user.role;
  add(r === 'evaluator' || r === 'admin', '/review', 'nav.review', /^\/review/);
  add(r !== 'donor', '/outcomes', r === 'partner' ? 'nav.ourOutcomes' : 'nav.outcomes', /^\/outcomes(?!\/new)/);
  add(r === 'partner' || r === 'admin', '/outcomes/new', 'nav.record', /^\/outcomes\/new/);
  add(true, '/stories', 'nav.stories', /^\/stories/);
  add(true, '/fragments', 'nav.fragments', /^\/fragments/);
  add(r !== 'partner', '/selections', 'nav.selections', /^\/selections/);
  add(r === 'evaluator', '/themes', 'nav.themes', /^\/themes/);
  add(r === 'evaluator' || r === 'admin', '/harvests', 'nav.harvests', /^\/harvests/);
  add(r === 'partner' || r === 'donor', '/library', 'nav.library', /^\/library/);
  add(true, '/dashboard', 'nav.dashboard', /^\/dashboard/);
  add(true, '/indicators', 'nav.indicators', /^\/indicators/);
  add(true, '/search', 'nav.search', /^\/search/);
  add(true, '/notifications', 'nav.notifications', /^\/notifications/);
  add(r === 'admin', '/admin', 'nav.admin', /^\/admin/);
  const unread = await api<{ unread?: number }>('/api/notifications?unread=true&pageSize=1').catch(() => null);
  const item = items.find((i) => i.href === '/notifications');
  if (item && unread?.unread) item.count = unread.unread;
  return items;
}

function languageSwitcher(): HTMLElement {
  const select = h('select', { id: 'language-select', name: 'language' },
    LANGS.map((l) => h('option', { value: l, lang: l, selected: l === lang() }, LANGUAGE_NAMES[l])));
  select.addEventListener('change', async () => {
    const next = select.value;
    if (!isLang(next)) return;
    setQuery({ lang: null });
    await switchLanguage(next);
  });
  return h('div', { class: 'language' }, h('label', { for: 'language-select' }, t('shell.language')), select);
}

let chosenLoggedOut = false;
/** Whether the language was switched before logging in (then it goes into the profile at login). */
export const languageChosenHere = () => chosenLoggedOut;

/** Switch the interface language now, remember it in the profile, and redraw the screen. */
export async function switchLanguage(next: Lang): Promise<void> {
  if (!me()) chosenLoggedOut = true;
  await setLanguage(next);
  await saveLanguage(next).catch(() => undefined);
  reload();
}

async function banner(): Promise<HTMLElement> {
  const user = me();
  // a session that may only set up two-factor sign-in has nowhere else to go (server/accounts/totp.ts)
  const nav = user && !setupOnly(user) ? await navFor(user) : [];
  const path = location.pathname;
  const navEl = nav.length ? h('nav', { 'aria-label': t('shell.mainNav'), class: 'main-nav' },
    h('ul', {}, nav.map((item) => h('li', {}, h('a', { href: item.href, 'aria-current': item.match.test(path) ? 'page' : null }, t(item.label),
      item.count ? h('span', { class: 'count-badge' }, formatNumber(item.count), h('span', { class: 'visually-hidden' }, ` ${t('notifications.unread')}`)) : null))))) : null;
  const account = user ? h('div', { class: 'account' },
    h('span', { class: 'who' }, user.name, h('span', { class: 'role' }, ` · ${t(`role.${user.role}` as MessageKey)}`)),
    h('a', { href: '/two-factor', 'aria-current': path === '/two-factor' ? 'page' : null }, t('shell.twoFactor')),
    h('button', { type: 'button', class: 'link-button', onclick: async () => {
      await logout();
      resetReference();
      navigate('/');
    } }, t('shell.logout'))) : null;
  // on a phone the navigation and tools fold behind one button, so the screen starts near the top
  const panel = h('div', { class: 'menu-panel', id: 'site-menu' }, navEl, h('div', { class: 'tools' }, languageSwitcher(), account));
  const unread = nav.reduce((n, item) => n + (item.count ?? 0), 0);
  const toggle = h('button', { type: 'button', class: 'menu-toggle secondary', 'aria-expanded': 'false', 'aria-controls': 'site-menu', onclick: () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    panel.classList.toggle('open', open);
  } }, t('shell.menu'), unread ? h('span', { class: 'count-badge' }, formatNumber(unread), h('span', { class: 'visually-hidden' }, ` ${t('notifications.unread')}`)) : null);
  return h('header', { class: 'banner' },
    h('a', { href: '/', class: 'brand' }, h('img', { src: '/favicon.svg', alt: '', width: 28, height: 28 }), h('span', {}, 'Oogst')),
    toggle, panel);
}

/** Draw the shell (once per route) and return the main element to put the view in. */
export async function drawShell(): Promise<HTMLElement> {
  mainEl = h('main', { id: 'main', tabindex: -1 });
  const announcer = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'announcer' });
  const footer = h('footer', { class: 'site-footer' }, h('p', {}, t('shell.footer')));
  replace(root(), h('a', { href: '#main', class: 'skip-link' }, t('shell.skip')), await banner(), mainEl, footer, announcer);
  root().removeAttribute('aria-live');
  return mainEl;
}

export const mainElement = () => mainEl;
