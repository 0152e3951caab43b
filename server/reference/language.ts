// The reader's language on the server, and the words of the interface in it: the client's own
// dictionaries (client/i18n/), so that a report or an export names a status, a verdict or a level
// exactly as the screen does. `?lang=` where a route takes it, else the language of the profile
// (the client keeps it in step with the language switcher), else English.
import { en, type MessageKey, type Messages, type Msg } from '../../client/i18n/en';
import { fr } from '../../client/i18n/fr';
import { ar } from '../../client/i18n/ar';
import { nl } from '../../client/i18n/nl';

export const LANGUAGES = ['en', 'fr', 'ar', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (v: unknown): v is Language => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

const DICTIONARIES: Record<Language, Messages> = { en, fr, ar, nl };

/** The language a reply is written in for this reader. */
export function readerLanguage(ctx: { user?: { language?: string } | null; query?: Record<string, string | undefined> }): Language {
  const asked = ctx.query?.lang;
  if (isLanguage(asked)) return asked;
  return isLanguage(ctx.user?.language) ? ctx.user.language : 'en';
}

export const directionOf = (lang: Language): 'rtl' | 'ltr' => (lang === 'ar' ? 'rtl' : 'ltr');

/** Whether the interface has words for a key (a code that may or may not have a label, as on the client). */
export const hasWords = (key: string): key is MessageKey => key in en;

export type Say = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The interface's message for a key in this language (English where it has none), `{name}` filled, plural by `count`. */
export function wordsIn(lang: Language): Say {
  const rules = new Intl.PluralRules(lang);
  const number = new Intl.NumberFormat(lang);
  const pick = (msg: Msg, count: number | undefined): string => {
    if (typeof msg === 'string') return msg;
    if (count === 0 && msg.zero !== undefined) return msg.zero;
    return msg[rules.select(count ?? 0) as keyof typeof msg] ?? msg.other;
  };
  return (key, params = {}) => {
    const msg = DICTIONARIES[lang][key] ?? en[key] ?? key;
    const count = typeof params.count === 'number' ? params.count : undefined;
    return pick(msg, count).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = params[name];
      return v === undefined ? whole : typeof v === 'number' ? number.format(v) : v;
    });
  };
}

/** A name from a record's `names` map in this language, else its English name. */
export const localName = (o: { name: string; names?: Record<string, string> | null }, lang: Language): string => o.names?.[lang] || o.name;

/** A `names` column as stored (JSON text, `{}` when none), read into a map. */
export function namesOf(text: unknown): Record<string, string> {
  if (typeof text !== 'string' || !text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? inOrder(v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The languages of a names map in one order (the interface's, then any other), so that equal maps compare equal. */
const inOrder = (names: Record<string, string | undefined>): Record<string, string> => {
  const rank = (k: string) => { const i = (LANGUAGES as readonly string[]).indexOf(k); return i < 0 ? LANGUAGES.length : i; };
  return Object.fromEntries(Object.entries(names).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))) as Record<string, string>;
};

/** Names in other languages as stored: the blank ones left out, so that they read as English. */
export function namesText(names: { [language: string]: string | undefined } | Partial<Record<'fr' | 'ar' | 'nl', string>> | null | undefined): string {
  return JSON.stringify(inOrder(Object.fromEntries(Object.entries(names ?? {}).map(([k, v]) => [k, v?.trim()]).filter(([, v]) => v))));
}
