// Reference names in the reader's language, read once for a report or an export: goals, typology
// categories, domains of change, themes, indicators (name and unit), countries and languages, and
// the fixed vocabularies — states, kinds of social actor, sensitivity, consent, age bands — in the
// interface's own words. A category is named as the client names it: the interface's label first,
// then the seed's names. A code nobody named stays the code.
import countries from 'i18n-iso-countries';
import enCountries from 'i18n-iso-countries/langs/en.json';
import frCountries from 'i18n-iso-countries/langs/fr.json';
import arCountries from 'i18n-iso-countries/langs/ar.json';
import nlCountries from 'i18n-iso-countries/langs/nl.json';
import type { Db } from '../db/knex';
import { hasWords, localName, namesOf, wordsIn, type Language, type Say } from './language';
import type { MessageKey } from '../../client/i18n/en';

for (const locale of [enCountries, frCountries, arCountries, nlCountries]) countries.registerLocale(locale as countries.LocaleData);

/** Reference lists a reader may need; each is read only when asked for. */
export type List = 'goals' | 'categories' | 'domains' | 'themes' | 'indicators';
const LISTS: List[] = ['goals', 'categories', 'domains', 'themes', 'indicators'];

/** Words of the interface for codes: `status.published`, `actor.media`, `ageBand.25-34`, … */
export type Vocabulary = 'status' | 'harvest.status' | 'actor' | 'sensitivity' | 'consent.level' | 'consent.method' | 'source.type' | 'ageBand'
  | 'selection.level' | 'verdict' | 'report.part' | 'report.verdict' | 'report.panel';

export type ReaderNames = {
  lang: Language;
  say: Say;
  goal(code: string): string;
  category(code: string): string;
  domain(code: string, harvestId?: string | null): string;
  theme(code: string): string;
  indicator(code: string): { name: string; unit: string } | undefined;
  /** A value's breakdown as the screen labels it: "Sex: Female · Age group: 18–24", "Overall" for none. */
  breakdown(indicatorCode: string, d: Record<string, string>): string;
  country(code: string | null | undefined): string;
  language(code: string | null | undefined): string;
  term(vocabulary: Vocabulary, code: string | null | undefined): string;
};

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Named = { name: string; names: Record<string, string> };

async function named(db: Db, table: string, key: (r: Row) => string, extra: string[] = []): Promise<Map<string, Named & Row>> {
  const rows: Row[] = await db(table).select('code', 'name', 'names', ...extra);
  return new Map(rows.map((r) => [key(r), { ...r, name: r.name as string, names: namesOf(r.names) }]));
}

export async function readerNames(db: Db, lang: Language, lists: List[] = LISTS): Promise<ReaderNames> {
  const want = (l: List) => lists.includes(l);
  const none = new Map<string, Named & Row>();
  const [goals, categories, domains, themes, indicators] = await Promise.all([
    want('goals') ? named(db, 'goals', (r) => r.code) : none,
    want('categories') ? named(db, 'typology_categories', (r) => r.code) : none,
    want('domains') ? named(db, 'change_domains', (r) => `${r.harvest_id}|${r.code}`, ['harvest_id']) : none,
    want('themes') ? named(db, 'themes', (r) => r.code) : none,
    want('indicators') ? named(db, 'indicators', (r) => r.code, ['unit', 'unit_names', 'breakdown_names']) : none,
  ]);
  const say = wordsIn(lang);
  // an indicator's breakdown values in other languages, read once per indicator (an export asks per value)
  const breakdownNames = new Map<string, Record<string, Record<string, Record<string, string>>>>();
  const breakdownNamesOf = (code: string) => {
    let found = breakdownNames.get(code);
    if (!found) {
      const text = indicators.get(code)?.breakdown_names;
      found = typeof text === 'string' && text ? JSON.parse(text) as Record<string, Record<string, Record<string, string>>> : {};
      breakdownNames.set(code, found);
    }
    return found;
  };
  const byCode = new Map([...domains.values()].map((d) => [d.code as string, d]));
  const languages = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
  const nameOf = (m: Map<string, Named>, code: string) => { const r = m.get(code); return r ? localName(r, lang) : code; };
  const term = (vocabulary: Vocabulary, code: string | null | undefined) => {
    if (!code) return '';
    const key = `${vocabulary}.${code}`;
    return hasWords(key) ? say(key) : code;
  };
  return {
    lang, say, term,
    goal: (code) => nameOf(goals, code),
    category: (code) => {
      const key = `typology.${code}`;
      return hasWords(key) ? say(key) : nameOf(categories, code);
    },
    // the two domains every harvest has are words of the interface; the others are the harvest's own
    domain: (code, harvestId) => {
      const key = `domain.${code}`;
      if (hasWords(key)) return say(key);
      const r = (harvestId && domains.get(`${harvestId}|${code}`)) || byCode.get(code);
      return r ? localName(r, lang) : code;
    },
    theme: (code) => nameOf(themes, code),
    indicator: (code) => {
      const r = indicators.get(code);
      return r && { name: localName(r, lang), unit: localName({ name: r.unit, names: namesOf(r.unit_names) }, lang) };
    },
    breakdown: (indicatorCode, d) => {
      const names = breakdownNamesOf(indicatorCode);
      const valueOf = (key: string, value: string) => {
        if (key === 'country') return countries.getName(value, lang) ?? value;
        for (const k of [`ind.${key}.${value}`, key === 'age' ? `ageBand.${value}` : '']) if (k && hasWords(k)) return say(k);
        return names[key]?.[value]?.[lang] || value;
      };
      const parts = Object.entries(d).map(([k, v]) => `${hasWords(`ind.key.${k}`) ? say(`ind.key.${k}` as MessageKey) : k}: ${valueOf(k, v)}`);
      return parts.length ? parts.join(' · ') : say('ind.overall');
    },
    country: (code) => (code ? countries.getName(code, lang) ?? countries.getName(code, 'en') ?? code : ''),
    language: (code) => {
      if (!code) return '';
      try { return languages.of(code) ?? code; } catch { return code; }
    },
  };
}
