// The review conversation on an outcome: every transition and comment in order (with the
// evaluator's reasons), and a box to add to the thread. Outsiders (donors, other organisations)
// get only when it was published and taken back for correction: the section says so.
import { h, newId } from '../../core/dom';
import { api, post } from '../../core/api';
import { formatDateTime, t } from '../../core/i18n';
import { me } from '../../core/session';
import { markdownBlock } from '../../core/markdown';
import { statusLabel } from '../../components/badges';
import { errorMessage } from '../../core/errors';
import type { MessageKey } from '../../i18n/en';

type Actor = { id?: string; name?: string | null; role?: string | null };
type Entry = { type: 'transition' | 'comment'; at: string; from?: string | null; to?: string; comment?: string | null; body?: string; actor?: Actor };

const who = (a?: Actor) => a?.name ?? (a?.role ? t(`role.${a.role}` as MessageKey) : t('common.someone'));

function entry(e: Entry): HTMLElement {
  const when = h('time', { datetime: e.at }, formatDateTime(e.at));
  if (e.type === 'comment') {
    return h('li', { class: 'history-comment' }, h('p', { class: 'meta' }, h('strong', {}, who(e.actor)), ' · ', when), markdownBlock(e.body ?? ''));
  }
  const what = e.from ? t('history.moved', { from: statusLabel(e.from), to: statusLabel(e.to ?? '') }) : t('history.created');
  return h('li', { class: 'history-transition' }, h('p', { class: 'meta' }, h('strong', {}, who(e.actor)), ' · ', what, ' · ', when),
    e.comment ? markdownBlock(e.comment) : null);
}

/** The review thread and history for those who take part in the review (they get the record unredacted); the publication moves for others. */
export async function discussionSection(outcomeId: string, organisationId: string, insider: boolean): Promise<HTMLElement | null> {
  const history = await api<{ items: Entry[] }>(`/api/outcomes/${outcomeId}/history`);
  if (!history) return null;
  const list = h('ol', { class: 'history' }, history.items.map(entry));
  const user = me();
  if (!insider) {
    return h('section', { class: 'detail-section', 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, t('history.publishedTitle')), history.items.length ? list : h('p', { class: 'muted' }, t('history.none')));
  }
  const mayComment = user && user.role !== 'donor' && (user.role !== 'partner' || user.organisation.id === organisationId);
  let form: HTMLElement | null = null;
  if (mayComment) {
    const id = newId('comment');
    const box = h('textarea', { id, rows: 3, dir: 'auto', required: true });
    const status = h('p', { role: 'status', class: 'form-feedback' });
    form = h('form', { class: 'comment-form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: id }, t('history.addComment')), box),
      h('button', { type: 'submit', class: 'primary' }, t('history.send')), status);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (!box.value.trim()) return void (status.textContent = t('err.commentRequired'));
      try {
        const c = await post<{ body: string; author?: Actor; createdAt: string }>(`/api/outcomes/${outcomeId}/comments`, { body: box.value });
        list.append(entry({ type: 'comment', at: c.createdAt, body: c.body, actor: c.author }));
        box.value = '';
        status.textContent = t('history.sent');
      } catch (e) {
        status.textContent = errorMessage(e);
      }
    });
  }
  return h('section', { class: 'detail-section', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, t('history.title')),
    history.items.length ? list : h('p', { class: 'muted' }, t('history.none')), form);
}
