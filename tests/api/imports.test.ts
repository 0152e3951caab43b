// Spreadsheet imports of outcomes: template, dry run, all-or-nothing commit, the API's own rules
// row by row, and files that are wrong as a whole (columns, encodings, size, formulas).
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { startTestApp, TestApp, Client } from '../helpers/app';
import { countOf, csvRecords, getBytes, HEADER, row, upload, xlsxRows } from '../helpers/interop';

let t: TestApp;
let p1: Client, p1b: Client, p2: Client, ev: Client, donor: Client;

const csvOf = (rows: Array<Record<string, unknown>>, header = HEADER) => stringify([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]);
const importCsv = (c: Client, csv: string | Buffer, fields: Record<string, string> = {}) =>
  upload(c, '/api/imports', { name: 'outcomes.csv', bytes: csv, type: 'text/csv' }, { format: 'csv', kind: 'outcomes', ...fields });
const count = (org: string) => countOf(t.ctx.db('outcomes').where({ organisation_id: org }).count({ n: '*' }));

beforeAll(async () => {
  t = await startTestApp();
  await t.ctx.db('users').where({ id: t.world.users.partner1b }).update({ language: 'fr' });
  [p1, p1b, p2, ev, donor] = await Promise.all((['partner1', 'partner1b', 'partner2', 'evaluator', 'donor'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

describe('template', () => {
  test('when asked for the CSV template, then the columns of an outcome', async () => {
    const r = await p1.get('/api/imports/template.csv?kind=outcomes');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/oogst-outcomes-template\.csv/);
    expect(r.text.replace(/^\ufeff/, '').trim().split(',')).toEqual(HEADER);
  });
  test('when asked for the XLSX template, then the columns and sheets of the codes they take', async () => {
    const bytes = (await getBytes(p1, '/api/imports/template.xlsx?kind=outcomes')).bytes;
    expect((await xlsxRows(bytes))[0]).toEqual(HEADER);
    const goals = await xlsxRows(bytes, 'goals');
    expect(goals.map((g) => g[0])).toEqual(expect.arrayContaining(['NL-IV-1.3', 'PART', 'SDG16']));
    expect((await xlsxRows(bytes, 'typologies')).map((g) => g[0])).toEqual(expect.arrayContaining(['OH-POLICY', 'GAW-RULES']));
  });
  test('when the kind is unknown, then 400', async () => {
    expect((await p1.get('/api/imports/template.csv?kind=nope')).status).toBe(400);
  });
});

describe('dry run and commit', () => {
  test('when three good rows are checked and committed, then three drafts of the organisation, text exactly as typed', async () => {
    const before = await count(t.world.orgs.p1);
    const text = 'Ségou — «femmes» نساء 👩🏿‍⚖️ <b>bold</b> "quotes"\r\nline two';
    const dry = await importCsv(p1, csvOf([row(), row({ description: text, otherGoals: '' }), row({ occurredOn: '2023', lat: '14,4843', lon: '-4.1827', evidence: 'https://example.org/minutes\nField notes' })]));
    expect(dry.status).toBe(201);
    expect(dry.body).toMatchObject({ status: 'validated', rows: 3, checked: 3, errorCount: 0, errors: [], kind: 'outcomes', format: 'csv', filename: 'outcomes.csv' });
    expect(await count(t.world.orgs.p1)).toBe(before);
    expect((await p1.get(`/api/imports/${dry.body.id}`)).body.status).toBe('validated');
    const done = await p1.post(`/api/imports/${dry.body.id}/commit`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'committed', committed: 3 });
    expect(await count(t.world.orgs.p1)).toBe(before + 3);
    const mine = (await p1.get('/api/outcomes?pageSize=200&sort=-createdAt')).body.items;
    const exact = mine.find((o: { description: string }) => o.description === text);
    expect(exact).toMatchObject({ status: 'draft', goals: [{ code: 'NL-IV-1.3', primary: true }], positive: true, intended: true });
    const located = mine.find((o: { location: { lat?: number } }) => o.location.lat === 14.4843);
    expect(located).toMatchObject({ occurredOn: { date: '2023', precision: 'year' }, evidenceCount: 2, evidence: [{ kind: 'link', url: 'https://example.org/minutes' }, { kind: 'document', title: 'Field notes' }] });
    expect(await countOf(t.ctx.db('audit_log').where({ action: 'outcome.create' }).whereRaw('details like ?', [`%${dry.body.id}%`]).count({ n: '*' }))).toBe(3);
    expect(await countOf(t.ctx.db('import_chunks').where({ import_id: dry.body.id }).count({ n: '*' }))).toBe(0);
    const again = await p1.post(`/api/imports/${dry.body.id}/commit`);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'conflict' });
  });

  test('when rows break the rules, then the import is refused, every bad row named, and nothing is written', async () => {
    const before = await count(t.world.orgs.p1);
    const dry = await importCsv(p1, csvOf([
      row(), row({ primaryGoal: 'NL-IV-9.9' }), row({ country: 'XX', positive: 'maybe' }), row({ title: '' }), row({ lat: 'north' }),
      row({ occurredOn: '2023-02-29', occurredPrecision: 'day' }), row({ socialActorType: 'alien' }), row({ evidence: '[{"kind":' }),
    ]));
    expect(dry.status).toBe(201);
    expect(dry.body.status).toBe('refused');
    const seen = dry.body.errors.map((e: { row: number; column: string; code: string }) => `${e.row} ${e.column} ${e.code}`);
    expect(seen).toEqual(expect.arrayContaining([
      '3 primaryGoal unknown_goal', '4 positive not_boolean', '5 title required', '6 lat not_a_number',
      '7 occurredOn bad_date', '8 socialActorType not_allowed', '9 evidence invalid_json',
    ]));
    expect(dry.body.errors.every((e: { row: number }) => e.row !== 2)).toBe(true);
    const country = await importCsv(p1, csvOf([row({ country: 'XX' })]));
    expect(country.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'country', path: '/location/country', code: 'unknown_country' })]);
    const commit = await p1.post(`/api/imports/${dry.body.id}/commit`);
    expect({ status: commit.status, code: commit.body.code }).toEqual({ status: 409, code: 'conflict' });
    expect(await count(t.world.orgs.p1)).toBe(before);
  });

  test("when the user works in French, then the messages are French", async () => {
    const dry = await importCsv(p1b, csvOf([row({ primaryGoal: 'NL-IV-9.9' })]));
    expect(dry.body.errors[0]).toMatchObject({ code: 'unknown_goal', message: "n'est pas un code d'objectif connu" });
  });

  test('when an export is edited and imported again, then its own columns are read past and neutralised text comes back exact', async () => {
    const first = await importCsv(p1, csvOf([row({ title: '=SUM(A1:A3) is how the council counted', adminArea: '@Mopti' })]));
    await p1.post(`/api/imports/${first.body.id}/commit`);
    const exported = (await p1.get('/api/exports/outcomes.csv?q=council%20counted')).text;
    expect(csvRecords(exported)[0].title).toBe(`'=SUM(A1:A3) is how the council counted`);
    const again = await importCsv(p1, exported);
    expect(again.body).toMatchObject({ status: 'validated', rows: 1 });
    await p1.post(`/api/imports/${again.body.id}/commit`);
    const found = (await p1.get('/api/outcomes?q=council%20counted&pageSize=10')).body.items;
    expect(found.map((o: { title: string }) => o.title)).toEqual(['=SUM(A1:A3) is how the council counted', '=SUM(A1:A3) is how the council counted']);
    expect(found[0].location.adminArea).toBe('@Mopti');
  });

  test('when someone else asks, then 404; when a colleague commits, then 403', async () => {
    const dry = await importCsv(p1, csvOf([row()]));
    expect((await p2.get(`/api/imports/${dry.body.id}`)).status).toBe(404);
    expect((await p2.post(`/api/imports/${dry.body.id}/commit`)).status).toBe(404);
    const colleague = await p1b.post(`/api/imports/${dry.body.id}/commit`);
    expect({ status: colleague.status, code: colleague.body.code }).toEqual({ status: 403, code: 'forbidden' });
    expect((await p1b.get(`/api/imports/${dry.body.id}`)).status).toBe(200);
  });

  test('when the client chooses the id, then it can follow the import by it', async () => {
    const id = '4f0b6a3e-8d2c-4e71-9a5b-3c1d2e4f5a60';
    const dry = await importCsv(p1, csvOf([row()]), { id });
    expect(dry.body.id).toBe(id);
    expect((await p1.get(`/api/imports/${id}`)).body).toMatchObject({ id, rows: 1, checked: 1 });
    const twice = await importCsv(p1, csvOf([row()]), { id });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'already_exists' });
  });
});

describe('files that are wrong as a whole', () => {
  test('when columns are unknown or missing, then 422 naming them, and no import is kept', async () => {
    const before = Number((await t.ctx.db('imports').count({ n: '*' }))[0].n);
    const header = [...HEADER.filter((h) => h !== 'title'), 'colour'];
    const r = await importCsv(p1, csvOf([row({ colour: 'red' })], header));
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'unprocessable' });
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/columns/colour', '/columns/title']);
    expect(Number((await t.ctx.db('imports').count({ n: '*' }))[0].n)).toBe(before);
  });

  test('when the CSV is not UTF-8, then 422 naming the file; UTF-16 with a byte-order mark is read', async () => {
    const latin1 = Buffer.from(csvOf([row({ adminArea: 'Ségou' })]), 'latin1');
    const bad = await importCsv(p1, latin1);
    expect({ status: bad.status, code: bad.body.code, path: bad.body.errors[0].path }).toEqual({ status: 422, code: 'unprocessable', path: '/file' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvOf([row({ adminArea: 'Ségou' })]), 'utf16le')]);
    expect((await importCsv(p1, utf16)).body).toMatchObject({ status: 'validated', rows: 1 });
    const semicolons = stringify([HEADER, HEADER.map((h) => row()[h] ?? '')], { delimiter: ';' });
    expect((await importCsv(p1, semicolons)).body).toMatchObject({ status: 'validated', rows: 1 });
    const unclosed = await importCsv(p1, `${HEADER.join(',')}\n"never closed,`);
    expect(unclosed.status).toBe(422);
  });

  test('when an XLSX is damaged or not one at all, then 422', async () => {
    const r = await upload(p1, '/api/imports', { name: 'x.xlsx', bytes: Buffer.from('PK\u0003\u0004 garbage') }, { format: 'xlsx', kind: 'outcomes' });
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'unprocessable' });
    const csvAsXlsx = await upload(p1, '/api/imports', { name: 'x.xlsx', bytes: csvOf([row()]) }, { format: 'xlsx', kind: 'outcomes' });
    expect(csvAsXlsx.status).toBe(422);
  });

  test('when an XLSX cell holds a formula, then that row is refused naming the column; text that looks like one is text', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('outcomes');
    ws.addRow(HEADER);
    ws.addRow(HEADER.map((h) => row({ title: '=HYPERLINK("http://evil.example")' })[h]));
    const bad = ws.addRow(HEADER.map((h) => row()[h]));
    bad.getCell(HEADER.indexOf('description') + 1).value = { formula: 'A1&A1', result: 'x' } as ExcelJS.CellFormulaValue;
    const r = await upload(p1, '/api/imports', { name: 'x.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()) }, { format: 'xlsx', kind: 'outcomes' });
    expect(r.body.status).toBe('refused');
    expect(r.body.errors).toEqual([expect.objectContaining({ row: 3, column: 'description', code: 'formula' })]);
  });

  test('when the file is over the limit, then 413 and nothing is kept', async () => {
    const limit = t.ctx.config.importMaxBytes;
    t.ctx.config.importMaxBytes = 4096;
    try {
      const r = await importCsv(p1, csvOf(Array.from({ length: 40 }, () => row())));
      expect({ status: r.status, code: r.body.code }).toEqual({ status: 413, code: 'payload_too_large' });
      expect((await importCsv(p1, csvOf([row()]))).status).toBe(201);
    } finally {
      t.ctx.config.importMaxBytes = limit;
    }
  });

  test('when the body is not multipart or has no file, then 415 or 400', async () => {
    const json = await p1.post('/api/imports', { format: 'csv', kind: 'outcomes' });
    expect({ status: json.status, code: json.body.code }).toEqual({ status: 415, code: 'unsupported_media_type' });
    const form = new FormData();
    form.append('format', 'csv');
    form.append('kind', 'outcomes');
    const res = await fetch(`${t.base}/api/imports`, { method: 'POST', body: form, headers: { cookie: p1.cookie!, origin: t.base } });
    expect(res.status).toBe(400);
    const fields = await importCsv(p1, csvOf([row()]), { format: 'pdf' });
    expect({ status: fields.status, path: fields.body.errors[0].path }).toEqual({ status: 400, path: '/format' });
  });

  test('when a donor or an evaluator imports outcomes, then 403', async () => {
    expect((await importCsv(donor, csvOf([row()]))).status).toBe(403);
    const r = await importCsv(ev, csvOf([row()]));
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 403, code: 'forbidden' });
  });
});

describe('stories and indicator values', () => {
  const STORY = ['title', 'story', 'whySignificant', 'domain', 'collectedBy', 'collectedOn', 'country', 'adminArea', 'language', 'storytellerRole', 'storytellerGender', 'consentLevel', 'consentMethod', 'consentGivenOn', 'consentRecordedBy', 'primaryGoal', 'otherGoals', 'sensitivity'];
  const story = (over: Record<string, unknown> = {}) => ({
    title: 'The widow who asked for her garden', story: 'I stood up at the land committee.', whySignificant: 'I was heard.', domain: 'any-other-change',
    collectedBy: 'Field officer Canary', collectedOn: '2025-02-14', country: 'ML', adminArea: 'Mopti', language: 'en', storytellerRole: 'market gardener',
    storytellerGender: 'woman', consentLevel: 'anonymous', consentMethod: 'verbal', consentGivenOn: '2025-02-14', consentRecordedBy: 'Recorder Canary', primaryGoal: 'NL-IV-1.1', otherGoals: 'PART', sensitivity: 'public', ...over,
  });

  test('when stories are imported, then drafts written through the stories service, the storyteller encrypted; bad rows named', async () => {
    const bad = await upload(p1, '/api/imports', { name: 's.csv', bytes: csvOf([story(), story({ storytellerRole: '', consentLevel: 'maybe' })], STORY) }, { format: 'csv', kind: 'stories' });
    expect(bad.body.status).toBe('refused');
    expect(bad.body.errors.map((e: { row: number; column: string }) => `${e.row} ${e.column}`).sort()).toEqual(['3 consentLevel', '3 storytellerRole']);
    const good = await upload(p1, '/api/imports', { name: 's.csv', bytes: csvOf([story(), story({ title: 'Second story' })], STORY) }, { format: 'csv', kind: 'stories' });
    expect(good.body).toMatchObject({ status: 'validated', rows: 2 });
    expect((await p1.post(`/api/imports/${good.body.id}/commit`)).body).toMatchObject({ status: 'committed', committed: 2 });
    const found = (await p1.get('/api/stories?q=widow%20garden')).body.items;
    expect(found[0]).toMatchObject({ status: 'draft', storyteller: { role: 'market gardener', gender: 'woman' }, consent: { level: 'anonymous' } });
    expect(JSON.stringify(await t.ctx.db('stories').where({ id: found[0].id }).first())).not.toMatch(/Canary|market gardener/);
  });

  test('when indicator values are imported, then one batch per indicator; a partner may not validate, an unknown code is named', async () => {
    const ind = await ev.post('/api/indicators', { code: 'IMP-1', name: 'Women in committees', unit: 'women', direction: 'increase', programmeId: t.world.programmes.A, disaggregations: ['country'] });
    const H = ['indicatorCode', 'periodStart', 'periodEnd', 'value', 'disaggregation', 'status'];
    const rows = [
      { indicatorCode: 'IMP-1', periodStart: '2024-01-01', periodEnd: '2024-12-31', value: '12', status: 'validated' },
      { indicatorCode: 'IMP-1', periodStart: '2024-01-01', periodEnd: '2024-12-31', value: '7,5', disaggregation: 'country=ML', status: 'validated' },
    ];
    const dupe = await upload(ev, '/api/imports', { name: 'v.csv', bytes: csvOf([...rows, rows[0], { ...rows[0], indicatorCode: 'NOPE' }], H) }, { format: 'csv', kind: 'indicator-values' });
    expect(dupe.body.errors.map((e: { row: number; column: string }) => `${e.row} ${e.column}`)).toEqual(['4 ', '5 indicatorCode']);
    const ok = await upload(ev, '/api/imports', { name: 'v.csv', bytes: csvOf(rows, H) }, { format: 'csv', kind: 'indicator-values' });
    expect((await ev.post(`/api/imports/${ok.body.id}/commit`)).body.committed).toBe(2);
    const values = (await ev.get(`/api/indicators/${ind.body.id}/values`)).body.items.map((v: { value: number; disaggregation: object }) => [v.value, v.disaggregation]);
    expect(values).toEqual(expect.arrayContaining([[12, {}], [7.5, { country: 'ML' }]]));
    const again = await upload(ev, '/api/imports', { name: 'v.csv', bytes: csvOf(rows, H) }, { format: 'csv', kind: 'indicator-values' });
    expect(again.body.status).toBe('refused');
    const byPartner = await upload(p1, '/api/imports', { name: 'v.csv', bytes: csvOf([{ ...rows[0], periodStart: '2025-01-01', periodEnd: '2025-12-31' }], H) }, { format: 'csv', kind: 'indicator-values' });
    expect(byPartner.body.errors.map((e: { column: string }) => e.column)).toEqual(['indicatorCode']);
  });
});
