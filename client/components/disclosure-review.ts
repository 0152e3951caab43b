// The check before publishing, as the evaluator meets it in the move's dialog: when the server
// answers 409 needs_confirmation, the dialog lists each finding (which text holds which personal
// value, or which record would single someone out) with a box to tick once it is reviewed. The
// evaluator cancels to edit the text, or ticks and confirms again: the ticked findings go back as
// `confirmed`. A finding's id names the text and the value (`personal_value:/story:/collectedBy`),
// so the client words it in the reader's language without the server's English message.
import { h, newId } from '../core/dom';
import { ApiError, type ProblemPath } from '../core/api';
import { t } from '../core/i18n';
import type { MessageKey } from '../i18n/en';

type Finding = ProblemPath & { id: string };

/** The findings of a needs_confirmation answer, or null for any other failure. */
export function findingsOf(e: unknown): Finding[] | null {
  if (!(e instanceof ApiError) || e.code !== 'needs_confirmation') return null;
  return e.errors.filter((x): x is Finding => typeof x.id === 'string');
}

const lastOf = (pointer: string) => pointer.split('/').filter(Boolean).pop() ?? '';
const languageOf = (pointer: string) => /^\/translations\/([^/]+)\//.exec(pointer)?.[1];

/** "/evidence/0/name" → "informantName": where a personal value is kept says what it is. */
export function valueKind(source: string): string {
  // a value of a record another text rests on (a score's reason): "/outcomes/<id>/evidence/0/name"
  const cited = /^\/(?:outcomes|stories|fragments)\/[^/]+(\/.*)$/.exec(source);
  if (cited) return valueKind(cited[1]);
  const [, head, , tail] = source.split('/');
  const last = lastOf(source);
  if (head === 'evidence') return last === 'contact' ? 'informantContact' : 'informantName';
  if (head === 'substantiations') return tail === 'contact' ? 'substantiatorContact' : 'substantiatorName';
  if (head === 'translations') return 'translatorName';
  if (head === 'socialActor') return 'actorName';
  if (head === 'storyteller' || head === 'speaker') return last === 'recordedBy' ? 'consentRecorder' : `${head}${last === 'place' ? 'Place' : 'Name'}`;
  if (head === 'consent') return 'consentRecorder';
  return 'collector';
}

/** A finding in words: "Description: holds an informant's name", "Translation (fr), title: …". */
export function describeFinding(f: Finding): string {
  const [code, text, source] = f.id.split(':');
  if (code === 'singles_out') return t('disclosure.singlesOut');
  const field = t(`disclosure.field.${lastOf(text)}` as MessageKey);
  const language = languageOf(text);
  const where = language ? t('disclosure.inTranslation', { language, field }) : field;
  return t('disclosure.holds', { where, value: t(`disclosure.value.${valueKind(source)}` as MessageKey) });
}

/** The list of findings with their boxes, kept in the dialog between attempts. */
export function reviewList(): { element: HTMLElement; show: (findings: Finding[]) => void; confirmed: () => string[] } {
  const list = h('ul', { class: 'findings' });
  const element = h('fieldset', { class: 'disclosure-review', hidden: true },
    h('legend', {}, t('disclosure.title')), h('p', { class: 'hint' }, t('disclosure.intro')), list);
  const ticked = new Set<string>();
  const show = (findings: Finding[]) => {
    element.hidden = false;
    list.replaceChildren(...findings.map((f) => {
      const id = newId('finding');
      const box = h('input', { type: 'checkbox', id, value: f.id, checked: ticked.has(f.id) || null,
        onchange: (e: Event) => ((e.target as HTMLInputElement).checked ? ticked.add(f.id) : ticked.delete(f.id)) });
      return h('li', {}, box, h('label', { for: id }, describeFinding(f)));
    }));
    (list.querySelector('input') as HTMLInputElement | null)?.focus();
  };
  return { element, show, confirmed: () => [...ticked] };
}
