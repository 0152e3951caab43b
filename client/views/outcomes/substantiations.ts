// Substantiation of an outcome: the verdicts of independent people and the conclusion; for the
// programme's evaluators also who was asked, entering an answer, and a link to send.
import { h, newId } from '../../core/dom';
import { api, post, put } from '../../core/api';
import { formatDate, formatDateTime, t } from '../../core/i18n';
import { me } from '../../core/session';
import { markdownBlock } from '../../core/markdown';
import type { Outcome } from '../../core/outcome-model';
import { statusLabel } from '../../components/badges';
import { openDialog, dialogError } from '../../components/dialog';
import { radios } from '../../components/field';
import { errorMessage } from '../../core/errors';
import type { MessageKey } from '../../i18n/en';

type Verdict = 'agree' | 'partly' | 'disagree' | 'unknown';
type Answer = { description: Verdict; significance: Verdict; contribution: Verdict; comments?: string; answeredOn?: string };
type Substantiation = { id: string; status: 'pending' | 'answered'; independent: boolean; substantiator?: { name: string; relationship: string; contact?: string } | null; answer: Answer | null; createdAt: string };
type Reply = { items: Substantiation[]; conclusion?: { status: string; reasoning: string | null; at: string } | null };

const PARTS = ['description', 'significance', 'contribution'] as const;
const VERDICTS: Verdict[] = ['agree', 'partly', 'disagree', 'unknown'];
const verdict = (v: Verdict) => h('span', { class: `verdict verdict-${v}` }, t(`verdict.${v}` as MessageKey));

function card(o: Outcome, s: Substantiation, reviewer: boolean, refresh: () => void): HTMLElement {
  const person = s.substantiator ? h('p', {}, h('strong', {}, s.substantiator.name), ` — ${s.substantiator.relationship}`, s.substantiator.contact ? ` · ${s.substantiator.contact}` : '') : null;
  const answer = s.answer ? h('dl', { class: 'verdicts' }, PARTS.flatMap((p) => [h('dt', {}, t(`form.${p}`)), h('dd', {}, verdict(s.answer![p]))])) : h('p', { class: 'muted' }, t('subst.pending'));
  const tools = reviewer && o.status === 'under_review' ? h('div', { class: 'actions' },
    s.status === 'pending' ? h('button', { type: 'button', class: 'secondary small', onclick: () => enterAnswer(o, s, refresh) }, t('subst.enter')) : null,
    s.status === 'pending' ? h('button', { type: 'button', class: 'secondary small', onclick: () => makeLink(o, s) }, t('subst.link')) : null) : null;
  return h('li', { class: 'card' }, person, h('p', { class: 'meta' }, s.independent ? t('subst.independent') : t('subst.notIndependent'), ' · ', formatDateTime(s.createdAt)),
    answer, s.answer?.comments ? markdownBlock(s.answer.comments) : null, s.answer?.answeredOn ? h('p', { class: 'meta' }, t('subst.answeredOn', { date: formatDate(s.answer.answeredOn) })) : null, tools);
}

function enterAnswer(o: Outcome, s: Substantiation, refresh: () => void): void {
  const today = new Date().toISOString().slice(0, 10);
  const commentsId = newId('subst-comments');
  const dateId = newId('subst-date');
  const body = h('div', {}, PARTS.map((p) => h('fieldset', { class: 'field inline-choices' }, h('legend', {}, t(`subst.question.${p}` as MessageKey)),
    radios(`verdict-${p}`, VERDICTS.map((v) => ({ value: v, label: t(`verdict.${v}` as MessageKey) })), ''))),
    h('div', { class: 'field' }, h('label', { for: commentsId }, t('subst.comments')), h('textarea', { id: commentsId, rows: 3, dir: 'auto' })),
    h('div', { class: 'field' }, h('label', { for: dateId }, t('subst.answeredOnLabel')), h('input', { id: dateId, type: 'date', value: today })));
  openDialog(t('subst.enter'), body, t('common.save'), async (form) => {
    const pick = (p: string) => form.querySelector<HTMLInputElement>(`input[name="verdict-${p}"]:checked`)?.value;
    if (PARTS.some((p) => !pick(p))) return dialogError(form, t('subst.allVerdicts')), false;
    const comments = (form.querySelector(`#${commentsId}`) as HTMLTextAreaElement).value.trim();
    try {
      await put(`/api/outcomes/${o.id}/substantiations/${s.id}`, { description: pick('description'), significance: pick('significance'), contribution: pick('contribution'),
        answeredOn: (form.querySelector(`#${dateId}`) as HTMLInputElement).value || today, ...(comments && { comments }) });
      refresh();
      return true;
    } catch (e) {
      return dialogError(form, errorMessage(e)), false;
    }
  });
}

async function makeLink(o: Outcome, s: Substantiation): Promise<void> {
  try {
    const link = await post<{ url: string; expiresAt: string }>(`/api/outcomes/${o.id}/substantiations/${s.id}/link`, {});
    const url = /^https?:/.test(link.url) ? link.url : `${location.origin}${link.url}`;
    const id = newId('link');
    openDialog(t('subst.linkTitle'), h('div', {}, h('p', {}, t('subst.linkHint', { date: formatDateTime(link.expiresAt) })),
      h('div', { class: 'field' }, h('label', { for: id }, t('subst.linkLabel')), h('input', { id, type: 'text', readonly: true, value: url, onfocus: (e: Event) => (e.target as HTMLInputElement).select() }))),
    t('subst.copy'), async () => {
      await navigator.clipboard?.writeText(url).catch(() => undefined);
      return true;
    });
  } catch (e) {
    alert(errorMessage(e));
  }
}

function requestForm(o: Outcome, refresh: () => void): HTMLElement {
  const ids = { name: newId('s-name'), rel: newId('s-rel'), contact: newId('s-contact'), ind: newId('s-ind') };
  const status = h('p', { role: 'status', class: 'form-feedback' });
  const form = h('form', { class: 'subst-form', novalidate: true },
    h('p', { class: 'hint' }, t('subst.personal')),
    h('div', { class: 'field' }, h('label', { for: ids.name }, t('subst.name')), h('input', { id: ids.name, type: 'text', required: true, dir: 'auto' })),
    h('div', { class: 'field' }, h('label', { for: ids.rel }, t('subst.relationship')), h('input', { id: ids.rel, type: 'text', required: true, dir: 'auto' })),
    h('div', { class: 'field' }, h('label', { for: ids.contact }, t('subst.contact')), h('input', { id: ids.contact, type: 'text', dir: 'auto' })),
    h('div', { class: 'choice' }, h('input', { id: ids.ind, type: 'checkbox', checked: true }), h('label', { for: ids.ind }, t('subst.independentLabel'))),
    h('button', { type: 'submit', class: 'primary' }, t('subst.ask')), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const val = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    if (!val(ids.name) || !val(ids.rel)) return void (status.textContent = t('err.required'));
    try {
      await post(`/api/outcomes/${o.id}/substantiations`, { substantiator: { name: val(ids.name), relationship: val(ids.rel), ...(val(ids.contact) && { contact: val(ids.contact) }) },
        independent: (form.querySelector(`#${ids.ind}`) as HTMLInputElement).checked });
      refresh();
    } catch (err) {
      status.textContent = errorMessage(err);
    }
  });
  return h('details', { class: 'add-substantiation' }, h('summary', {}, t('subst.ask')), form);
}

export async function substantiationSection(o: Outcome): Promise<HTMLElement | null> {
  const reply = await api<Reply>(`/api/outcomes/${o.id}/substantiations?pageSize=200`);
  if (!reply) return null;
  const user = me();
  const reviewer = !!user && (user.role === 'evaluator' || user.role === 'admin');
  const section = h('section', { class: 'detail-section', 'aria-labelledby': 'subst-title' });
  const refresh = () => void substantiationSection(o).then((next) => next && section.replaceWith(next));
  const conclusion = reply.conclusion ? h('div', { class: 'conclusion' }, h('p', {}, h('strong', {}, t('subst.conclusion')), ' ', statusLabel(reply.conclusion.status)),
    reply.conclusion.reasoning ? markdownBlock(reply.conclusion.reasoning) : null) : null;
  section.append(...[h('h2', { id: 'subst-title' }, t('subst.title')), conclusion,
    reply.items.length ? h('ul', { class: 'cards' }, reply.items.map((s) => card(o, s, reviewer, refresh))) : h('p', { class: 'muted' }, t('subst.none')),
    reviewer && o.status === 'under_review' ? requestForm(o, refresh) : null].filter((n): n is HTMLElement => !!n));
  return section;
}
