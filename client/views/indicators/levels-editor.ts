// The scale of a rubric in the indicator form: its levels from the lowest (1) to the highest, each
// a label and a descriptor in English, with French, Arabic and Dutch under a disclosure (a
// language left empty reads the English). Rows are added and removed in place (2 to 7 levels) and
// renumbered, so every path (/levels/2/descriptor) again names its row. Once a period is scored
// the scale is locked: the English stays, the translations may still be written.
import { h, newId } from '../../core/dom';
import { languageName, t } from '../../core/i18n';
import { field, fieldset, type FieldBox } from '../../components/field';
import { TRANSLATIONS, type Level, type LevelTexts } from '../../core/rubric-model';

export const MIN_LEVELS = 2;
export const MAX_LEVELS = 7;
type Row = { li: HTMLElement; label: FieldBox; descriptor: FieldBox; labels: Record<string, FieldBox>; descriptors: Record<string, FieldBox> };
export type LevelsEditor = { box: FieldBox; fields: () => FieldBox[]; read: () => Level[] };

const text = (f: FieldBox) => (f.control as HTMLInputElement | HTMLTextAreaElement).value.trim();
const texts = (boxes: Record<string, FieldBox>): LevelTexts => Object.fromEntries(TRANSLATIONS.map((l) => [l, text(boxes[l])]).filter(([, v]) => v));
const blank = (level: number): Level => ({ level, label: '', descriptor: '' });

export function levelsEditor(initial: Level[], locked: boolean): LevelsEditor {
  const list = h('ol', { class: 'level-rows' });
  const rows: Row[] = [];

  const makeRow = (l: Level, k: number): Row => {
    const n = k + 1;
    const input = (path: string, label: string, value: string, attrs: Record<string, string | boolean> = {}) =>
      field(path, label, h('input', { type: 'text', maxlength: 120, dir: 'auto', value, readonly: locked && !path.includes('/labels/'), ...attrs }), { required: !path.includes('/labels/') });
    const area = (path: string, label: string, value: string, attrs: Record<string, string | boolean> = {}) =>
      field(path, label, h('textarea', { rows: 2, maxlength: 2000, dir: 'auto', readonly: locked && !path.includes('/descriptors/'), ...attrs }, value), { required: !path.includes('/descriptors/') });
    const label = input(`/levels/${k}/label`, t('rubric.levelLabel', { n }), l.label);
    const descriptor = area(`/levels/${k}/descriptor`, t('rubric.levelDescriptor', { n }), l.descriptor);
    const labels: Record<string, FieldBox> = {};
    const descriptors: Record<string, FieldBox> = {};
    for (const lang of TRANSLATIONS) {
      const attrs = { lang, dir: lang === 'ar' ? 'rtl' : 'ltr' };
      labels[lang] = input(`/levels/${k}/labels/${lang}`, t('rubric.levelLabelIn', { n, language: languageName(lang) }), l.labels?.[lang] ?? '', attrs);
      descriptors[lang] = area(`/levels/${k}/descriptors/${lang}`, t('rubric.levelDescriptorIn', { n, language: languageName(lang) }), l.descriptors?.[lang] ?? '', attrs);
    }
    const translated = TRANSLATIONS.filter((x) => l.labels?.[x] || l.descriptors?.[x]).length;
    const li = h('li', { class: 'level-row' },
      h('h3', {}, t('rubric.levelN', { n })), label.box, descriptor.box,
      h('details', { open: locked }, h('summary', {}, t('rubric.translations', { count: translated })),
        TRANSLATIONS.map((x) => h('div', { class: 'level-translation' }, labels[x].box, descriptors[x].box))),
      locked ? null : h('button', { type: 'button', class: 'secondary small', onclick: () => remove(li) }, t('rubric.removeLevel'), h('span', { class: 'visually-hidden' }, ` ${n}`)));
    return { li, label, descriptor, labels, descriptors };
  };

  const read = (): Level[] => rows.map((r, k) => ({
    level: k + 1, label: text(r.label), descriptor: text(r.descriptor),
    ...(Object.keys(texts(r.labels)).length && { labels: texts(r.labels) }), ...(Object.keys(texts(r.descriptors)).length && { descriptors: texts(r.descriptors) }),
  }));
  // rows are drawn again after a change so that every number, path and label says its position
  const redraw = (levels: Level[]) => {
    rows.splice(0).forEach((r) => r.li.remove());
    levels.forEach((l, k) => { const r = makeRow(l, k); rows.push(r); list.append(r.li); });
    addButton.hidden = locked || rows.length >= MAX_LEVELS;
    list.querySelectorAll<HTMLButtonElement>('.level-row > button').forEach((b) => { b.disabled = rows.length <= MIN_LEVELS; });
  };
  const remove = (li: HTMLElement) => {
    const levels = read();
    levels.splice(rows.findIndex((r) => r.li === li), 1);
    redraw(levels);
    addButton.focus();
  };
  const addButton = h('button', { type: 'button', class: 'secondary', id: newId('add-level'), onclick: () => {
    redraw([...read(), blank(rows.length + 1)]);
    (rows.at(-1)!.label.control as HTMLInputElement).focus();
  } }, t('rubric.addLevel'));
  redraw(initial.length ? initial : [1, 2, 3, 4].map(blank));
  const box = fieldset('/levels', t('rubric.scale'), h('div', {}, locked ? h('p', { class: 'notice' }, t('rubric.locked')) : null, list, addButton),
    { hint: t('rubric.levelsHint') });
  return {
    box, read,
    fields: () => rows.flatMap((r) => [r.label, r.descriptor, ...TRANSLATIONS.flatMap((x) => [r.labels[x], r.descriptors[x]])]),
  };
}
