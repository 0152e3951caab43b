// What opens when a mark is chosen on a chart: the outcome with its rendered markdown and its
// evidence, in a dialog that returns focus to the chart when closed.
import { h } from '../core/dom';
import { api } from '../core/api';
import { countryName, t } from '../core/i18n';
import { markdownBlock } from '../core/markdown';
import { categoryLabel, goalLabel } from '../core/reference';
import { whenOf, type Outcome } from '../core/outcome-model';
import { statusBadge } from '../components/badges';
import { errorMessage } from '../core/errors';
import type { MessageKey } from '../i18n/en';

export async function openRecord(id: string): Promise<void> {
  const opener = document.activeElement as HTMLElement | null;
  const body = h('div', { class: 'record-body' }, h('p', {}, t('common.loading')));
  const close = h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('common.close'));
  const dialog = h('dialog', { class: 'dialog record-dialog', 'aria-labelledby': 'record-title' }, h('h2', { id: 'record-title' }, t('common.loading')), body, h('div', { class: 'form-actions' }, close));
  dialog.addEventListener('close', () => { dialog.remove(); opener?.focus(); });
  document.body.append(dialog);
  dialog.showModal();
  try {
    const o = await api<Outcome>(`/api/outcomes/${encodeURIComponent(id)}`);
    const title = dialog.querySelector('#record-title')!;
    title.textContent = o.title;
    title.setAttribute('lang', o.language);
    title.setAttribute('dir', 'auto');
    body.replaceChildren(
      h('p', { class: 'meta' }, statusBadge(o.status), ' ', whenOf(o), ' · ',
        [o.location.adminArea, countryName(o.location.country)].filter(Boolean).join(', ') || t('draft.notYet'), ' · ', categoryLabel(o.changeType), ' · ', o.organisation.name),
      h('h3', {}, t('detail.what')), markdownBlock(o.description, o.language),
      h('h3', {}, t('form.significance')), markdownBlock(o.significance, o.language),
      h('h3', {}, t('form.contribution')), markdownBlock(o.contribution, o.language),
      h('h3', {}, t('detail.goals')), h('ul', {}, o.goals.map((g) => h('li', {}, goalLabel(g.code)))),
      h('h3', {}, t('form.section.evidence')),
      (o.evidence ?? []).length ? h('ul', {}, (o.evidence ?? []).map((e) => h('li', {}, `${t(`evidence.${e.kind}` as MessageKey)}: ${e.title ?? e.role ?? ''}`))) : h('p', { class: 'muted' }, t('detail.noEvidence')),
      h('p', {}, h('a', { href: `/outcomes/${o.id}` }, t('dash.openRecord'))));
    close.focus();
  } catch (e) {
    body.replaceChildren(h('p', { role: 'alert' }, errorMessage(e)));
  }
}
