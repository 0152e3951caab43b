// IATI 2.03 exports of a programme and of a harvest: valid against the official schema, every
// code from its code list, and only published, public data.
import fs from 'node:fs';
import path from 'node:path';
import { startTestApp, TestApp, Client } from '../helpers/app';
import { publishedOutcome } from '../helpers/interop';
import { newHarvest, outcomeIn } from '../helpers/review';
import { dom, schemaErrors, unknownCodes } from '../helpers/iati';
import { seedDemo } from '../../seeds/demo';

jest.setTimeout(30_000);

let t: TestApp;
let p1: Client, p2: Client, ev: Client, donor: Client, admin: Client, donorB: Client;
let harvestId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, ev, donor, admin, donorB] = await Promise.all((['partner1', 'partner2', 'evaluator', 'donor', 'admin', 'donorB'] as const).map((w) => t.as(w)));
  await admin.patch(`/api/programmes/${t.world.programmes.A}`, { periodStart: '2022-01-01', periodEnd: '2027-12-31', description: 'Women lead peace in the Sahel.' });
  harvestId = (await newHarvest(t, ev, { title: 'Harvest 2024' })).id;
  ids.participation = await publishedOutcome(p1, ev, { title: 'Sévaré council admits women mediators', language: 'fr', harvestId, occurredOn: { date: '2024-03', precision: 'month' }, socialActor: { name: 'Commander Zakaria Canary', type: 'individual' } });
  ids.protection = await publishedOutcome(p2, ev, { title: 'Police in Kassala open a desk for survivors', goals: [{ code: 'NL-IV-3.1', primary: true }], harvestId, occurredOn: { date: '2023', precision: 'year' } });
  ids.other = await publishedOutcome(p1, ev, { title: 'Outside the harvest: youth mediators in Gao', goals: [{ code: 'NL-IV-2.1', primary: true }] });
  ids.restricted = await publishedOutcome(p1, ev, { title: 'Restricted change in Kidal', sensitivity: 'restricted', harvestId });
  ids.review = await outcomeIn({ partner: p1, evaluator: ev }, 'under_review', { title: 'Under review in Ménaka', harvestId });
  for (const status of ['collecting', 'substantiating', 'analysing', 'closed']) {
    const r = await ev.patch(`/api/harvests/${harvestId}`, { status });
    if (r.status !== 200) throw new Error(`harvest ${status}: ${r.status} ${r.text}`);
  }
  const ind = await ev.post('/api/indicators', {
    code: 'A-WOMEN-MEDIATORS', name: 'Women mediators active in local committees', unit: 'women', direction: 'increase', programmeId: t.world.programmes.A,
    goals: ['NL-IV-1.3'], baseline: { value: 12, date: '2022-01-01' }, targets: [{ value: 40, date: '2024-12-31' }, { value: 60, date: '2027-06-30' }], iatiMeasure: 1,
  });
  if (ind.status !== 201) throw new Error(`indicator: ${ind.status} ${ind.text}`);
  const values = await ev.post(`/api/indicators/${ind.body.id}/values`, [
    { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 31, status: 'validated' },
    { periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 99, status: 'draft' },
  ]);
  if (values.status !== 201) throw new Error(`values: ${values.status} ${values.text}`);
});
afterAll(() => t.close());

test('the schema check refuses the official should-fail examples (so a pass means something)', async () => {
  for (const name of ['result-06-missing-indicator.xml', 'policy-marker-01-missing-code.xml']) {
    const xml = fs.readFileSync(path.join(__dirname, '../fixtures/iati/should-fail', name), 'utf8');
    expect((await schemaErrors(xml)).length).toBeGreaterThan(0);
  }
});

test('when the programme is exported, then the file validates against the IATI 2.03 schema and every code is in its code list', async () => {
  const r = await donor.get(`/api/programmes/${t.world.programmes.A}/iati.xml`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^application\/xml/);
  expect(await schemaErrors(r.text)).toEqual([]);
  expect(unknownCodes(r.text)).toEqual({});
  const d = dom(r.text);
  expect(d.querySelector('iati-activities')!.getAttribute('version')).toBe('2.03');
  expect(d.querySelector('iati-identifier')!.textContent).toBe('XM-TEST-A');
  expect(d.querySelector('reporting-org')!.getAttribute('ref')).toBe('XM-DAC-7');
  expect([...d.querySelectorAll('activity-date')].map((e) => [e.getAttribute('type'), e.getAttribute('iso-date')])).toEqual([['2', '2022-01-01'], ['3', '2027-12-31']]);
  expect(d.querySelector('activity-status')!.getAttribute('code')).toBe('2');
  const sectors = [...d.querySelectorAll('sector')].map((e) => [e.getAttribute('code'), Number(e.getAttribute('percentage'))]);
  expect(sectors.map(([c]) => c).every((c) => ['15170', '15180', '15220'].includes(c as string))).toBe(true);
  expect(sectors.reduce((n, [, p]) => n + (p as number), 0)).toBe(100);
  expect(d.querySelector('policy-marker')!.getAttribute('code')).toBe('1');
  expect([...d.querySelectorAll('result')].every((e) => e.getAttribute('type') === '2')).toBe(true);
});

test('when exported, then only published, public outcomes appear, never a name', async () => {
  const text = (await p1.get(`/api/programmes/${t.world.programmes.A}/iati.xml`)).text;
  expect(text).toContain('Sévaré council admits women mediators');
  expect(text).toContain('Police in Kassala open a desk for survivors');
  expect(text).toContain('youth mediators in Gao');
  expect(text).not.toContain('Kidal');
  expect(text).not.toContain('Ménaka');
  expect(text).not.toContain('Canary');
  expect(dom(text).querySelector('narrative[*|lang="fr"]')?.textContent).toBe('Sévaré council admits women mediators');
});

test('when a goal has published outcomes, then a qualitative indicator (measure 5) links the closed harvest report', async () => {
  const d = dom((await donor.get(`/api/programmes/${t.world.programmes.A}/iati.xml`)).text);
  const qualitative = [...d.querySelectorAll('indicator[measure="5"]')];
  expect(qualitative.length).toBe(3);
  for (const q of qualitative) {
    const link = q.querySelector('document-link')!;
    expect(link.getAttribute('url')).toMatch(new RegExp(`/api/harvests/${harvestId}/report\\.html$`));
    expect(link.querySelector('category')!.getAttribute('code')).toBe('A08');
  }
});

test('when the programme has indicators, then baseline, target and validated actual per period, never a draft value', async () => {
  const d = dom((await donor.get(`/api/programmes/${t.world.programmes.A}/iati.xml`)).text);
  const q = [...d.querySelectorAll('indicator[measure="1"]')];
  expect(q).toHaveLength(1);
  expect(q[0].querySelector('baseline')!.getAttribute('value')).toBe('12');
  const periods = [...q[0].querySelectorAll('period')];
  expect(periods).toHaveLength(2);
  expect(periods[0].querySelector('target')!.getAttribute('value')).toBe('40');
  expect(periods[0].querySelector('actual')!.getAttribute('value')).toBe('31');
  // a target with no actual yet reaches the file in its own year
  expect([periods[1].querySelector('period-start')!.getAttribute('iso-date'), periods[1].querySelector('period-end')!.getAttribute('iso-date')]).toEqual(['2027-01-01', '2027-12-31']);
  expect(periods[1].querySelector('target')!.getAttribute('value')).toBe('60');
  expect(periods[1].querySelector('actual')).toBeNull();
});

test('the activity names its recipient countries: those of its published outcomes, by share, adding up to 100', async () => {
  const d = dom((await donor.get(`/api/programmes/${t.world.programmes.A}/iati.xml`)).text);
  const countries = [...d.querySelectorAll('iati-activity > recipient-country')].map((c) => [c.getAttribute('code'), Number(c.getAttribute('percentage'))] as const);
  const published = (await donor.get(`/api/outcomes?programme=${t.world.programmes.A}&pageSize=200`)).body.items.filter((o: { sensitivity: string }) => o.sensitivity === 'public');
  expect(countries.map(([c]) => c).sort()).toEqual([...new Set(published.map((o: { location: { country: string } }) => o.location.country))].sort());
  if (countries.length > 1) expect(countries.reduce((n, [, p]) => n + p, 0)).toBe(100);
  // in the schema's order: after the activity dates, before the sectors
  const names = [...d.querySelector('iati-activity')!.children].map((e) => e.tagName);
  expect(names.indexOf('recipient-country')).toBeGreaterThan(names.lastIndexOf('activity-date'));
  expect(names.indexOf('recipient-country')).toBeLessThan(names.indexOf('sector'));
});

test("when a harvest's outcomes are published, then they are results of the programme's one activity; a harvest has no activity file of its own", async () => {
  const text = (await donor.get(`/api/programmes/${t.world.programmes.A}/iati.xml`)).text;
  expect(await schemaErrors(text)).toEqual([]);
  expect(text).toContain('Kassala');
  expect(dom(text).querySelectorAll('iati-activity > iati-identifier')).toHaveLength(1);
  expect((await donor.get(`/api/harvests/${harvestId}/iati.xml`)).status).toBe(404);
});

test('when the programme lacks what IATI needs, then 409 naming it; another programme, 404', async () => {
  const r = await t.as('evaluatorB').then((c) => c.get(`/api/programmes/${t.world.programmes.B}/iati.xml`));
  expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'conflict' });
  expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['/periodStart']);
  expect((await donorB.get(`/api/programmes/${t.world.programmes.A}/iati.xml`)).status).toBe(404);
  expect((await donorB.get(`/api/harvests/${harvestId}/iati.xml`)).status).toBe(404);
});

test("when the demo data is loaded, then the IATI file of the demo harvests' programme validates against the official schema", async () => {
  await seedDemo(t.ctx);
  const demoAdmin = t.anon();
  const login = await demoAdmin.post('/api/auth/login', { email: 'admin@oogst.test', password: 'oogst-demo' });
  expect(login.status).toBe(200);
  const harvests = (await demoAdmin.get('/api/harvests?pageSize=200')).body.items.filter((h: { programme: { name: string } }) => /Women Lead Peace/.test(h.programme.name));
  expect(harvests.length).toBeGreaterThan(0);
  for (const programmeId of new Set<string>(harvests.map((h: { programme: { id: string } }) => h.programme.id))) {
    const r = await demoAdmin.get(`/api/programmes/${programmeId}/iati.xml`);
    expect(r.status).toBe(200);
    expect(await schemaErrors(r.text)).toEqual([]);
    expect(unknownCodes(r.text)).toEqual({});
    expect(dom(r.text).querySelectorAll('result').length).toBeGreaterThan(0);
  }
});

test('no element repeats a narrative in one language (the IATI rule), the outcome titles of a year sharing one per language', async () => {
  // last in the file: two more published outcomes, of one year and language
  for (const title of ['Ségou youth council seats two young women', 'Ségou market board hears women traders']) {
    await publishedOutcome(p1, ev, { title, language: 'en', occurredOn: { date: '2022-05', precision: 'month' }, goals: [{ code: 'NL-IV-1.1', primary: true }] });
  }
  {
    const d = dom((await donor.get(`/api/programmes/${t.world.programmes.A}/iati.xml`)).text);
    for (const el of d.querySelectorAll('*')) {
      const langs = [...el.children].filter((c) => c.tagName === 'narrative').map((n) => n.getAttribute('xml:lang') ?? 'en');
      expect({ el: el.tagName, langs }).toEqual({ el: el.tagName, langs: [...new Set(langs)] });
    }
  }
});

test('programme identifiers the IATI validator would flag are refused, each naming its field', async () => {
  const make = (over: Record<string, string>) => admin.post('/api/programmes', { name: `IATI check ${Object.values(over).join(' ')}`, ...over });
  const refused = async (over: Record<string, string>) => { const r = await make(over); return [r.status, r.body.errors?.map((e: { path: string }) => e.path)]; };
  expect(await refused({ reportingOrgRef: 'XM-DAC-7', iatiIdentifier: 'XM-DAC-7' })).toEqual([422, ['/iatiIdentifier']]);
  expect(await refused({ reportingOrgRef: 'XM-DAC-7', iatiIdentifier: 'XM-DAC-7-PPR/2024' })).toEqual([422, ['/iatiIdentifier']]);
  expect(await refused({ reportingOrgRef: 'XM-DAC-7', iatiIdentifier: 'GB-COH-123-WPS' })).toEqual([422, ['/iatiIdentifier']]);
  expect(await refused({ reportingOrgRef: 'KVK12345678', iatiIdentifier: 'KVK12345678-WPS' })).toEqual([422, ['/reportingOrgRef']]);
  const ok = await make({ reportingOrgRef: 'XM-DAC-7', iatiIdentifier: 'XM-DAC-7-PPR-4000009999' });
  expect(ok.status).toBe(201);
  // a new reference that the identifier no longer begins with
  expect((await admin.patch(`/api/programmes/${ok.body.id}`, { reportingOrgRef: 'NL-KVK-12345678' })).body.errors.map((e: { path: string }) => e.path)).toEqual(['/iatiIdentifier']);
  expect((await admin.patch(`/api/programmes/${ok.body.id}`, { reportingOrgRef: 'NL-KVK-12345678', iatiIdentifier: 'NL-KVK-12345678-WPS-1' })).status).toBe(200);
});
