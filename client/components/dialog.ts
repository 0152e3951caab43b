// A modal dialog on the native <dialog> element (focus is kept inside, Escape closes), used to
// confirm a transition with its comment.
import { h, newId, type Child } from '../core/dom';
import { t } from '../core/i18n';

export function openDialog(title: string, body: Child, confirmLabel: string, onConfirm: (form: HTMLFormElement) => Promise<boolean>): void {
  const titleId = newId('dlg');
  const error = h('div', { class: 'form-error', role: 'alert' });
  const form = h('form', { method: 'dialog', novalidate: true }, h('h2', { id: titleId }, title), body, error,
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, confirmLabel),
      h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('common.cancel'))));
  const dialog = h('dialog', { 'aria-labelledby': titleId, class: 'dialog' }, form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      if (await onConfirm(form)) dialog.close();
    } catch (err) {
      error.textContent = err instanceof Error ? err.message : String(err);
    }
  });
  const opener = document.activeElement as HTMLElement | null;
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
}

export function dialogError(form: HTMLFormElement, message: string): void {
  const box = form.querySelector('[role=alert]');
  if (box) box.textContent = message;
}
