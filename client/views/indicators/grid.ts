// The value-entry grid: several values typed at once and sent as ONE array (the server saves all
// or none). A refusal lands on the row and field its path names (`/1/value` → row 2's value), in
// a summary with links at the top, and nothing typed is lost; the rows are also kept on this device
// as they are typed, so a dropped connection or session loses nothing either.
import { debounce, h, replace } from '../../core/dom';
import { ApiError, post, type ProblemPath } from '../../core/api';
import { formatDateTime, t } from '../../core/i18n';
import type { Me } from '../../core/session';
import { clearDraft, loadDraft, saveDraft } from '../../core/draft-store';
import { mayValidate, type Indicator } from '../../core/indicator-model';
import { localiseMessage } from '../../components/field';
import type { MessageKey } from '../../i18n/en';
import { blankRow, columnsOf, isBlank, localRowErrors, makeRow, readRow, toValue, type Cell, type GridRow, type RowDraft } from './grid-rows';
import { announce } from '../../core/page';
import { errorMessage } from '../../core/errors';

type Placed = { row: GridRow | null; cell: Cell | null; message: string };

/** Server messages in the interface language, by their code (server/indicators/rules.ts); a row number the server counts from 0 becomes the grid's. */
const GRID_CODES: Record<string, MessageKey> = {
  period_order: 'ind.err.periodOrder', exists: 'ind.err.exists', not_a_number: 'ind.err.number', type: 'ind.err.number', // the only typed field a row sends is the value
  not_allowed: 'ind.err.sex', unknown_breakdown: 'ind.err.breakdown', validate_role: 'ind.err.validate', not_whole: 'ind.err.whole',
};

function localise(message: string, rowNumber: (sent: number) => number | null, code?: string): string {
  if (code === 'duplicate_row') {
    const first = Number(/(\d+)$/.exec(message)?.[1] ?? NaN);
    return t('ind.err.duplicate', { row: rowNumber(first) ?? first + 1 });
  }
  if (code && GRID_CODES[code]) return t(GRID_CODES[code]);
  return localiseMessage(message, code);
}

export function entryGrid(i: Indicator, user: Me, onSaved: () => void): HTMLElement {
  const withStatus = mayValidate(user, i);
  const columns = columnsOf(i, withStatus);
  const draftKey = `indicator-values:${i.id}`;
  const kept = loadDraft<RowDraft[]>(user.id, draftKey);
  const rows: GridRow[] = [];
  const body = h('tbody', {});
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
  const feedback = h('p', { class: 'form-feedback', role: 'status' });
  const keptStatus = h('p', { class: 'autosave' });

  const collect = () => rows.map(readRow);
  const keep = () => {
    const drafts = collect();
    if (drafts.every(isBlank)) return clearDraft(user.id, draftKey);
    if (saveDraft(user.id, draftKey, drafts)) keptStatus.textContent = t('form.keptAt', { time: formatDateTime(new Date().toISOString()) });
  };
  const keepLater = debounce(keep, 400);

  const renumber = () => rows.forEach((r, k) => {
    r.label.textContent = t('ind.rowN', { n: k + 1 });
    r.removeName.textContent = ` ${t('ind.rowN', { n: k + 1 })}`;
    r.remove.disabled = rows.length === 1;
  });
  const removeRow = (row: GridRow) => {
    const k = rows.indexOf(row);
    rows.splice(k, 1);
    row.tr.remove();
    renumber();
    keep();
    announce(t('ind.rowRemoved'));
    (rows[k] ?? rows[k - 1])?.cells[0].control.focus();
  };
  const addRow = (draft: RowDraft, focus = false) => {
    const row = makeRow(columns, draft, removeRow);
    rows.push(row);
    body.append(row.tr);
    renumber();
    if (focus) row.cells[0].control.focus();
  };
  const reset = (drafts: RowDraft[]) => {
    rows.splice(0).forEach((r) => r.tr.remove());
    (drafts.length ? drafts : [blankRow()]).forEach((d) => addRow(d));
  };

  function clearErrors(): void {
    rows.forEach((r) => {
      r.rowError.hidden = true;
      r.rowError.textContent = '';
      r.cells.forEach((c) => { c.error.hidden = true; c.error.textContent = ''; c.control.removeAttribute('aria-invalid'); });
    });
    summary.hidden = true;
    replace(summary);
  }

  function show(placed: Placed[], note: string): void {
    clearErrors();
    const items = placed.map((p) => {
      const target = p.cell?.control ?? p.row?.cells[0].control ?? null;
      if (p.cell) {
        p.cell.error.hidden = false;
        p.cell.error.textContent = [p.cell.error.textContent, p.message].filter(Boolean).join(' ');
        p.cell.control.setAttribute('aria-invalid', 'true');
      } else if (p.row) {
        p.row.rowError.hidden = false;
        p.row.rowError.textContent = [p.row.rowError.textContent, p.message].filter(Boolean).join(' ');
        p.row.cells.slice(0, 2).forEach((c) => c.control.setAttribute('aria-invalid', 'true'));
      }
      const where = [p.row ? t('ind.rowN', { n: rows.indexOf(p.row) + 1 }) : null, p.cell?.column].filter(Boolean).join(', ');
      const text = where ? `${where}: ${p.message}` : p.message;
      return h('li', {}, target ? h('a', { href: `#${target.id}`, onclick: (e: Event) => { e.preventDefault(); target.focus(); } }, text) : text);
    });
    summary.hidden = false;
    replace(summary, h('h2', {}, t('form.errorSummary', { count: placed.length })), h('p', {}, note), h('ul', {}, items));
    summary.focus();
  }

  /** `/1/disaggregation/country` → the grid row sent second and its country control. */
  function place(errors: ProblemPath[], sent: GridRow[]): Placed[] {
    const rowNumber = (k: number) => (sent[k] ? rows.indexOf(sent[k]) + 1 : null);
    return errors.map((e) => {
      const m = /^\/(\d+)(?:\/(.*))?$/.exec(e.path);
      const row = m ? sent[Number(m[1])] ?? null : null;
      const key = m?.[2] ?? '';
      // an undeclared breakdown or the whole row (a duplicate period) has no cell: the row shows it
      const cell = row?.cells.find((c) => key === c.key || key.startsWith(`${c.key}/`)) ?? null;
      return { row, cell, message: localise(e.message, rowNumber, e.code) };
    });
  }

  async function save(): Promise<void> {
    keep(); // whatever happens next, the rows are on this device
    const drafts = collect();
    const sent = rows.filter((_, k) => !isBlank(drafts[k]));
    if (!sent.length) return show([{ row: rows[0], cell: rows[0].cells[2], message: t('ind.err.noRows') }], t('ind.noneSaved'));
    const local = sent.flatMap((r) => localRowErrors(readRow(r)).map((e) => ({ row: r, cell: r.cells.find((c) => c.key === e.key) ?? null, message: localise(e.message, () => null, e.code) })));
    if (local.length) return show(local, t('ind.noneSaved'));
    clearErrors();
    submit.disabled = true;
    feedback.textContent = t('form.saving');
    try {
      const res = await post<{ total: number }>(`/api/indicators/${i.id}/values`, sent.map((r) => toValue(readRow(r), withStatus)));
      clearDraft(user.id, draftKey);
      reset([]);
      keptStatus.textContent = '';
      feedback.textContent = t('ind.saved', { count: res.total }); // a status region: read out once, and it stays in view
      onSaved();
    } catch (e) {
      feedback.textContent = '';
      if (e instanceof ApiError && e.errors.length) show(place(e.errors, sent), t('ind.noneSaved'));
      else show([{ row: null, cell: null, message: e instanceof ApiError && e.status === 0 ? t('ind.offline') : errorMessage(e) }], t('ind.noneSaved'));
    } finally {
      submit.disabled = false;
    }
  }

  const submit = h('button', { type: 'submit', class: 'primary' }, t('ind.saveValues'));
  const add = h('button', { type: 'button', class: 'secondary', onclick: () => {
    // a new row starts with the period of the last one: several breakdowns of one period are typical
    const last = rows.at(-1) ? readRow(rows.at(-1)!) : blankRow();
    addRow({ ...blankRow(), periodStart: last.periodStart, periodEnd: last.periodEnd }, true);
    keep();
  } }, t('ind.addRow'));
  const form = h('form', { class: 'entry-form', novalidate: true, 'aria-labelledby': 'ind-entry-title' },
    summary,
    h('div', { class: 'table-wrap', role: 'region', tabindex: 0, 'aria-labelledby': 'ind-entry-caption' }, h('table', { class: 'data-table entry-grid' },
      h('caption', { id: 'ind-entry-caption' }, t('ind.gridCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('ind.row')), columns.map((c) => h('th', { scope: 'col', id: c.headerId }, c.label)),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('ind.col.actions'))))),
      body)),
    h('div', { class: 'form-actions' }, add, submit), feedback, keptStatus);
  form.addEventListener('input', keepLater);
  form.addEventListener('change', keepLater);
  form.addEventListener('submit', (e) => { e.preventDefault(); void save(); });
  reset(kept?.value ?? []);

  const restored = kept ? h('div', { class: 'notice', role: 'status' }, h('p', {}, t('ind.restored', { time: formatDateTime(kept.savedAt) })),
    h('button', { type: 'button', class: 'secondary small', onclick: () => { clearDraft(user.id, draftKey); reset([]); restored?.remove(); clearErrors(); } }, t('form.discard'))) : null;
  return h('section', { class: 'detail-section', 'aria-labelledby': 'ind-entry-title' },
    h('h2', { id: 'ind-entry-title' }, t('ind.enterTitle')), h('p', { class: 'hint' }, t('ind.enterHint')), restored, form);
}
