// The interface language: English is bundled, French, Arabic and Dutch load on demand. Sets
// <html lang dir>, formats dates and numbers through Intl, and tells views to redraw on a switch.
import countries from 'i18n-iso-countries';
import enCountries from 'i18n-iso-countries/langs/en.json';
import { en, type MessageKey, type Messages, type Msg } from '../i18n/en';

export const LANGS = ['en', 'fr', 'ar', 'nl'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/** Each language's own name, shown in the switcher in that language. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français', ar: 'العربية', nl: 'Nederlands' };

/** The name of a content language (any ISO 639 code) in the interface's language. */
export function languageName(code: string): string {
  try { return new Intl.DisplayNames([lang()], { type: 'language' }).of(code) ?? code; } catch { return code; }
}

countries.registerLocale(enCountries);

const loaders: Record<Exclude<Lang, 'en'>, () => Promise<[Messages, countries.LocaleData]>> = {
  fr: () => Promise.all([import('../i18n/fr').then((m) => m.fr), import('i18n-iso-countries/langs/fr.json').then((m) => m.default as countries.LocaleData)]),
  ar: () => Promise.all([import('../i18n/ar').then((m) => m.ar), import('i18n-iso-countries/langs/ar.json').then((m) => m.default as countries.LocaleData)]),
  nl: () => Promise.all([import('../i18n/nl').then((m) => m.nl), import('i18n-iso-countries/langs/nl.json').then((m) => m.default as countries.LocaleData)]),
};

const dictionaries: Partial<Record<Lang, Messages>> = { en };
let current: Lang = 'en';
const listeners = new Set<(lang: Lang) => void>();

export const lang = (): Lang => current;
export const dir = (l: Lang = current): 'rtl' | 'ltr' => (l === 'ar' ? 'rtl' : 'ltr');
export const isRtl = () => dir() === 'rtl';

export async function setLanguage(next: Lang): Promise<void> {
  if (!dictionaries[next] && next !== 'en') {
    const [messages, names] = await loaders[next]();
    dictionaries[next] = messages;
    countries.registerLocale(names);
  }
  const changed = next !== current;
  current = next;
  document.documentElement.lang = next;
  document.documentElement.dir = dir(next);
  try { localStorage.setItem('oogst:lang', next); } catch { /* private mode: fine */ }
  if (changed) listeners.forEach((fn) => fn(next));
}

export function onLanguageChange(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The language to start in: ?lang=, then the last one used on this device, then the browser's. */
export function initialLanguage(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  let stored: string | null = null;
  try { stored = localStorage.getItem('oogst:lang'); } catch { /* ignore */ }
  if (isLang(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLang(browser) ? browser : 'en';
}

const plurals = new Map<Lang, Intl.PluralRules>();
function pick(msg: Msg, count: number | undefined): string {
  if (typeof msg === 'string') return msg;
  if (count === 0 && msg.zero !== undefined) return msg.zero;
  let rules = plurals.get(current);
  if (!rules) plurals.set(current, (rules = new Intl.PluralRules(current)));
  const category = rules.select(count ?? 0) as keyof typeof msg;
  return msg[category] ?? msg.other;
}

/** The message for a key in the current language, `{name}` placeholders filled; plural by `count`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const msg = dictionaries[current]?.[key] ?? en[key] ?? key;
  const count = typeof params.count === 'number' ? params.count : undefined;
  return pick(msg, count).replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined ? `{${name}}` : typeof v === 'number' ? formatNumber(v) : v;
  });
}

/** Whether a key exists (for codes that may or may not have an interface label, e.g. typologies). */
export const has = (key: string): key is MessageKey => key in en;

// formatters are costly to create and charts format thousands of values: one per language and style
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, options: object, make: () => T): T {
  const key = `${current}|${kind}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

export const formatNumber = (n: number, options: Intl.NumberFormatOptions = {}) => cached('n', options, () => new Intl.NumberFormat(current, options)).format(n);
export const formatPercent = (share: number) => formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });

export type Precision = 'day' | 'month' | 'year';
const DATE_OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** A date as precisely as it is known: "18 March 2026", "August 2025" or "2024". */
export function formatDate(value: string | Date, precision: Precision = 'day'): string {
  const d = typeof value === 'string' ? new Date(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  return cached('d', DATE_OPTIONS[precision], () => new Intl.DateTimeFormat(current, DATE_OPTIONS[precision])).format(d);
}

export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export const formatList = (items: string[]) => new Intl.ListFormat(current, { type: 'conjunction' }).format(items);

export function countryName(code: string | undefined | null): string {
  if (!code) return '';
  return countries.getName(code, current) ?? countries.getName(code, 'en') ?? code;
}

/** All countries, named and sorted in the current language (for pickers). */
export function countryOptions(): Array<{ code: string; name: string }> {
  const names = countries.getNames(current, { select: 'official' });
  const collator = new Intl.Collator(current);
  return Object.entries(names).map(([code, name]) => ({ code, name })).sort((a, b) => collator.compare(a.name, b.name));
}

/** A name from a record's `names` map in the interface language, else its default name. */
export const localName = (o: { name: string; names?: Record<string, string> | null }) => o.names?.[current] || o.name;

/** An indicator's unit in the interface language (`unitNames`), else as stored. */
export const localUnit = (o: { unit: string; unitNames?: Record<string, string> | null }) => o.unitNames?.[current] || o.unit;
