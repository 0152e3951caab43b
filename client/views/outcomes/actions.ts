// The lifecycle buttons of an outcome for the current user: submit, take into review, conclude,
// publish, return, retract — each confirmed in a dialog, with a comment where the rule needs one.
import { h, newId } from '../../core/dom';
import { ApiError, post } from '../../core/api';
import { t } from '../../core/i18n';
import type { Outcome, Status } from '../../core/outcome-model';
import { dialogError, openDialog } from '../../components/dialog';
import { findingsOf, reviewList } from '../../components/disclosure-review';
import { localiseMessage } from '../../components/field';
import { missingLabel } from '../../components/still-missing';
import { announce } from '../../core/page';
import { errorMessage } from '../../core/errors';
import type { MessageKey } from '../../i18n/en';

export function outcomeActions(o: Outcome, onMoved: (next: Outcome) => void): HTMLElement | null {
  const moves = o.can?.transitions ?? [];
  const edit = o.can?.edit ? h('a', { href: `/outcomes/${o.id}/edit`, class: 'button secondary' }, t('detail.edit')) : null;
  if (!moves.length && !edit) return null;
  const button = (to: Status, comment: boolean) => h('button', {
    type: 'button', class: to === 'retracted' || to === 'draft' ? 'secondary' : 'primary', 'data-move': to,
    onclick: () => confirmMove(o, to, comment, onMoved),
  }, t(`move.${to}${o.status === 'published' && to === 'under_review' ? 'Again' : ''}` as MessageKey));
  return h('div', { class: 'actions', role: 'group', 'aria-label': t('detail.actions') }, edit, moves.map((m) => button(m.to, m.comment)));
}

function confirmMove(o: Outcome, to: Status, needsComment: boolean, onMoved: (next: Outcome) => void): void {
  const id = newId('move-comment');
  const textarea = h('textarea', { id, name: 'comment', rows: 5, dir: 'auto', 'aria-required': needsComment ? 'true' : null, 'aria-describedby': `${id}-hint` });
  const body = h('div', { class: 'field' },
    h('label', { for: id }, needsComment ? t('move.commentRequired') : t('move.commentOptional')),
    h('p', { class: 'hint', id: `${id}-hint` }, t(`move.hint.${to}` as MessageKey)), textarea);
  const review = reviewList();
  openDialog(t(`move.${to}` as MessageKey), [body, review.element], t('move.confirm'), async (form) => {
    const comment = textarea.value.trim();
    if (needsComment && !comment) {
      dialogError(form, t('err.commentRequired'));
      textarea.setAttribute('aria-invalid', 'true');
      textarea.focus();
      return false;
    }
    try {
      const confirmed = review.confirmed();
      const next = await post<Outcome>(`/api/outcomes/${o.id}/transitions`, { to, ...(comment && { comment }), ...(confirmed.length && { confirmed }) });
      announce(t('move.done', { status: t(`status.${to}` as MessageKey) }));
      onMoved(next);
      return true;
    } catch (e) {
      const findings = findingsOf(e);
      if (findings) return review.show(findings), dialogError(form, t('disclosure.error')), false;
      // an incomplete draft: what is missing, named as the form names it
      const detail = e instanceof ApiError && e.code === 'incomplete' ? e.errors.map((x) => missingLabel(x.path)).join(', ')
        : e instanceof ApiError && e.errors.length ? e.errors.map((x) => localiseMessage(x.message, x.code)).join(' ') : '';
      dialogError(form, `${errorMessage(e)} ${detail}`.trim());
      return false;
    }
  });
}
