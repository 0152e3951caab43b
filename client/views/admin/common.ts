// Shared pieces of the admin screens: the form submit loop that puts problem+json errors on their
// fields, and the single-use set-password link shown once for the admin to copy.
import { h } from '../../core/dom';
import { ApiError, type ProblemPath } from '../../core/api';
import { formatDateTime, t } from '../../core/i18n';
import { showErrors, type FieldBox } from '../../components/field';
import { errorMessage } from '../../core/errors';

export type Link = { url: string; expiresAt: string };
export const val = (f: FieldBox) => (f.control as HTMLInputElement).value.trim();

export function choose(options: Array<{ value: string; label: string }>, value = '', empty = true): HTMLSelectElement {
  return h('select', {}, empty ? h('option', { value: '' }, t('form.choose')) : null,
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
}

export function errorSummary(): HTMLElement {
  return h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
}

/** Wires a form's submit to `action`; errors from the API land on the fields that their paths name. */
export function onSubmit(form: HTMLFormElement, summary: HTMLElement, fields: FieldBox[], action: () => Promise<void>, local?: () => ProblemPath[]): void {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const found = local?.() ?? [];
    if (found.length) return showErrors(summary, fields, found);
    showErrors(summary, fields, []);
    try {
      await action();
    } catch (err) {
      showErrors(summary, fields, err instanceof ApiError && err.errors.length ? err.errors : [{ path: '/', message: errorMessage(err) }]);
    }
  });
}

/** The link, absolute, in a read-only field with a copy button (it is shown only this once). */
/** A single-use link to pass on by hand: the set-password link, or the two-factor set-up link. */
export function linkBox(link: Link, kind: 'set-password' | 'two-factor' = 'set-password'): HTMLElement {
  const url = new URL(link.url, location.origin).href;
  const id = `${kind}-link`;
  const input = h('input', { id, type: 'text', readonly: true, value: url, dir: 'ltr', 'aria-describedby': `${id}-hint` });
  const done = h('span', { role: 'status', class: 'meta' });
  return h('div', { class: 'notice', id: `${kind}-box` },
    h('h2', {}, t(kind === 'two-factor' ? 'admin.link.twoFactorTitle' : 'admin.link.title')),
    h('label', { for: id }, t('admin.link.label')),
    h('p', { class: 'hint', id: `${id}-hint` }, t('admin.link.hint', { time: formatDateTime(link.expiresAt) })),
    input, ' ',
    h('button', { type: 'button', class: 'secondary small', onclick: async () => {
      input.select();
      try { await navigator.clipboard.writeText(url); done.textContent = t('admin.link.copied'); } catch { done.textContent = t('admin.link.selectToCopy'); }
    } }, t('admin.link.copy')), ' ', done);
}
