// The evidence list of an outcome: documents, links and informants, added and removed in place.
// Informants' names and contacts are personal data; the hint says so where they are typed.
import { h, newId } from '../core/dom';
import { t } from '../core/i18n';
import type { EvidenceItem } from '../core/outcome-model';
import type { MessageKey } from '../i18n/en';

type Kind = EvidenceItem['kind'];
const FIELDS: Record<Kind, Array<{ key: keyof EvidenceItem; type: string; required?: boolean; personal?: boolean }>> = {
  document: [{ key: 'title', type: 'text', required: true }, { key: 'url', type: 'url' }, { key: 'date', type: 'date' }],
  link: [{ key: 'title', type: 'text', required: true }, { key: 'url', type: 'url', required: true }],
  informant: [{ key: 'role', type: 'text', required: true }, { key: 'name', type: 'text', personal: true }, { key: 'contact', type: 'text', personal: true }],
};

export type EvidenceEditor = { element: HTMLElement; get: () => EvidenceItem[]; pathOf: (index: number) => string };

export function evidenceEditor(initial: EvidenceItem[], onChange: () => void): EvidenceEditor {
  const list = h('ol', { class: 'evidence-list' });
  const rows: Array<{ li: HTMLElement; read: () => EvidenceItem }> = [];

  const addRow = (item: EvidenceItem, focus = false) => {
    const kindId = newId('ev-kind');
    const kind = h('select', { id: kindId }, (['document', 'link', 'informant'] as Kind[]).map((k) =>
      h('option', { value: k, selected: k === item.kind }, t(`evidence.${k}` as MessageKey))));
    const inputs = h('div', { class: 'evidence-fields' });
    let values: EvidenceItem = { ...item };
    const draw = () => {
      inputs.replaceChildren(...FIELDS[kind.value as Kind].map((f) => {
        const id = newId(`ev-${f.key}`);
        const input = h('input', { id, type: f.type, value: (values[f.key] as string | undefined) ?? '', dir: f.type === 'text' ? 'auto' : null, 'aria-required': f.required ? 'true' : null });
        input.addEventListener('input', () => { values = { ...values, [f.key]: input.value }; });
        return h('div', { class: 'field' }, h('label', { for: id }, t(`evidence.field.${f.key}` as MessageKey),
          f.required ? h('span', { class: 'required' }, ` (${t('form.required')})`) : null),
          f.personal ? h('p', { class: 'hint' }, t('evidence.personal')) : null, input);
      }));
    };
    kind.addEventListener('change', () => { draw(); onChange(); });
    draw();
    const li = h('li', { class: 'evidence-row', 'data-path': '' },
      h('div', { class: 'field' }, h('label', { for: kindId }, t('evidence.kind')), kind), inputs,
      h('button', { type: 'button', class: 'secondary small', onclick: () => {
        const i = rows.findIndex((r) => r.li === li);
        rows.splice(i, 1);
        li.remove();
        renumber();
        onChange();
        addButton.focus();
      } }, t('evidence.remove')));
    rows.push({ li, read: () => {
      const k = kind.value as Kind;
      const out: EvidenceItem = { kind: k };
      for (const f of FIELDS[k]) {
        const v = (values[f.key] as string | undefined)?.trim();
        if (v) (out as Record<string, string>)[f.key] = v;
      }
      return out;
    } });
    list.append(li);
    renumber();
    if (focus) kind.focus();
  };
  const renumber = () => rows.forEach((r, i) => r.li.setAttribute('data-path', `/evidence/${i}`));
  const addButton = h('button', { type: 'button', class: 'secondary', onclick: () => { addRow({ kind: 'document' }, true); onChange(); } }, t('evidence.add'));
  initial.forEach((item) => addRow(item));
  return {
    element: h('div', { class: 'evidence-editor' }, list, addButton),
    get: () => rows.map((r) => r.read()),
    pathOf: (i) => `/evidence/${i}`,
  };
}
