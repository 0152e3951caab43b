// Scoring a period of a rubric: the period, the level (each one with its descriptor, so the scorer
// reads what the level means as they choose it), the reason for the score, the evidence it rests
// on, a note, and — for those who validate — the status. Kept on this device as it is typed; the
// server's refusals land on their fields. The same fields correct a score (scoreFields).
import { h, newId, replace } from '../../core/dom';
import { ApiError, post, type ProblemPath } from '../../core/api';
import { t } from '../../core/i18n';
import type { Me } from '../../core/session';
import { mayValidate, type Indicator, type IndicatorValue } from '../../core/indicator-model';
import { levelDescriptor, levelName, type EvidenceItem } from '../../core/rubric-model';
import { field, fieldset, radios, showErrors, type FieldBox } from '../../components/field';
import { findingsOf, reviewList } from '../../components/disclosure-review';
import { keptDraft } from '../../components/kept-draft';
import { statusLabel } from '../../components/badges';
import { errorMessage } from '../../core/errors';
import { evidencePicker } from './rubric-evidence-picker';

type Draft = { periodStart: string; periodEnd: string; level: string; reason: string; note: string; status: string; evidence: EvidenceItem[] };
export type ScoreFields = { boxes: FieldBox[]; all: () => FieldBox[]; read: () => Draft; body: (withStatus: boolean) => Record<string, unknown>; local: () => ProblemPath[] };

/** The server's rubric rules (server/indicators/rubric.ts) in the interface language, by their code. */
export function localiseScore(e: ProblemPath): ProblemPath {
  const key = e.code === 'not_a_level' ? 'rubric.err.level' : e.code === 'unknown_evidence' ? 'rubric.err.evidence' : e.code === 'required' && e.path.endsWith('/reason') ? 'rubric.err.reason'
    : e.code === 'exists' ? 'ind.err.exists' : e.code === 'period_order' ? 'ind.err.periodOrder' : e.code === 'validate_role' ? 'ind.err.validate' : null;
  return key ? { ...e, message: t(key) } : e;
}

const value = (f: FieldBox) => (f.control as HTMLInputElement | HTMLTextAreaElement).value.trim();

/** The fields of one score, started from `d`; `withPeriod` false when a correction keeps the period. */
export function scoreFields(i: Indicator, d: Draft, opts: { withPeriod: boolean; withStatus: boolean }): ScoreFields {
  const levels = i.levels ?? [];
  const date = (v: string) => h('input', { type: 'date', dir: 'ltr', value: v });
  const start = field('/periodStart', t('ind.periodStart'), date(d.periodStart), { required: true });
  const end = field('/periodEnd', t('ind.periodEnd'), date(d.periodEnd), { required: true });
  const level = fieldset('/value', t('rubric.level'), radios(newId('level'), levels.map((l) => ({ value: String(l.level), label: levelName(levels, l.level), hint: levelDescriptor(l) })), d.level),
    { required: true, className: 'rubric-levels' });
  const reason = field('/reason', t('rubric.reason'), h('textarea', { rows: 5, dir: 'auto' }, d.reason), { required: true, hint: t('rubric.reasonHint') });
  const note = field('/note', t('ind.note'), h('input', { type: 'text', maxlength: 2000, dir: 'auto', value: d.note }));
  const status = field('/status', t('ind.status'), h('select', {}, (['draft', 'validated'] as const).map((s) => h('option', { value: s, selected: d.status === s }, statusLabel(s)))));
  const evidence = evidencePicker(i, d.evidence);
  const boxes = [...(opts.withPeriod ? [start, end] : []), level, reason, evidence.box, note, ...(opts.withStatus ? [status] : [])];
  const read = (): Draft => ({
    periodStart: value(start), periodEnd: value(end), level: level.box.querySelector<HTMLInputElement>('input:checked')?.value ?? '',
    reason: value(reason), note: value(note), status: value(status), evidence: evidence.read(),
  });
  return {
    boxes, read,
    all: () => [...boxes, ...evidence.fields()],
    body: (withStatus) => {
      const r = read();
      return {
        ...(opts.withPeriod && { periodStart: r.periodStart, periodEnd: r.periodEnd }), value: Number(r.level), reason: r.reason,
        evidence: r.evidence.map(({ kind, id }) => ({ kind, id })), ...(r.note ? { note: r.note } : !opts.withPeriod ? { note: null } : {}), ...(withStatus && { status: r.status }),
      };
    },
    local: () => {
      const r = read();
      const missing = (path: string, empty: boolean) => (empty ? [{ path, message: 'is required', code: 'required' }] : []);
      return [...(opts.withPeriod ? [...missing('/periodStart', !r.periodStart), ...missing('/periodEnd', !r.periodEnd)] : []),
        ...missing('/value', !r.level), ...missing('/reason', !r.reason)];
    },
  };
}

export const draftOf = (v?: IndicatorValue): Draft => ({
  periodStart: v?.periodStart ?? '', periodEnd: v?.periodEnd ?? '', level: v ? String(v.value) : '', reason: v?.reason ?? '', note: v?.note ?? '',
  status: v?.status ?? 'draft', evidence: v?.evidence ?? [],
});

export function scoreForm(i: Indicator, user: Me, onSaved: () => void): HTMLElement {
  const withStatus = mayValidate(user, i);
  const section = h('section', { class: 'detail-section', 'aria-labelledby': 'rubric-score-title' });
  const feedback = h('p', { class: 'form-feedback', role: 'status' });
  // drawn afresh after each saved score, so the next one starts empty
  const render = () => {
    const kept = keptDraft<Draft>(user.id, `rubric-score:${i.id}`, draftOf());
    const fields = scoreFields(i, kept.start, { withPeriod: true, withStatus });
    const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
    const submit = h('button', { type: 'submit', class: 'primary' }, t('rubric.saveScore'));
    // a validated score's reason is read by donors: what it holds of its evidence's personal data is reviewed first
    const review = reviewList();
    const form = h('form', { class: 'entry-form rubric-score-form', novalidate: true, 'aria-labelledby': 'rubric-score-title' },
      summary, h('div', { class: 'dated-fields' }, fields.boxes.slice(0, 2).map((b) => b.box)), fields.boxes.slice(2).map((b) => b.box),
      review.element, h('div', { class: 'form-actions' }, submit), feedback, kept.status);
    const keep = kept.watch(form, fields.read);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      keep();
      const local = fields.local();
      if (local.length) return showErrors(summary, fields.all(), local.map(localiseScore));
      showErrors(summary, fields.all(), []);
      submit.disabled = true;
      feedback.textContent = t('form.saving');
      try {
        const confirmed = review.confirmed();
        await post(`/api/indicators/${i.id}/values`, { ...fields.body(withStatus), ...(confirmed.length && { confirmed }) });
        kept.clear();
        render();
        feedback.textContent = t('rubric.scoreSaved'); // a status region: read out once, and it stays in view
        onSaved();
      } catch (err) {
        feedback.textContent = '';
        const findings = findingsOf(err);
        if (findings) review.show(findings);
        else if (err instanceof ApiError && err.errors.length) showErrors(summary, fields.all(), err.errors.map(localiseScore));
        else feedback.textContent = err instanceof ApiError && err.status === 0 ? t('ind.offline') : errorMessage(err);
      } finally {
        submit.disabled = false;
      }
    });
    replace(section, h('h2', { id: 'rubric-score-title' }, t('rubric.scoreTitle')), h('p', { class: 'hint' }, t('rubric.scoreHint')), kept.notice, form);
  };
  render();
  return section;
}
