// The reference data carries its names in the four languages: every framework, goal, typology,
// category and focus region has a French, Arabic and Dutch name (in the source file or in
// names-i18n.json), and the demo's own lists (domains of change, themes, indicators and their
// units) have theirs in seeds/demo/names-i18n.json.
import fs from 'node:fs';
import path from 'node:path';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');
const read = <T>(...parts: string[]): T => JSON.parse(fs.readFileSync(path.join(SEEDS, ...parts), 'utf8')) as T;

type Named = { code?: string; id?: string; name: string; name_fr?: string; name_ar?: string; name_nl?: string; goals?: Named[]; children?: Named[]; categories?: Named[] };
type Names = { fr?: string; ar?: string; nl?: string };
const LANGS = ['fr', 'ar', 'nl'] as const;

const translations = read<Record<string, Names>>('reference', 'names-i18n.json');

/** The codes among these nodes (and below them) that lack a name in a language. */
function unnamed(nodes: Named[]): string[] {
  return nodes.flatMap((n) => {
    const code = (n.code ?? n.id)!;
    const missing = LANGS.filter((l) => !(n[`name_${l}`] ?? translations[code]?.[l])?.trim());
    return [...missing.map((l) => `${code} (${l})`), ...unnamed([...(n.goals ?? []), ...(n.children ?? []), ...(n.categories ?? [])])];
  });
}

test('when the frameworks are read, then every framework and every goal at every depth has a French, Arabic and Dutch name', () => {
  const frameworks = read<Named[]>('reference', 'frameworks.json');
  expect(frameworks.length).toBeGreaterThanOrEqual(5);
  expect(unnamed(frameworks)).toEqual([]);
});

test('when the typologies are read, then every typology and every category has a French, Arabic and Dutch name', () => {
  const { typologies } = read<{ typologies: Named[] }>('reference', 'change-typology.json');
  expect(unnamed(typologies)).toEqual([]);
});

test('when the focus regions are read, then every region has a French, Arabic and Dutch name', () => {
  const { regions } = read<{ regions: Named[] }>('reference', 'nap-focus-regions.json');
  expect(regions.length).toBeGreaterThan(0);
  expect(unnamed(regions)).toEqual([]);
});

test('when names-i18n.json is read, then each entry is a code of the reference data and no translation is empty', () => {
  const codes = new Set<string>();
  const walk = (nodes: Named[]) => nodes.forEach((n) => { codes.add((n.code ?? n.id)!); walk([...(n.goals ?? []), ...(n.children ?? []), ...(n.categories ?? [])]); });
  walk(read<Named[]>('reference', 'frameworks.json'));
  walk(read<{ typologies: Named[] }>('reference', 'change-typology.json').typologies);
  const entries = Object.entries(translations).filter(([k]) => !k.startsWith('_'));
  expect(entries.map(([k]) => k).filter((k) => !codes.has(k))).toEqual([]);
  expect(entries.filter(([, v]) => Object.values(v).some((s) => !s?.trim())).map(([k]) => k)).toEqual([]);
});

describe('the demo', () => {
  const demo = read<{ domains: Record<string, Names>; themes: Record<string, Names>; indicators: Record<string, { name: Names; unit: Names }>; breakdowns: Record<string, Record<string, Names>> }>('demo', 'names-i18n.json');
  const complete = (n: Names | undefined) => LANGS.every((l) => !!n?.[l]?.trim());
  const RECOMMENDED = ['any-other-change', 'negative-change']; // words of the interface

  test('when its stories and selection rounds name a domain of change, then the domain has a French, Arabic and Dutch name', () => {
    const used = [...read<Array<{ domain: string }>>('demo', 'stories.json'), ...read<Array<{ domain: string }>>('demo', 'selection-rounds.json')]
      .map((x) => x.domain).filter((d) => !RECOMMENDED.includes(d));
    expect([...new Set(used)].filter((d) => !complete(demo.domains[d]))).toEqual([]);
  });

  test('when its codebook is read, then every theme has a French, Arabic and Dutch name', () => {
    const { themes } = read<{ themes: Array<{ code: string }> }>('demo', 'fragments.json');
    expect(themes.filter((x) => !complete(demo.themes[x.code])).map((x) => x.code)).toEqual([]);
  });

  test('when its reference indicators and rubrics are read, then each has its name and unit in French, Arabic and Dutch, and so have the words among the breakdowns', () => {
    const indicators = read<Array<{ code: string; values: Array<{ unit?: string; disaggregation?: Record<string, string | number> }> }>>('demo', 'indicators.json');
    const rubrics = read<Array<{ code: string }>>('demo', 'rubrics.json');
    expect([...indicators, ...rubrics].filter((i) => !complete(demo.indicators[i.code]?.name) || !complete(demo.indicators[i.code]?.unit)).map((i) => i.code)).toEqual([]);
    expect(Object.entries(demo.indicators).filter(([, i]) => !complete(i.name) || !complete(i.unit)).map(([code]) => code)).toEqual([]);
    const words = indicators.flatMap((i) => i.values.flatMap((v) => [
      ...Object.entries(v.disaggregation ?? {}).filter(([k]) => ['role', 'scope', 'marker'].includes(k)).map(([k, x]) => [k, String(x)]),
      ...(v.unit ? [['measure', v.unit]] : []),
    ]));
    expect(words.filter(([k, x]) => !complete(demo.breakdowns[k]?.[x]))).toEqual([]);
  });
});
