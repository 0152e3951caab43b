// A failed request or action in the reader's words, and the inline alert that shows it next to
// the control that failed.
import { h } from './dom';
import { t } from './i18n';
import { ApiError } from './api';

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return t('error.offline');
    if (e.status === 403) return t('error.forbidden');
    if (e.status === 404) return t('error.notFound');
    if (e.status === 409) return t('error.conflict');
    if (e.status === 413) return t('error.tooLarge');
    // a draft submitted with elements missing: its page lists them
    if (e.code === 'incomplete') return t('error.incomplete');
    if (e.status === 429) return t('error.rateLimited');
    if (e.status >= 500) return t('error.server');
  }
  return t('error.unexpected');
}

/** An inline alert for a failed action, next to the control that failed. */
export function alertBox(message: string): HTMLElement {
  return h('div', { class: 'alert', role: 'alert' }, message);
}
