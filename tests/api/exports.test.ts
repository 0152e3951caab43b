// Exports: the list's filters, the API's redaction, confidential records never, formulas
// neutralised, and any number of records streamed whole.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { csvRecords, getBytes, insertOutcomes, publishedOutcome, xlsxRows } from '../helpers/interop';

let t: TestApp;
let p1: Client, p2: Client, ev: Client, donor: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, ev, donor] = await Promise.all((['partner1', 'partner2', 'evaluator', 'donor'] as const).map((w) => t.as(w)));
  ids.personal = await publishedOutcome(p1, ev, {
    title: '=HYPERLINK("http://evil.example","click")', description: '+SUM(1,2)',
    socialActor: { name: 'Commander Zakaria Canary', type: 'individual' },
    location: { country: 'ML', adminArea: '@Mopti', lat: 14.4843, lon: -4.1827 },
    evidence: [{ kind: 'informant', role: 'Council clerk', name: 'Fatou Canary', contact: '+223 7000 0000' }],
  });
  ids.restricted = await publishedOutcome(p1, ev, { title: 'Restricted change in Gao', sensitivity: 'restricted', location: { country: 'ML' } });
  ids.confidential = await publishedOutcome(p1, ev, { title: 'Confidential change in Kidal', sensitivity: 'confidential' });
  ids.draft = (await p1.post('/api/outcomes', { ...(await import('../helpers/fixtures')).outcomeBody({ title: 'Draft in Niger', location: { country: 'NE' } }) })).body.id;
});
afterAll(() => t.close());

describe('CSV', () => {
  test('when a donor exports, then only published public outcomes, redacted, with formulas neutralised', async () => {
    const r = await getBytes(donor, '/api/exports/outcomes.csv');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="oogst-outcomes-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = r.bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = csvRecords(text);
    expect(rows.map((x) => x.id)).toEqual([ids.personal]);
    const row = rows[0];
    expect(row.title).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row.description).toBe(`'+SUM(1,2)`);
    expect(row.adminArea).toBe(`'@Mopti`);
    expect(row.socialActorName).toBe('');
    expect(row.lat).toBe('');
    expect(text).not.toMatch(/Canary|14\.4843|7000 0000/);
    expect(JSON.parse(row.evidence)).toEqual([{ kind: 'informant', role: 'Council clerk' }]);
  });

  test('when its partner exports, then its own drafts and personal data, but never a confidential outcome', async () => {
    const rows = csvRecords((await p1.get('/api/exports/outcomes.csv')).text);
    const got = rows.map((x) => x.id);
    expect(got).toEqual(expect.arrayContaining([ids.personal, ids.restricted, ids.draft]));
    expect(got).not.toContain(ids.confidential);
    const personal = rows.find((x) => x.id === ids.personal)!;
    expect(personal.socialActorName).toBe('Commander Zakaria Canary');
    expect(personal.lat).toBe('14.4843');
    expect(personal.lon).toBe('-4.1827'); // a number is not a formula
    expect(personal.positive).toBe('true');
  });

  test('when filtered, then the same records as the list', async () => {
    const list = await p1.get('/api/outcomes?country=NE&pageSize=200');
    const rows = csvRecords((await p1.get('/api/exports/outcomes.csv?country=NE')).text);
    expect(rows.map((x) => x.id)).toEqual(list.body.items.map((o: { id: string }) => o.id));
    expect(csvRecords((await p1.get('/api/exports/outcomes.csv?q=Gao')).text).map((x) => x.id)).toEqual([ids.restricted]);
  });

  test('when a filter is malformed, then 400 before any byte of the file', async () => {
    const r = await p1.get('/api/exports/outcomes.csv?from=2024-13');
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    expect(r.headers.get('content-disposition')).toBeNull();
  });

  test('when anonymous, then 401', async () => {
    const r = await t.anon().get('/api/exports/outcomes.csv');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('unauthenticated');
  });
});

describe('XLSX and JSON', () => {
  test('when exported as XLSX, then the same rows, formulas kept as text', async () => {
    const r = await getBytes(donor, '/api/exports/outcomes.xlsx');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/spreadsheetml/);
    const rows = await xlsxRows(r.bytes);
    const header = rows[0] as string[];
    expect(header.slice(0, 4)).toEqual(['id', 'status', 'organisation', 'title']);
    expect(rows).toHaveLength(2);
    const row = rows[1];
    expect(row[header.indexOf('title')]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row[header.indexOf('positive')]).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/Canary|14\.4843/);
  });

  test('when exported as JSON, then the records exactly as the API presents them, with the names of their codes beside', async () => {
    const r = await donor.get('/api/exports/outcomes.json');
    expect(r.status).toBe(200);
    const api = await donor.get(`/api/outcomes/${ids.personal}`);
    const { translations: _t, ...record } = api.body;
    const [item] = r.body.items;
    const names = Object.fromEntries(Object.entries(item).filter(([k]) => !(k in record)));
    expect(r.body.items).toEqual([{ ...record, ...names }]);
    expect(names).toEqual({
      statusName: 'Published', socialActorTypeName: 'Individual', changeTypeName: 'Policy', quadrantName: 'Formal rules and policies', countryName: 'Mali',
      sensitivityName: 'Public', languageName: 'English', primaryGoalName: 'Inclusive, bottom-up peace processes', otherGoalNames: 'Participation',
    });
    expect(r.body.items[0].title).toBe('=HYPERLINK("http://evil.example","click")');
  });
});

describe('size', () => {
  test('when there are 1,234 outcomes, then every one is exported, in every format', async () => {
    await insertOutcomes(t, t.world.orgs.p2, 1234, { location: { country: 'SD' } });
    const csv = csvRecords((await p2.get('/api/exports/outcomes.csv?country=SD')).text);
    expect(csv).toHaveLength(1234);
    expect(new Set(csv.map((x) => x.id)).size).toBe(1234);
    const xlsx = await xlsxRows((await getBytes(p2, '/api/exports/outcomes.xlsx?country=SD')).bytes);
    expect(xlsx).toHaveLength(1235);
    const json = await p2.get('/api/exports/outcomes.json?country=SD');
    expect(json.body.items).toHaveLength(1234);
  });

  test('when the client goes away in the middle, then the server lets go and keeps answering', async () => {
    const abort = new AbortController();
    const res = await fetch(`${t.base}/api/exports/outcomes.json?country=SD`, { headers: { cookie: p2.cookie! }, signal: abort.signal });
    const reader = res.body!.getReader();
    await reader.read();
    abort.abort();
    await reader.read().catch(() => undefined);
    const again = await p2.get('/api/exports/outcomes.json?country=SD');
    expect(again.body.items).toHaveLength(1234);
  });

  test('when a text is longer than an Excel cell, then the rest continues on the sheet "continued"', async () => {
    const long = 'ab'.repeat(20000);
    const [id] = await insertOutcomes(t, t.world.orgs.p2, 1, { description: long, location: { country: 'SO' } });
    const bytes = (await getBytes(p2, '/api/exports/outcomes.xlsx?country=SO')).bytes;
    const rows = await xlsxRows(bytes);
    const cont = await xlsxRows(bytes, 'continued');
    const header = rows[0] as string[];
    expect(rows[1][header.indexOf('id')]).toBe(id);
    expect(String(rows[1][header.indexOf('description')]) + cont.slice(1).map((c) => c[3]).join('')).toBe(long);
    expect(cont[1].slice(0, 3)).toEqual([2, 'description', 2]);
  });
});

describe('stories, fragments and indicator values', () => {
  test('when a donor exports stories, then published shareable ones only, without the storyteller or the collector', async () => {
    const { storyBody, ok, publish } = await import('../helpers/stories');
    const shared = await ok(p1.post('/api/stories', storyBody({ title: '+Shared story of the Sévaré gardens' })), 201);
    await publish('stories', shared.id, p1, ev);
    const secret = await ok(p1.post('/api/stories', storyBody({ title: 'Confidential story', sensitivity: 'confidential' })), 201);
    await publish('stories', secret.id, p1, ev);
    const rows = csvRecords((await donor.get('/api/exports/stories.csv')).text);
    expect(rows.map((r) => r.id)).toEqual([shared.id]);
    expect(rows[0].title).toBe(`'+Shared story of the Sévaré gardens`);
    expect(rows[0].storyteller).toBe('');
    expect(rows[0].collectedBy).toBe('');
    expect(JSON.stringify(rows)).not.toMatch(/Canary/);
    const own = csvRecords((await p1.get('/api/exports/stories.csv')).text);
    expect(own.find((r) => r.id === shared.id)!.collectedBy).toBe('Collector Canary');
    expect(own.map((r) => r.id)).not.toContain(secret.id);
    expect((await p1.get('/api/exports/stories.json?from=2025-13')).status).toBe(400);
  });

  test('when fragments are exported, then with their source, speaker only for those who may see it', async () => {
    const { sourceBody, fragmentBody, ok, publish } = await import('../helpers/stories');
    const source = await ok(p1.post('/api/sources', sourceBody({ programmeId: t.world.programmes.A })), 201);
    const f = await ok(p1.post('/api/fragments', fragmentBody(source.id)), 201);
    await publish('fragments', f.id, p1, ev);
    const own = csvRecords((await p1.get('/api/exports/fragments.csv')).text).find((r) => r.id === f.id)!;
    expect(own.sourceTitle).toBe('Focus group with women traders, Sévaré market');
    expect(JSON.parse(own.speaker).role).toBe('vegetable seller');
    const theirs = csvRecords((await donor.get('/api/exports/fragments.csv')).text).find((r) => r.id === f.id);
    expect(theirs?.speaker ?? '').toBe('');
  });

  test('when indicator values are exported, then drafts only for those who may see them', async () => {
    const ind = await ev.post('/api/indicators', { code: 'X-EXPORT', name: 'Women in committees', unit: 'women', direction: 'increase', programmeId: t.world.programmes.A });
    await ev.post(`/api/indicators/${ind.body.id}/values`, [
      { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 12, status: 'validated' },
      { periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 15, status: 'draft', disaggregation: {} },
    ]);
    const byEvaluator = csvRecords((await ev.get(`/api/exports/indicator-values.csv?indicator=${ind.body.id}`)).text);
    expect(byEvaluator.map((r) => [r.indicatorCode, r.periodEnd, r.value, r.status])).toEqual([['X-EXPORT', '2024-12-31', '12', 'validated'], ['X-EXPORT', '2025-12-31', '15', 'draft']]);
    const byDonor = csvRecords((await donor.get('/api/exports/indicator-values.csv')).text);
    expect(byDonor.filter((r) => r.indicatorCode === 'X-EXPORT').map((r) => r.status)).toEqual(['validated']);
    const xlsx = await xlsxRows((await getBytes(ev, `/api/exports/indicator-values.xlsx?indicator=${ind.body.id}&status=validated`)).bytes);
    expect(xlsx).toHaveLength(2);
    expect(xlsx[1][5]).toBe(12);
  });
});

describe("names in the reader's language", () => {
  /** Runs `fn` with the person's profile in another language, then puts it back. */
  async function inLanguage<T>(c: Client, language: string, fn: () => Promise<T>): Promise<T> {
    expect((await c.patch('/api/auth/me', { language })).status).toBe(200);
    try { return await fn(); } finally { await c.patch('/api/auth/me', { language: 'en' }); }
  }

  test('when a French reader exports outcomes as CSV, then the code columns are unchanged and in place, and the names of the codes follow in French', async () => {
    const english = (await getBytes(donor, '/api/exports/outcomes.csv')).bytes.toString('utf8');
    const text = await inLanguage(donor, 'fr', async () => (await getBytes(donor, '/api/exports/outcomes.csv')).bytes.toString('utf8'));
    const header = (s: string) => s.replace(/^\ufeff/, '').split(/\r?\n/)[0].split(',');
    expect(header(text)).toEqual(header(english));
    expect(header(text).slice(-9)).toEqual(['statusName', 'socialActorTypeName', 'changeTypeName', 'quadrantName', 'countryName', 'sensitivityName', 'languageName', 'primaryGoalName', 'otherGoalNames']);
    const [row] = csvRecords(text);
    expect([row.status, row.changeType, row.quadrant, row.primaryGoal, row.otherGoals, row.country]).toEqual(['published', 'OH-POLICY', 'GAW-RULES', 'NL-IV-1.3', 'PART', 'ML']);
    expect(row).toMatchObject({
      statusName: 'Publié', changeTypeName: 'Politique', quadrantName: 'Règles formelles et politiques', primaryGoalName: 'Processus de paix inclusifs et ascendants',
      otherGoalNames: 'Participation', countryName: 'Mali', sensitivityName: 'Public', languageName: 'anglais',
    });
  });

  test('when an Arabic reader exports outcomes as JSON, then each record carries the Arabic names beside its codes', async () => {
    const r = await inLanguage(donor, 'ar', () => donor.get('/api/exports/outcomes.json'));
    expect(r.body.items[0]).toMatchObject({
      changeType: 'OH-POLICY', changeTypeName: 'سياسة', quadrantName: 'القواعد والسياسات الرسمية', primaryGoalName: 'عمليات سلام شاملة تنطلق من القاعدة',
      otherGoalNames: 'المشاركة', countryName: 'مالي',
    });
  });

  test('when a Dutch reader exports stories and indicator values, then the domain, the state and the indicator are named in Dutch', async () => {
    const { storyBody, ok, publish } = await import('../helpers/stories');
    const story = await ok(p1.post('/api/stories', storyBody({ title: 'Story of a Dutch reader', domain: 'any-other-change' })), 201);
    await publish('stories', story.id, p1, ev);
    const ind = await ok(ev.post('/api/indicators', {
      code: 'X-NAMED', name: 'Women mediators', unit: 'women', direction: 'increase', programmeId: t.world.programmes.A, disaggregations: ['sex', 'age'],
      names: { nl: 'Vrouwelijke bemiddelaars', fr: ' ' }, unitNames: { nl: 'vrouwen' },
    }), 201);
    expect(ind).toMatchObject({ names: { nl: 'Vrouwelijke bemiddelaars' }, unitNames: { nl: 'vrouwen' } });
    expect(ind.names).not.toHaveProperty('fr'); // a blank name reads as the English one
    await ok(ev.post(`/api/indicators/${ind.id}/values`, [
      { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 7, status: 'validated' },
      { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 3, status: 'validated', disaggregation: { sex: 'female', age: '25-34' } },
    ]), 201);
    await inLanguage(ev, 'nl', async () => {
      const stories = csvRecords((await ev.get('/api/exports/stories.csv')).text);
      expect(stories.find((x) => x.id === story.id)).toMatchObject({ domain: 'any-other-change', domainName: 'Elke andere verandering', statusName: 'Gepubliceerd' });
      const [value, broken] = csvRecords((await ev.get(`/api/exports/indicator-values.csv?indicator=${ind.id}`)).text)
        .sort((x, y) => x.disaggregation.length - y.disaggregation.length);
      expect(value).toMatchObject({ indicatorCode: 'X-NAMED', indicatorName: 'Women mediators', unit: 'women', indicatorNameLocalised: 'Vrouwelijke bemiddelaars', unitLocalised: 'vrouwen', statusName: 'Gevalideerd', disaggregationName: '' });
      // the breakdown's codes stay in their cell; beside them, in Dutch, as the screen says it
      expect(JSON.parse(broken.disaggregation)).toEqual({ age: '25-34', sex: 'female' });
      expect(broken.disaggregationName).toBe('Leeftijdsgroep: 25–34 jaar · Geslacht: Vrouw');
    });
  });
});
