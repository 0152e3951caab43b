// A name in French, Arabic and Dutch beside the one given above it, for what people name
// themselves — a theme, a domain of change, an indicator and its unit — so that readers in those
// languages see their own words (a language left empty shows the name as given). Each input says
// its language, Arabic right to left, so that it is read out and spell-checked as such.
import { h } from '../core/dom';
import { languageName, t } from '../core/i18n';
import { TRANSLATIONS } from '../core/rubric-model';
import { field, type FieldBox } from './field';

export type OtherNames = { box: HTMLElement; fields: FieldBox[]; read: () => Record<string, string> };

/** `what`: the field named ("Name", "Unit"); `path`: where the API's errors land (`/names`, `/unitNames`). Folded unless `open`; its summary says how many are given. */
export function otherNames(path: string, what: string, current: Record<string, string> = {}, open = false): OtherNames {
  const fields = TRANSLATIONS.map((lang) => field(`${path}/${lang}`, t('names.in', { what, language: languageName(lang) }),
    h('input', { type: 'text', maxlength: 300, lang, dir: lang === 'ar' ? 'rtl' : 'ltr', value: current[lang] ?? '' })));
  const given = TRANSLATIONS.filter((l) => current[l]).length;
  const box = h('details', { class: 'other-names', 'data-path': path, open },
    h('summary', {}, t('names.summary', { what, count: given })), h('p', { class: 'hint' }, t('names.hint')), fields.map((f) => f.box));
  const read = () => Object.fromEntries(TRANSLATIONS.map((l, k) => [l, (fields[k].control as HTMLInputElement).value.trim()]).filter(([, v]) => v));
  return { box, fields, read };
}
