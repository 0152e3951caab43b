// The safety net of every record form: what is typed is kept on this device as it is typed, and
// offered back when the form opens again (after a reload, a lost connection or a new login).
import { debounce, h } from '../core/dom';
import { formatDateTime, t } from '../core/i18n';
import { clearDraft, loadDraft, saveDraft } from '../core/draft-store';
import { navigate } from '../core/router';

export type Kept<T> = { start: T; status: HTMLElement; notice: HTMLElement | null; watch: (form: HTMLFormElement, collect: () => T) => () => void; clear: () => void };

export function keptDraft<T extends object>(userId: string, key: string, base: T, baseUpdatedAt?: string): Kept<T> {
  const kept = loadDraft<T>(userId, key);
  const status = h('p', { class: 'autosave' });
  const notice = kept ? h('div', { class: 'notice', role: 'status' },
    h('p', {}, t('form.restored', { time: formatDateTime(kept.savedAt) })),
    kept.baseUpdatedAt && baseUpdatedAt && kept.baseUpdatedAt !== baseUpdatedAt ? h('p', {}, t('form.restoredStale')) : null,
    h('button', { type: 'button', class: 'secondary small', onclick: () => { clearDraft(userId, key); navigate(location.pathname, { replace: true }); } }, t('form.discard'))) : null;
  return {
    start: kept ? { ...base, ...kept.value } : base, status, notice,
    watch: (form, collect) => {
      const keep = () => {
        if (saveDraft(userId, key, collect(), baseUpdatedAt)) status.textContent = t('form.keptAt', { time: formatDateTime(new Date().toISOString()) });
      };
      const later = debounce(keep, 400);
      form.addEventListener('input', later);
      form.addEventListener('change', later);
      return keep;
    },
    clear: () => clearDraft(userId, key),
  };
}
