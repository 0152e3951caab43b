// The demo in the reader's language: loaded, its domains of change, themes and indicators carry
// their French, Arabic and Dutch names; its Dutch donor's harvest report and exports name goals,
// categories, domains and indicators in Dutch (and in French or Arabic when asked), and the
// dashboard's indicator lines bring their names for the client to choose from.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { demoClient } from '../helpers/demo';
import { csvRecords } from '../helpers/interop';
import { seedDemo } from '../../seeds/demo';

jest.setTimeout(90_000);

let t: TestApp;
let donor: Client;
let harvestId: string;
type Named = { code: string; name: string; names: string };

const as = (email: string) => demoClient(t, email);

/** The English names of reference rows whose translation into `lang` differs from them. */
async function englishOnly(lang: string): Promise<string[]> {
  const rows: Named[] = [
    ...await t.ctx.db('goals').select('code', 'name', 'names'),
    ...await t.ctx.db('typology_categories').select('code', 'name', 'names'),
    ...await t.ctx.db('change_domains').select('code', 'name', 'names'),
    ...await t.ctx.db('indicators').select('code', 'name', 'names'),
  ];
  return rows.map((r) => ({ name: r.name, local: (JSON.parse(r.names) as Record<string, string>)[lang] }))
    .filter((r) => r.local && r.local !== r.name && r.name.length > 12).map((r) => r.name);
}

/** What the report itself writes in markdown — headings, facts lines and tables — not the narratives quoted in it. */
const generated = (md: string) => md.split('\n').filter((l) => /^(#|\*[^*]|\||- )/.test(l)).join('\n');

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.ctx);
  donor = await as('donor@oogst.test'); // whose profile is in Dutch
  harvestId = (await t.ctx.db('harvests').where({ title: 'Harvest 2024–2025' }).first('id')).id;
});
afterAll(() => t.close());

test('when the demo is loaded, then its domains of change, themes and indicators have French, Arabic and Dutch names', async () => {
  const named = (rows: Array<{ names: string }>) => rows.every((r) => ['fr', 'ar', 'nl'].every((l) => (JSON.parse(r.names) as Record<string, string>)[l]));
  expect(named(await t.ctx.db('change_domains').where({ harvest_id: harvestId }).select('names'))).toBe(true);
  expect(named(await t.ctx.db('themes').select('names'))).toBe(true);
  const indicators = await t.ctx.db('indicators').select('code', 'names', 'unit_names');
  expect(indicators.filter((i) => !named([{ names: i.names }, { names: i.unit_names }])).map((i) => i.code)).toEqual([]);
  const world = await t.ctx.db('indicators').where({ code: 'WPS-PP-ROLES-ANNUAL' }).first('breakdown_names');
  expect(JSON.parse(world.breakdown_names).role.negotiators).toEqual({ fr: 'négociateurs', ar: 'المفاوضون', nl: 'onderhandelaars' });
});

test.each([['nl', ''], ['fr', '?lang=fr'], ['ar', '?lang=ar']])('when the donor reads the harvest report in %s, then no English reference name is in what the report writes', async (lang, query) => {
  const r = await donor.get(`/api/harvests/${harvestId}/report.md${query}`);
  expect(r.status).toBe(200);
  const text = generated(r.text);
  expect(text.length).toBeGreaterThan(500);
  const english = (await englishOnly(lang)).filter((name) => text.includes(name));
  expect(english).toEqual([]);
  for (const code of ['participation-in-peace-processes', 'protection-from-gender-based-violence', 'analysing', 'collecting', 'OH-POLICY', 'GAW-NORMS']) {
    expect([code, text.includes(code)]).toEqual([code, false]);
  }
});

test('when the donor reads the HTML report in Dutch, then its facts, headings, tables and charts hold no English reference name', async () => {
  const r = await donor.get(`/api/harvests/${harvestId}/report.html`);
  expect(r.text).toContain('<html lang="nl" dir="ltr">');
  // what the page writes itself: facts lines, headings, list items, table cells and the charts' text
  const parts = [...r.text.matchAll(/<(p class="meta"|h2|h3|li|th|td|text|figcaption)[^>]*>([\s\S]*?)<\/(?:p|h2|h3|li|th|td|text|figcaption)>/g)].map((m) => m[2]).join('\n');
  expect(parts).toContain('Formele regels en beleid');
  const english = (await englishOnly('nl')).filter((name) => parts.includes(name));
  expect(english).toEqual([]);
});

test('when the Dutch donor exports outcomes, then every type of change, quadrant and goal is named in Dutch beside its code', async () => {
  const rows = csvRecords((await donor.get('/api/exports/outcomes.csv')).text);
  expect(rows.length).toBeGreaterThan(5);
  const english = new Set(await englishOnly('nl'));
  const named = rows.flatMap((r) => [r.changeTypeName, r.quadrantName, r.primaryGoalName, ...r.otherGoalNames.split('; ')]).filter(Boolean);
  expect(named.filter((n) => english.has(n))).toEqual([]);
  expect(rows.every((r) => r.changeType.startsWith('OH-') && r.quadrant.startsWith('GAW-'))).toBe(true);
});

test("when the dashboard draws the demo's indicator lines, then each line brings its names and units in the other languages", async () => {
  const r = await donor.get('/api/dashboard/timeline?framework=nap1325-nl-iv&bucket=year');
  expect(r.status).toBe(200);
  const lines = r.body.indicators as Array<{ code: string; names: Record<string, string>; unitNames: Record<string, string> }>;
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.filter((l) => !l.names.nl || !l.unitNames.nl).map((l) => l.code)).toEqual([]);
});
