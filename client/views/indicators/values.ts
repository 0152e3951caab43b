// An indicator's values as a paged table (latest period first), with a status filter for those who
// see drafts, and — for those who may change the indicator — per value: validate a draft, correct
// it, or withdraw it. A rubric's values are its scores: the level by name, the reason, the number
// of records it rests on, corrected with the score's own fields. The server decides; its refusals
// are shown above the table.
import { findingsOf, reviewList } from '../../components/disclosure-review';
import { h, newId, replace } from '../../core/dom';
import { api, ApiError, del, patch, qs, type List } from '../../core/api';
import { formatNumber, t } from '../../core/i18n';
import type { Me } from '../../core/session';
import { breakdownLabel, isRubric, mayManage, mayValidate, periodLabel, type Indicator, type IndicatorValue } from '../../core/indicator-model';
import { levelName } from '../../core/rubric-model';
import { statusBadge, statusLabel } from '../../components/badges';
import { openDialog, dialogError } from '../../components/dialog';
import { pager } from '../../components/pager';
import { announce } from '../../core/page';
import { errorMessage } from '../../core/errors';
import { showErrors } from '../../components/field';
import { draftOf, localiseScore, scoreFields } from './rubric-score-form';

const PAGE_SIZE = 25;

export type ValuesSection = { element: HTMLElement; reload: () => Promise<void> };

/** The visible verb and, for screen readers, which value it acts on. */
const actionButton = (label: string, about: string, onclick: () => void) =>
  h('button', { type: 'button', class: 'secondary small', onclick }, label, h('span', { class: 'visually-hidden' }, `: ${about}`));

/** A score is corrected with the fields it was entered with; its period stays. */
function correctScoreDialog(i: Indicator, v: IndicatorValue, done: () => void): void {
  const fields = scoreFields(i, draftOf(v), { withPeriod: false, withStatus: false });
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
  const review = reviewList();
  const body = h('div', {}, h('p', { class: 'meta' }, periodLabel(v.periodStart, v.periodEnd)), summary, fields.boxes.map((b) => b.box), review.element);
  openDialog(t('rubric.correctTitle'), body, t('common.save'), async (form) => {
    const local = fields.local();
    if (local.length) return showErrors(summary, fields.all(), local.map(localiseScore)), false;
    try {
      const confirmed = review.confirmed();
      await patch(`/api/indicators/${i.id}/values/${v.id}`, { ...fields.body(false), ...(confirmed.length && { confirmed }) });
      announce(t('ind.corrected'));
      done();
      return true;
    } catch (e) {
      const findings = findingsOf(e);
      if (findings) review.show(findings);
      else if (e instanceof ApiError && e.errors.length) showErrors(summary, fields.all(), e.errors.map(localiseScore));
      else dialogError(form, errorMessage(e));
      return false;
    }
  });
}

/** Validating a score whose reason holds personal data of its evidence: each finding is reviewed in a dialog first. */
function reviewScoreDialog(i: Indicator, v: IndicatorValue, findings: NonNullable<ReturnType<typeof findingsOf>>, done: () => void): void {
  const review = reviewList();
  review.show(findings);
  openDialog(t('ind.validate'), h('div', {}, h('p', { class: 'meta' }, periodLabel(v.periodStart, v.periodEnd)), review.element), t('ind.validate'), async (form) => {
    try {
      await patch(`/api/indicators/${i.id}/values/${v.id}`, { status: 'validated', confirmed: review.confirmed() });
      announce(t('ind.validated'));
      done();
      return true;
    } catch (e) {
      const again = findingsOf(e);
      if (again) review.show(again);
      else dialogError(form, errorMessage(e));
      return false;
    }
  });
}

function correctDialog(i: Indicator, v: IndicatorValue, done: () => void): void {
  if (isRubric(i)) return correctScoreDialog(i, v, done);
  const valueId = newId('correct-value');
  const noteId = newId('correct-note');
  const body = h('div', {},
    h('p', { class: 'meta' }, periodLabel(v.periodStart, v.periodEnd), Object.keys(v.disaggregation).length ? ` · ${breakdownLabel(v.disaggregation)}` : ''),
    h('div', { class: 'field' }, h('label', { for: valueId }, `${t('ind.value')} (${i.unit})`),
      h('input', { id: valueId, name: 'value', type: 'number', step: 'any', required: true, value: String(v.value), dir: 'ltr' })),
    h('div', { class: 'field' }, h('label', { for: noteId }, t('ind.note')),
      h('input', { id: noteId, name: 'note', type: 'text', maxlength: 2000, dir: 'auto', value: v.note ?? '' })));
  openDialog(t('ind.correctTitle'), body, t('common.save'), async (form) => {
    const value = (form.elements.namedItem('value') as HTMLInputElement).valueAsNumber;
    if (!Number.isFinite(value)) {
      dialogError(form, t('ind.err.number'));
      return false;
    }
    const note = (form.elements.namedItem('note') as HTMLInputElement).value.trim();
    try {
      await patch(`/api/indicators/${i.id}/values/${v.id}`, { value, note: note || null });
      announce(t('ind.corrected'));
      done();
      return true;
    } catch (e) {
      dialogError(form, errorMessage(e));
      return false;
    }
  });
}

function withdrawDialog(i: Indicator, v: IndicatorValue, done: () => void): void {
  const shown = isRubric(i) ? levelName(i.levels ?? [], v.value) : formatNumber(v.value);
  openDialog(t('ind.withdrawTitle'), h('p', {}, t('ind.withdrawHint', { period: periodLabel(v.periodStart, v.periodEnd), value: shown })), t('ind.withdraw'), async (form) => {
    try {
      await del(`/api/indicators/${i.id}/values/${v.id}`);
      announce(t('ind.withdrawn'));
      done();
      return true;
    } catch (e) {
      dialogError(form, errorMessage(e));
      return false;
    }
  });
}

export async function valuesSection(i: Indicator, user: Me | null, onChange: () => void): Promise<ValuesSection> {
  const writer = mayManage(user, i);
  const validator = mayValidate(user, i);
  const broken = i.disaggregations.length > 0;
  let page = 1;
  const region = h('div', { class: 'ind-values' });
  const problem = h('div', {});
  const statusFilter = h('select', { id: 'ind-values-status' }, h('option', { value: '' }, t('filters.any')),
    (['draft', 'validated'] as const).map((s) => h('option', { value: s }, statusLabel(s))));

  const reload = async () => {
    region.setAttribute('aria-busy', 'true');
    try {
      const list = await api<List<IndicatorValue>>(`/api/indicators/${i.id}/values${qs({ sort: '-periodEnd', status: statusFilter.value, page, pageSize: PAGE_SIZE })}`);
      if (!list.items.length && page > 1) { page -= 1; return void (await reload()); }
      replace(region, list.items.length ? table(list) : h('div', { class: 'empty-state' }, h('p', {}, t('ind.noValues'))),
        pager(list, (next) => { page = next; void reload(); }));
    } catch (e) {
      replace(region, h('p', { class: 'alert', role: 'alert' }, errorMessage(e)));
    } finally {
      region.removeAttribute('aria-busy');
    }
  };
  const changed = () => { replace(problem); onChange(); void reload(); };

  async function validate(v: IndicatorValue): Promise<void> {
    replace(problem);
    try {
      await patch(`/api/indicators/${i.id}/values/${v.id}`, { status: 'validated' });
      announce(t('ind.validated'));
      changed();
    } catch (e) {
      const findings = findingsOf(e);
      if (findings) reviewScoreDialog(i, v, findings, changed);
      else replace(problem, h('p', { class: 'alert', role: 'alert' }, errorMessage(e)));
    }
  }

  function actions(v: IndicatorValue): HTMLElement {
    const about = [periodLabel(v.periodStart, v.periodEnd), broken ? breakdownLabel(v.disaggregation) : ''].filter(Boolean).join(', ');
    const draft = v.status === 'draft';
    return h('td', { class: 'row-actions' },
      validator && draft ? actionButton(t('ind.validate'), about, () => void validate(v)) : null,
      draft || validator ? actionButton(t('ind.correct'), about, () => correctDialog(i, v, changed)) : null,
      draft ? actionButton(t('ind.withdraw'), about, () => withdrawDialog(i, v, changed)) : null);
  }

  const rubric = isRubric(i);
  /** A rubric's reason, shortened: the whole of it is in the table of scores above. */
  const reasonCell = (v: IndicatorValue) => h('td', { dir: 'auto' }, (v.reason ?? '').length > 140 ? `${v.reason!.slice(0, 139)}…` : v.reason ?? '',
    ' ', h('span', { class: 'meta' }, t('rubric.evidenceCount', { count: v.evidence?.length ?? 0 })));

  function table(list: List<IndicatorValue>): HTMLElement {
    const cols = [t('ind.period'), rubric ? t('rubric.level') : t('ind.value'), broken ? t('ind.breakdown') : null, rubric ? t('rubric.reason') : null,
      t('ind.status'), t('ind.note'), writer ? t('ind.col.actions') : null].filter((c): c is string => !!c);
    return h('div', { class: 'table-wrap', role: 'region', tabindex: 0, 'aria-labelledby': 'ind-values-caption' }, h('table', { class: 'data-table values-table' },
      h('caption', { id: 'ind-values-caption' }, rubric ? t('rubric.valuesCaption', { count: list.total }) : t('ind.valuesCaption', { count: list.total, unit: i.unit })),
      h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, list.items.map((v) => h('tr', { 'data-value-id': v.id },
        h('th', { scope: 'row' }, periodLabel(v.periodStart, v.periodEnd)),
        rubric ? h('td', {}, levelName(i.levels ?? [], v.value)) : h('td', { class: 'num' }, formatNumber(v.value, { maximumFractionDigits: 3 })),
        broken ? h('td', {}, breakdownLabel(v.disaggregation)) : null,
        rubric ? reasonCell(v) : null,
        h('td', {}, statusBadge(v.status)),
        h('td', { dir: 'auto' }, v.note ?? ''),
        writer ? actions(v) : null)))));
  }

  statusFilter.addEventListener('change', () => { page = 1; void reload(); });
  await reload();
  const element = h('section', { class: 'detail-section', 'aria-labelledby': 'ind-values-title' },
    h('h2', { id: 'ind-values-title' }, t('ind.values')),
    user?.role !== 'donor' ? h('div', { class: 'field inline' }, h('label', { for: statusFilter.id }, t('ind.status')), statusFilter) : null,
    problem, region);
  return { element, reload };
}
