// Lifecycle buttons for stories and fragments (draft → submitted → published, or back to draft
// with a reason), and the withdrawal of consent, which erases the record for good.
import { h, newId } from '../core/dom';
import { ApiError, post } from '../core/api';
import { t } from '../core/i18n';
import { me } from '../core/session';
import { navigate } from '../core/router';
import type { Can } from '../core/outcome-model';
import type { RecordStatus } from '../core/story-model';
import { dialogError, openDialog } from './dialog';
import { findingsOf, reviewList } from './disclosure-review';
import { missingLabel } from './still-missing';
import { errorMessage } from '../core/errors';
import { announce } from '../core/page';
import type { MessageKey } from '../i18n/en';

export function recordActions(base: string, r: { id: string; status: RecordStatus; organisation: { id: string }; can?: Can<RecordStatus> }, editHref: string | null, onMoved: () => void): HTMLElement | null {
  const user = me();
  const moves = r.can?.transitions ?? [];
  const mayWithdraw = !!user && user.role !== 'donor' && (user.organisation.id === r.organisation.id || user.role === 'evaluator' || user.role === 'admin');
  const buttons = moves.map((m) => h('button', { type: 'button', class: m.to === 'draft' ? 'secondary' : 'primary', onclick: () => {
    const id = newId('c');
    const box = h('textarea', { id, rows: 4, dir: 'auto' });
    const review = reviewList();
    const field = h('div', { class: 'field' }, h('label', { for: id }, m.comment ? t('move.commentRequired') : t('move.commentOptional')), box);
    openDialog(t(`recordMove.${m.to}` as MessageKey), [field, review.element], t('move.confirm'), async (form) => {
      if (m.comment && !box.value.trim()) return dialogError(form, t('err.commentRequired')), false;
      try {
        const confirmed = review.confirmed();
        await post(`${base}/${r.id}/transitions`, { to: m.to, ...(box.value.trim() && { comment: box.value.trim() }), ...(confirmed.length && { confirmed }) });
        announce(t('move.done', { status: t(`status.${m.to}` as MessageKey) }));
        onMoved();
        return true;
      } catch (e) {
        const findings = findingsOf(e);
        if (findings) return review.show(findings), dialogError(form, t('disclosure.error')), false;
        // an incomplete draft: what is missing, named as the form names it
        const missing = e instanceof ApiError && e.code === 'incomplete' ? ` ${e.errors.map((x) => missingLabel(x.path)).join(', ')}` : '';
        return dialogError(form, `${errorMessage(e)}${missing}`), false;
      }
    });
  } }, t(`recordMove.${m.to}` as MessageKey)));
  const withdraw = mayWithdraw ? h('button', { type: 'button', class: 'secondary danger', onclick: () => {
    const id = newId('reason');
    openDialog(t('consent.withdrawTitle'), h('div', {}, h('p', { class: 'alert' }, t('consent.withdrawWarning')),
      h('div', { class: 'field' }, h('label', { for: id }, t('consent.withdrawReason')), h('textarea', { id, rows: 3, dir: 'auto' }))), t('consent.withdrawConfirm'), async (form) => {
      try {
        const reason = (form.querySelector(`#${id}`) as HTMLTextAreaElement).value.trim();
        await post(`${base}/${r.id}/consent/withdraw`, reason ? { reason } : {});
        announce(t('consent.withdrawn'));
        navigate(base.replace('/api', ''));
        return true;
      } catch (e) {
        return dialogError(form, errorMessage(e)), false;
      }
    });
  } }, t('consent.withdraw')) : null;
  const edit = editHref ? h('a', { href: editHref, class: 'button secondary' }, t('detail.edit')) : null;
  if (!buttons.length && !withdraw && !edit) return null;
  return h('div', { class: 'actions', role: 'group', 'aria-label': t('detail.actions') }, edit, buttons, withdraw);
}
