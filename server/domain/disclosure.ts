// The check before publishing: a record about to reach donors and other organisations is searched
// for its own personal values (informants', substantiators', storytellers' names, contacts,
// places) in its narrative text, and for a combination of public fields that singles someone out
// among the published records. What is found is answered as 409 `needs_confirmation`; the
// evaluator edits the text, or repeats the request with `confirmed` naming each finding reviewed.
// Each record kind says which texts and values it has (outcomes/disclosure.ts and its siblings);
// this module only compares them, so that every kind is checked the same way.
import { fold } from '../core/fold';
import { Problem, ProblemPath } from '../http/problem';

/** A narrative text that outsiders will read, by its JSON pointer in the record. */
export type Text = { path: string; text: string };
/** A personal value that must not appear in those texts, by where it is kept in the record. */
export type PersonalValue = { source: string; what: string; value: string | null | undefined };
export type Finding = ProblemPath & { id: string; code: 'personal_value' | 'singles_out' };

// shorter words ("Bâ", "Ali") match too much ordinary text to be told apart by a machine
const MIN_WORD = 4;
// a phone number, however it is written: +223 76 12 34 56, 0612-345678 …
const PHONE = /\+?\d[\d\s().-]{5,}\d/g;
const WORD = /[\p{L}\p{N}]+(?:[@.+_-][\p{L}\p{N}]+)*/gu;

/** Accents and Arabic variants folded, case kept: a name's words are told from ordinary ones by their capital. */
const unaccent = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
const wordsOf = (s: string) => unaccent(s).match(WORD) ?? [];
const phonesOf = (s: string) => (s.match(PHONE) ?? []).map((p) => p.replace(/\D/g, '')).filter((d) => d.length >= 7);
const isNameWord = (w: string) => w.length >= MIN_WORD && w[0] !== w[0].toLowerCase();

type Folded = { lower: string; cased: Set<string>; phones: string[] };
function folded(text: string): Folded {
  const words = wordsOf(text);
  return { lower: ` ${fold(words.join(' '))} `, cased: new Set(words), phones: phonesOf(text) };
}

/**
 * Whether the text holds the value: the whole of it (any case), one of its words that is written
 * as a name ("Aminata" of "Aminata Traoré", but not "independent" of "Independent Mariam"), or
 * the same phone number however it is spaced.
 */
function holds(text: Folded, value: string): boolean {
  const phone = phonesOf(value)[0];
  if (phone && text.phones.some((p) => p.includes(phone))) return true;
  const words = wordsOf(value);
  const whole = fold(words.join(' '));
  if (whole.length >= MIN_WORD && text.lower.includes(` ${whole} `)) return true;
  return words.length > 1 && words.some((w) => isNameWord(w) && text.cased.has(w));
}

export function personalValuesIn(texts: Text[], values: PersonalValue[]): Finding[] {
  const findings: Finding[] = [];
  for (const t of texts) {
    const f = folded(t.text);
    for (const v of values) {
      if (v.value?.trim() && holds(f, v.value)) {
        findings.push({ id: `personal_value:${t.path}:${v.source}`, code: 'personal_value', path: t.path, message: `holds ${v.what}` });
      }
    }
  }
  return findings;
}

/** A place, unless it is the record's own public area (no more than outsiders are told anyway). */
export function notPublic(place: string | null | undefined, location?: { adminArea?: string | null } | null): string | null {
  if (!place?.trim()) return null;
  return location?.adminArea && fold(location.adminArea.trim()) === fold(place.trim()) ? null : place;
}

export const singlesOut = (path: string, what: string): Finding =>
  ({ id: `singles_out:${path}`, code: 'singles_out', path, message: `is the only published record ${what}: it may single someone out` });

/** The findings in one translation of a record (added to a record already published). */
export const onlyOf = (findings: Finding[], language: string) => findings.filter((f) => f.path.startsWith(`/translations/${language}/`) || f.id.endsWith(`/translations/${language}/translatedBy`));

/** Publishing goes ahead only when every finding has been reviewed by the one publishing. */
export function requireReviewed(findings: Finding[], confirmed: string[] | undefined): void {
  const open = findings.filter((f) => !confirmed?.includes(f.id));
  if (!open.length) return;
  throw new Problem('needs_confirmation', 'Review what was found before publishing: edit the text, or confirm each finding', open);
}
