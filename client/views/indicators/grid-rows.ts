// One row of the value-entry grid: period, value, one control per breakdown the indicator declares,
// note and (for those who validate) status. Each control is named by its column header and its row
// header, and described by its own error and the row's, so an error read out says where it is.
import { h, newId } from '../../core/dom';
import { countryOptions, t } from '../../core/i18n';
import { SEXES, breakdownName, breakdownValue, type Indicator, type ValueStatus } from '../../core/indicator-model';
import { statusLabel } from '../../components/badges';

export type RowDraft = { periodStart: string; periodEnd: string; value: string; disaggregation: Record<string, string>; note: string; status: ValueStatus };
export type Control = HTMLInputElement | HTMLSelectElement;
export type Cell = { key: string; control: Control; error: HTMLElement; column: string };
export type GridRow = { tr: HTMLTableRowElement; label: HTMLElement; rowError: HTMLElement; cells: Cell[]; removeName: HTMLElement; remove: HTMLButtonElement };
export type Column = { key: string; label: string; headerId: string };

export const blankRow = (): RowDraft => ({ periodStart: '', periodEnd: '', value: '', disaggregation: {}, note: '', status: 'draft' });

export const isBlank = (r: RowDraft) => !r.periodStart && !r.periodEnd && !r.value.trim() && !r.note.trim() && !Object.values(r.disaggregation).some((v) => v.trim());

/** The grid's columns for this indicator; the header ids name the controls below them. */
export function columnsOf(i: Indicator, withStatus: boolean): Column[] {
  const col = (key: string, label: string): Column => ({ key, label, headerId: newId('grid-col') });
  return [
    col('periodStart', t('ind.periodStart')), col('periodEnd', t('ind.periodEnd')), col('value', t('ind.valueIn', { unit: i.unit })),
    ...i.disaggregations.map((k) => col(`disaggregation/${k}`, breakdownName(k))),
    col('note', t('ind.note')), ...(withStatus ? [col('status', t('ind.status'))] : []),
  ];
}

function controlFor(key: string, draft: RowDraft): Control {
  if (key === 'periodStart' || key === 'periodEnd') return h('input', { type: 'date', value: draft[key], dir: 'ltr' });
  if (key === 'value') return h('input', { type: 'number', step: 'any', inputmode: 'decimal', value: draft.value, dir: 'ltr' });
  if (key === 'note') return h('input', { type: 'text', maxlength: 2000, dir: 'auto', value: draft.note });
  if (key === 'status') return h('select', {}, (['draft', 'validated'] as const).map((s) => h('option', { value: s, selected: draft.status === s }, statusLabel(s))));
  const dkey = key.slice('disaggregation/'.length);
  const current = draft.disaggregation[dkey] ?? '';
  const options = (values: Array<{ value: string; label: string }>) => h('select', {}, h('option', { value: '' }, t('ind.noBreakdown')),
    values.map((o) => h('option', { value: o.value, selected: o.value === current }, o.label)));
  if (dkey === 'country') return options(countryOptions().map((c) => ({ value: c.code, label: c.name })));
  if (dkey === 'sex') return options(SEXES.map((s) => ({ value: s, label: breakdownValue('sex', s) })));
  return h('input', { type: 'text', maxlength: 100, dir: 'auto', value: current });
}

export function makeRow(columns: Column[], draft: RowDraft, onRemove: (row: GridRow) => void): GridRow {
  const labelId = newId('grid-row');
  const rowErrorId = `${labelId}-error`;
  const label = h('span', { id: labelId });
  const rowError = h('p', { class: 'field-error', id: rowErrorId, hidden: true });
  const cells: Cell[] = columns.map((c) => {
    const control = controlFor(c.key, draft);
    const error = h('p', { class: 'field-error', id: newId('grid-error'), hidden: true });
    control.id = newId('grid-f');
    control.setAttribute('aria-labelledby', `${c.headerId} ${labelId}`);
    control.setAttribute('aria-describedby', `${error.id} ${rowErrorId}`);
    control.setAttribute('data-key', c.key);
    return { key: c.key, control, error, column: c.label };
  });
  const removeName = h('span', { class: 'visually-hidden' });
  const remove = h('button', { type: 'button', class: 'secondary small' }, t('ind.removeRow'), removeName);
  const tr = h('tr', {}, h('th', { scope: 'row' }, label, rowError), cells.map((c) => h('td', {}, c.error, c.control)), h('td', {}, remove));
  const row: GridRow = { tr, label, rowError, cells, removeName, remove };
  remove.addEventListener('click', () => onRemove(row));
  return row;
}

export function readRow(row: GridRow): RowDraft {
  const out = blankRow();
  for (const c of row.cells) {
    const v = c.control.value;
    if (c.key.startsWith('disaggregation/')) { if (v.trim()) out.disaggregation[c.key.slice(15)] = v.trim(); }
    else if (c.key === 'status') out.status = v as ValueStatus;
    // a number input reads '' for text it cannot parse: keep it visible as not-a-number, not as empty
    else if (c.key === 'value' && (c.control as HTMLInputElement).validity.badInput) out.value = '?';
    else out[c.key as 'periodStart' | 'periodEnd' | 'value' | 'note'] = v;
  }
  return out;
}

/** What the API receives for a row: numbers as numbers, empty breakdowns and notes left out. */
export function toValue(r: RowDraft, withStatus: boolean): Record<string, unknown> {
  return {
    periodStart: r.periodStart, periodEnd: r.periodEnd, value: Number(r.value),
    ...(Object.keys(r.disaggregation).length && { disaggregation: r.disaggregation }),
    ...(r.note.trim() && { note: r.note.trim() }), ...(withStatus && { status: r.status }),
  };
}

/** The browser's own checks (the server checks everything again): what is needed, and a number. */
export function localRowErrors(r: RowDraft): Array<{ key: string; message: string; code: string }> {
  const errors: Array<{ key: string; message: string; code: string }> = [];
  if (!r.periodStart) errors.push({ key: 'periodStart', message: 'is required', code: 'required' });
  if (!r.periodEnd) errors.push({ key: 'periodEnd', message: 'is required', code: 'required' });
  if (!r.value.trim()) errors.push({ key: 'value', message: 'is required', code: 'required' });
  else if (!Number.isFinite(Number(r.value))) errors.push({ key: 'value', message: 'must be number', code: 'type' });
  return errors;
}
