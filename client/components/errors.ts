// What a screen shows when it cannot be drawn: not found (or not visible), no connection, a bug.
import { h } from '../core/dom';
import { t } from '../core/i18n';
import { ApiError } from '../core/api';
import { setTitle } from '../core/page';
import { errorMessage } from '../core/errors';

export function notFoundView(): HTMLElement {
  setTitle(t('error.notFoundTitle'));
  return h('section', { class: 'empty-state' },
    h('h1', {}, t('error.notFoundTitle')), h('p', {}, t('error.notFound')), h('p', {}, h('a', { href: '/' }, t('error.home'))));
}

export function errorView(e: unknown): HTMLElement {
  if (e instanceof ApiError && e.status === 404) return notFoundView();
  setTitle(t('error.title'));
  return h('section', { class: 'empty-state' }, h('h1', {}, t('error.title')), h('p', { role: 'alert' }, errorMessage(e)),
    h('p', {}, h('button', { type: 'button', onclick: () => location.reload() }, t('common.retry'))));
}
