// What a screen shows when it cannot be drawn: not found (or not visible), no connection, a bug.
import { h } from '../core/dom';
import { t } from '../core/i18n';
import { ApiError } from '../core/api';
import { setTitle } from './shell';

export function notFoundView(): HTMLElement {
  setTitle(t('error.notFoundTitle'));
  return h('section', { class: 'empty-state' },
    h('h1', {}, t('error.notFoundTitle')), h('p', {}, t('error.notFound')), h('p', {}, h('a', { href: '/' }, t('error.home'))));
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return t('error.offline');
    if (e.status === 403) return t('error.forbidden');
    if (e.status === 404) return t('error.notFound');
    if (e.status === 409) return t('error.conflict');
    if (e.status === 413) return t('error.tooLarge');
    if (e.status === 429) return t('error.rateLimited');
    if (e.status >= 500) return t('error.server');
  }
  return t('error.unexpected');
}

export function errorView(e: unknown): HTMLElement {
  if (e instanceof ApiError && e.status === 404) return notFoundView();
  setTitle(t('error.title'));
  return h('section', { class: 'empty-state' }, h('h1', {}, t('error.title')), h('p', { role: 'alert' }, errorMessage(e)),
    h('p', {}, h('button', { type: 'button', onclick: () => location.reload() }, t('common.retry'))));
}

/** An inline alert for a failed action, next to the control that failed. */
export function alertBox(message: string): HTMLElement {
  return h('div', { class: 'alert', role: 'alert' }, message);
}
