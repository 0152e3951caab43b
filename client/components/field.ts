// Labelled form fields with hint and error wiring (aria-describedby, aria-invalid), and a form-wide
// error summary that maps the API's problem `errors[].path` (JSON pointers) onto the fields.
import { h, newId, replace, type Child } from '../core/dom';
import { t } from '../core/i18n';
import type { ProblemPath } from '../core/api';
import type { MessageKey } from '../i18n/en';

export type FieldBox = { box: HTMLElement; control: HTMLElement; error: HTMLElement; path: string; label: string };

export function field(path: string, label: string, control: HTMLElement, opts: { hint?: string; guidanceId?: string; required?: boolean } = {}): FieldBox {
  const id = control.id || (control.id = newId('f'));
  const errorId = `${id}-error`;
  const hintId = opts.hint ? `${id}-hint` : undefined;
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  control.setAttribute('aria-describedby', [hintId, opts.guidanceId, errorId].filter(Boolean).join(' '));
  if (opts.required) control.setAttribute('aria-required', 'true');
  const box = h('div', { class: 'field', 'data-path': path },
    h('label', { for: id }, label, opts.required ? h('span', { class: 'required' }, ` (${t('form.required')})`) : null),
    opts.hint ? h('p', { class: 'hint', id: hintId }, opts.hint) : null, error, control);
  return { box, control, error, path, label };
}

/** A group of radios or checkboxes with a legend, wired the same way. */
export function fieldset(path: string, legend: string, content: Child, opts: { hint?: string; guidanceId?: string; required?: boolean; className?: string } = {}): FieldBox {
  const id = newId('fs');
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const hintId = opts.hint ? `${id}-hint` : undefined;
  const box = h('fieldset', { class: `field ${opts.className ?? ''}`, 'data-path': path, id, 'aria-describedby': [hintId, opts.guidanceId, `${id}-error`].filter(Boolean).join(' ') },
    h('legend', {}, legend, opts.required ? h('span', { class: 'required' }, ` (${t('form.required')})`) : null),
    opts.hint ? h('p', { class: 'hint', id: hintId }, opts.hint) : null, error, content);
  return { box, control: box, error, path, label: legend };
}

export function radios(name: string, options: Array<{ value: string; label: string; hint?: string }>, value: string): HTMLElement {
  return h('div', { class: 'choices' }, options.map((o) => {
    const id = newId(name);
    return h('div', { class: 'choice' },
      h('input', { type: 'radio', name, id, value: o.value, checked: o.value === value, 'aria-describedby': o.hint ? `${id}-hint` : null }),
      h('label', { for: id }, o.label), o.hint ? h('p', { class: 'hint', id: `${id}-hint` }, o.hint) : null);
  }));
}

/** What a broken rule means, by the code the server gives (server/http/validation.ts, the domain's checks). */
const BY_CODE: Record<string, MessageKey> = {
  required: 'err.required', missing: 'err.missing', maxLength: 'err.tooLong', maxItems: 'err.tooLong', minLength: 'err.empty', minItems: 'err.empty',
  'format.date': 'err.date', 'format.date-time': 'err.date', 'format.uri': 'err.url', 'format.text': 'err.notText',
  // the domain's rules (server/outcomes/rules.ts)
  unknown_goal: 'err.goal', duplicate_goal: 'err.goalTwice', primary_goal: 'err.primary', bad_date: 'err.date', unknown_country: 'err.country',
  unknown_change_type: 'err.changeType', unknown_quadrant: 'err.quadrant', unknown_harvest: 'err.harvest',
  // IATI identifiers (server/programmes/routes.ts)
  iati_identifier: 'err.iatiIdentifier', iati_org_ref: 'err.iatiOrgRef',
};

/** A server message in the interface language: by its code, else by its words; else as it came. */
export function localiseMessage(message: string, code?: string): string {
  const known = code ? BY_CODE[code] : undefined;
  if (known) return t(known);
  // a breakdown value spelled otherwise than the indicator's values: the spelling in use is in quotes
  if (code === 'spelling') return t('err.spelling', { spelling: /"(.*)"/.exec(message)?.[1] ?? '' });
  if (/required property|is required/.test(message)) return t('err.required');
  if (/must NOT have more than|must NOT be longer/.test(message)) return t('err.tooLong');
  if (/must NOT have fewer|must NOT be shorter/.test(message)) return t('err.empty');
  if (/not a valid date|must match format "date"/.test(message)) return t('err.date');
  if (/not an ISO 3166-1 country/.test(message)) return t('err.country');
  if (/unknown goal code/.test(message)) return t('err.goal');
  if (/tagged twice/.test(message)) return t('err.goalTwice');
  if (/exactly one goal must be primary/.test(message)) return t('err.primary');
  if (/not text/.test(message)) return t('err.notText');
  if (/must match format "uri"|must match pattern "\^https/.test(message)) return t('err.url');
  if (/unknown change type/.test(message)) return t('err.changeType');
  if (/unknown Gender at Work/.test(message)) return t('err.quadrant');
  if (/harvest/.test(message)) return t('err.harvest');
  return message;
}

/** Shows errors on the fields they belong to (longest matching path) and in a summary with links. */
export function showErrors(summary: HTMLElement, fields: FieldBox[], errors: ProblemPath[]): void {
  fields.forEach((f) => {
    f.error.hidden = true;
    f.error.textContent = '';
    f.control.removeAttribute('aria-invalid');
  });
  if (!errors.length) {
    summary.hidden = true;
    replace(summary);
    return;
  }
  const items: HTMLElement[] = [];
  // a "oneOf: object or null" that failed says "must be null" too: noise when the object's own fields are named
  const specific = errors.filter((e) => !(/must be null/.test(e.message) && errors.some((o) => o !== e && o.path.startsWith(e.path))));
  for (const err of specific) {
    const target = fields.filter((f) => err.path === f.path || err.path.startsWith(`${f.path}/`))
      .sort((a, b) => b.path.length - a.path.length)[0];
    const text = localiseMessage(err.message, err.code);
    if (target) {
      target.error.hidden = false;
      target.error.textContent = target.error.textContent ? `${target.error.textContent} ${text}` : text;
      target.control.setAttribute('aria-invalid', 'true');
      // a field folded away (names in other languages, a level's translations) opens to show its error
      for (let d = target.box.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    }
    const anchor = target?.control.id ?? '';
    items.push(h('li', {}, h('a', { href: `#${anchor}`, onclick: (e: Event) => {
      e.preventDefault();
      const c = target?.box.querySelector<HTMLElement>('input, select, textarea') ?? target?.control;
      c?.focus();
    } }, `${target?.label ?? err.path}: ${text}`)));
  }
  summary.hidden = false;
  replace(summary, h('h2', {}, t('form.errorSummary', { count: specific.length })), h('ul', {}, items));
  summary.focus();
}
