// The dated parts of the indicator form: the baseline (value, date, note) and the targets as rows
// added and removed in place. Each input is a FieldBox with its JSON path, so the API's errors
// (`/targets/1/date`) land on it.
import { h, newId } from '../../core/dom';
import { t } from '../../core/i18n';
import { field, fieldset, type FieldBox } from '../../components/field';
import type { Dated } from '../../core/indicator-model';

export type DatedInputs = { value: FieldBox; date: FieldBox; note: FieldBox };
const num = (v: number | undefined) => h('input', { type: 'number', step: 'any', inputmode: 'decimal', dir: 'ltr', value: v === undefined ? '' : String(v) });

function datedInputs(path: string, d: Partial<Dated> | null, rowName?: string): DatedInputs {
  const suffix = rowName ? ` (${rowName})` : '';
  return {
    value: field(`${path}/value`, `${t('ind.value')}${suffix}`, num(d?.value)),
    date: field(`${path}/date`, `${t('ind.date')}${suffix}`, h('input', { type: 'date', dir: 'ltr', value: d?.date ?? '' })),
    note: field(`${path}/note`, `${t('ind.note')}${suffix}`, h('input', { type: 'text', dir: 'auto', maxlength: 300, value: d?.note ?? '' })),
  };
}

const read = (f: FieldBox) => (f.control as HTMLInputElement).value.trim();

/** A dated value from its inputs: null when all are empty; the value stays a string until checked. */
export function readDated(d: DatedInputs): { value: string; date: string; note: string } | null {
  const out = { value: read(d.value), date: read(d.date), note: read(d.note) };
  return out.value || out.date || out.note ? out : null;
}

export function toDated(d: { value: string; date: string; note: string }): Dated {
  return { value: Number(d.value), date: d.date, ...(d.note && { note: d.note }) };
}

/** Checks the browser can make: a dated value needs a number and a date. */
export function datedErrors(path: string, d: { value: string; date: string } | null): Array<{ path: string; message: string }> {
  if (!d) return [];
  const errors: Array<{ path: string; message: string }> = [];
  if (!d.value || !Number.isFinite(Number(d.value))) errors.push({ path: `${path}/value`, message: 'is required' });
  if (!d.date) errors.push({ path: `${path}/date`, message: 'is required' });
  return errors;
}

export function baselineFields(b: Dated | null): { box: FieldBox; inputs: DatedInputs } {
  const inputs = datedInputs('/baseline', b);
  const box = fieldset('/baseline', t('ind.baseline'), h('div', { class: 'dated-fields' }, inputs.value.box, inputs.date.box, inputs.note.box), { hint: t('ind.baselineHint') });
  return { box, inputs };
}

export type TargetsEditor = { box: FieldBox; fields: () => FieldBox[]; read: () => Array<{ value: string; date: string; note: string } | null> };

export function targetsEditor(initial: Dated[], onChange: () => void): TargetsEditor {
  const list = h('ol', { class: 'target-rows' });
  const rows: Array<{ li: HTMLElement; inputs: DatedInputs }> = [];
  const add = (d: Partial<Dated> | null, focus = false) => {
    const k = rows.length;
    const inputs = datedInputs(`/targets/${k}`, d, t('ind.targetN', { n: k + 1 }));
    const li = h('li', { class: 'target-row' }, h('div', { class: 'dated-fields' }, inputs.value.box, inputs.date.box, inputs.note.box),
      h('button', { type: 'button', class: 'secondary small', onclick: () => {
        const drafts = rows.map((r) => readDated(r.inputs));
        drafts.splice(rows.findIndex((r) => r.li === li), 1);
        redraw(drafts);
        onChange();
        addButton.focus();
      } }, t('ind.removeTarget'), h('span', { class: 'visually-hidden' }, ` ${t('ind.targetN', { n: k + 1 })}`)));
    rows.push({ li, inputs });
    list.append(li);
    if (focus) (inputs.value.control as HTMLInputElement).focus();
  };
  // rows are redrawn after a removal so that every path and label again says its position
  const redraw = (drafts: Array<{ value: string; date: string; note: string } | null>) => {
    rows.splice(0).forEach((r) => r.li.remove());
    drafts.forEach((d) => add(d ? { value: d.value === '' ? undefined : Number(d.value), date: d.date, note: d.note } : null));
  };
  const addButton = h('button', { type: 'button', class: 'secondary', id: newId('add-target'), onclick: () => { add(null, true); onChange(); } }, t('ind.addTarget'));
  initial.forEach((d) => add(d));
  const box = fieldset('/targets', t('ind.targets'), h('div', {}, list, addButton), { hint: t('ind.targetsHint') });
  return {
    box,
    fields: () => rows.flatMap((r) => [r.inputs.value, r.inputs.date, r.inputs.note]),
    read: () => rows.map((r) => readDated(r.inputs)),
  };
}
