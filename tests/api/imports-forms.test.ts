// KoboToolbox and ODK Central imports through saved mappings: group paths, select_multiple,
// geopoints, attachments, fixed values; real exports from tests/fixtures/kobo/; importing the same
// submissions twice leaves the same records.
import fs from 'node:fs';
import path from 'node:path';
import { startTestApp, TestApp, Client } from '../helpers/app';
import { countOf, upload } from '../helpers/interop';

let t: TestApp;
let p1: Client, p2: Client, ev: Client, donor: Client;
const FIXTURES = path.join(__dirname, '../fixtures/kobo');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, ev, donor] = await Promise.all((['partner1', 'partner2', 'evaluator', 'donor'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

/** What the forms do not ask: fixed values for the outcome's required fields. */
const FIXED = {
  changeType: { value: 'OH-PRACTICE' }, quadrant: { value: 'GAW-NORMS' }, country: { value: 'ML' }, positive: { value: true },
  intended: { value: true }, sensitivity: { value: 'restricted' }, language: { value: 'en' }, primaryGoal: { value: 'NL-IV-2.1' },
  socialActorType: { value: 'community' }, contribution: { value: 'Collected in community monitoring visits.' },
};

async function mapping(c: Client, name: string, fields: Record<string, unknown>, key?: string): Promise<string> {
  const r = await c.post('/api/import-mappings', { name, kind: 'outcomes', fields: { ...FIXED, ...fields }, ...(key && { key }) });
  if (r.status !== 201) throw new Error(`mapping: ${r.status} ${r.text}`);
  return r.body.id;
}

async function importTwice(c: Client, file: string, format: string, mappingId: string) {
  const first = await upload(c, '/api/imports', { name: file, bytes: fixture(file) }, { format, kind: 'outcomes', mappingId });
  expect(first.body.errors).toEqual([]);
  const done = await c.post(`/api/imports/${first.body.id}/commit`);
  expect(done.status).toBe(200);
  const second = await upload(c, '/api/imports', { name: file, bytes: fixture(file) }, { format, kind: 'outcomes', mappingId });
  const again = await c.post(`/api/imports/${second.body.id}/commit`);
  return { first: first.body, done: done.body, second: second.body, again: again.body };
}

const outcomesOf = async (c: Client, q: string) => (await c.get(`/api/outcomes?${q}&pageSize=200`)).body.items;

describe('mappings', () => {
  test('when saved, read, changed and deleted by its organisation, then each change is kept; others get 404, donors 403', async () => {
    const id = await mapping(p1, 'Trees', { title: { from: 'group_a/question' }, description: { template: 'Seen: {a} and {b}' }, significance: { value: 'x' } });
    expect((await p1.get(`/api/import-mappings/${id}`)).body).toMatchObject({ name: 'Trees', kind: 'outcomes', key: null, fields: { title: { from: 'group_a/question' } } });
    expect((await p2.get(`/api/import-mappings/${id}`)).status).toBe(404);
    expect((await donor.get('/api/import-mappings')).status).toBe(403);
    const changed = await p1.patch(`/api/import-mappings/${id}`, { name: 'Trees v2', key: 'meta/instanceID' });
    expect(changed.body).toMatchObject({ name: 'Trees v2', key: 'meta/instanceID' });
    expect(await countOf(t.ctx.db('revisions').where({ entity_type: 'import_mapping', entity_id: id }).count({ n: '*' }))).toBe(1);
    expect((await p1.get('/api/import-mappings')).body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect((await p1.delete(`/api/import-mappings/${id}`)).status).toBe(204);
    expect((await p1.get(`/api/import-mappings/${id}`)).status).toBe(404);
  });

  test('when an evaluator keeps a mapping, then only of the kind their role imports (indicator values), and may change it too', async () => {
    const outcomes = await ev.post('/api/import-mappings', { name: 'x', kind: 'outcomes', fields: { title: { from: 'a' } } });
    expect({ status: outcomes.status, code: outcomes.body.code }).toEqual({ status: 403, code: 'forbidden' });
    const values = await ev.post('/api/import-mappings', { name: 'Monthly values', kind: 'indicator-values', fields: { value: { from: 'count' } } });
    expect(values.status).toBe(201);
    expect((await ev.patch(`/api/import-mappings/${values.body.id}`, { name: 'Monthly values v2' })).body.name).toBe('Monthly values v2');
    expect((await ev.delete(`/api/import-mappings/${values.body.id}`)).status).toBe(204);
  });

  test('when a mapping names a column outcomes do not have, or misuses a geopoint, then 422 naming it', async () => {
    const r = await p1.post('/api/import-mappings', { name: 'x', kind: 'outcomes', fields: { colour: { from: 'a' }, title: { from: 'gps', as: 'geopoint' } } });
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'unprocessable' });
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/fields/colour', '/fields/title/as']);
    const both = await p1.post('/api/import-mappings', { name: 'x', kind: 'outcomes', fields: { title: { from: 'a', value: 'b' } } });
    expect(both.status).toBe(400);
  });

  test('when a form import names no mapping, or another organisation\'s, then 422', async () => {
    const none = await upload(p1, '/api/imports', { name: 'k.json', bytes: fixture('gc-scripts-hub_api-v2-data-response.json') }, { format: 'kobo-json', kind: 'outcomes' });
    expect({ status: none.status, path: none.body.errors?.[0]?.path }).toEqual({ status: 422, path: '/mappingId' });
    const theirs = await mapping(p2, 'Theirs', { title: { from: 'a' }, description: { from: 'b' }, significance: { from: 'c' } });
    const other = await upload(p1, '/api/imports', { name: 'k.json', bytes: fixture('gc-scripts-hub_api-v2-data-response.json') }, { format: 'kobo-json', kind: 'outcomes', mappingId: theirs });
    expect({ status: other.status, path: other.body.errors?.[0]?.path }).toEqual({ status: 422, path: '/mappingId' });
  });
});

describe('KoboToolbox', () => {
  test('when the API v2 data response is imported through a mapping, then outcomes with goals, coordinates and photos; twice, the same records', async () => {
    const id = await mapping(p1, 'Arboles (Kobo)', {
      title: { template: 'Tree of {Estimate_height_of_your_tree_in_meters} m cared for by the community' },
      description: { template: 'Reasons given: {I_like_this_tree_because}' },
      significance: { value: 'Shared trees anchor community meetings.' },
      socialActorName: { from: 'username' },
      occurredOn: { from: 'today', as: 'date' },
      coordinates: { from: 'Record_your_current_location', as: 'geopoint' },
      otherGoals: { from: 'I_like_this_tree_because', as: 'list', map: { shade: 'PART', food: 'RR', wildlife_habitat: 'PROT', beauty: 'PREV' } },
      evidence: { from: 'Take_a_photo_of_this_tree', as: 'attachments', includeUrl: true },
    });
    const r = await importTwice(p1, 'gc-scripts-hub_api-v2-data-response.json', 'kobo-json', id);
    expect(r.first).toMatchObject({ status: 'validated', rows: 3, skipped: 0 });
    expect(r.done).toMatchObject({ committed: 3 });
    expect(r.second).toMatchObject({ status: 'validated', rows: 3, skipped: 3 });
    expect(r.again).toMatchObject({ status: 'committed', committed: 0 });
    const found = await outcomesOf(p1, 'q=cared%20community');
    expect(found).toHaveLength(3);
    const tall = found.find((o: { title: string }) => o.title.startsWith('Tree of 18 m'));
    expect(tall).toMatchObject({
      occurredOn: { date: '2021-11-16', precision: 'day' }, location: { country: 'ML', lat: 36.97012, lon: -122.0109429 },
      socialActor: { name: 'cmi_admin_kobo_test', type: 'community' }, status: 'draft',
      goals: [{ code: 'NL-IV-2.1', primary: true }, { code: 'PART' }, { code: 'PREV' }, { code: 'PROT' }, { code: 'RR' }],
      evidence: [{ kind: 'document', title: '1637106370994.jpg', url: expect.stringMatching(/^http:\/\/kobotoolbox\.example\.org\/api\/v2\/assets\/.+\/attachments\/46493730\/$/) }],
    });
    expect(tall.description).toBe('Reasons given: shade food wildlife_habitat beauty');
    const keys = await t.ctx.db('import_keys').where({ organisation_id: t.world.orgs.p1 }).pluck('source_key');
    expect(keys).toEqual(expect.arrayContaining(['e58da38d-3eee-4bd7-8512-4a97ea8fbb01', '5c408d9d-6a76-4fbb-bf4e-9ed8f8e3e382', '6a0e819b-9d89-4b59-bd1e-38355dd2e05f']));
  });

  const csvMapping = (withGeopoint: boolean) => mapping(p1, `Biocultural (Kobo CSV)${withGeopoint ? ' with GPS' : ''}`, {
    title: { template: 'Biocultural monitoring in {What community are you from?}' },
    description: { from: ['How do you describe the current state of the local ecosystem?', 'Which traditional plants and animals are important to your community?'] },
    significance: { template: 'Support asked for: {What kind of support or resources would be helpful for your community in preserving and managing the biocultural heritage?}' },
    socialActorName: { from: 'What community are you from?' },
    occurredOn: { from: 'today', as: 'date' },
    otherGoals: { from: 'How is traditional ecological knowledge (TEK) passed on within your community?', as: 'list', map: { 'Oral storytelling': 'PART', Apprenticeships: 'RR', 'Rituals and ceremonies': 'PREV' } },
    evidence: { from: 'Please take a representative photo of your local ecosystem.', as: 'attachments' },
    ...(withGeopoint && { coordinates: { from: 'Please record the location of your local ecosystem.', as: 'geopoint' } }),
  });

  test('when the CSV export holds an impossible geopoint, then that submission is refused naming the form field', async () => {
    const r = await upload(p1, '/api/imports', { name: 'kobo.csv', bytes: fixture('gc-scripts-hub_kobotoolbox_submissions_export.csv') }, { format: 'kobo-csv', kind: 'outcomes', mappingId: await csvMapping(true) });
    expect(r.body.status).toBe('refused');
    expect(r.body.errors).toEqual([expect.objectContaining({ row: 4, column: 'Please record the location of your local ecosystem.', path: '/location/lon', code: 'out_of_range' })]);
  });

  test('when the export has a row of HXL hashtags under its headers (a form with hashtags), then that row is read past, and the rows keep their numbers', async () => {
    const csv = fixture('gc-scripts-hub_kobotoolbox_submissions_export.csv').toString('utf8');
    const [header, ...rest] = csv.split('\n');
    const tags = header.split(';').map((_h, k) => (k === 3 ? '"#loc+name"' : k === 4 ? '"#loc +name +other"' : '""')).join(';');
    const tagged = Buffer.from([header, tags, ...rest].join('\n'));
    const r = await upload(p1, '/api/imports', { name: 'kobo-hxl.csv', bytes: tagged }, { format: 'kobo-csv', kind: 'outcomes', mappingId: await csvMapping(true) });
    // the same refusal as the file without hashtags, one row further down
    expect(r.body.errors).toEqual([expect.objectContaining({ row: 5, path: '/location/lon', code: 'out_of_range' })]);
  });

  test('when an ODK Central CSV (meta-instanceID, KEY; no _uuid) is imported, then its submissions are keyed by their instance id; without any id the message names where it looked', async () => {
    const id = await mapping(p1, 'Biocultural (ODK Central CSV)', {
      title: { template: 'ODK Central CSV check in {community}' }, description: { from: 'local_ecosystem' }, significance: { from: 'helpful_resources' },
      socialActorName: { from: 'community' }, occurredOn: { from: 'today', as: 'date' },
    });
    const bytes = fixture('gc-scripts-hub_odk_submissions.csv');
    const r = await upload(p1, '/api/imports', { name: 'odk.csv', bytes }, { format: 'kobo-csv', kind: 'outcomes', mappingId: id });
    expect(r.body).toMatchObject({ status: 'validated', rows: 2, skipped: 0, errors: [] }); // dry run only: the other tests count these submissions
    const header = bytes.toString('utf8').split('\n')[0];
    const withoutIds = Buffer.from(bytes.toString('utf8').replace(header, header.replace('meta-instanceID', 'meta-x').replace(/\bKEY\b/, 'K')));
    const none = await upload(p1, '/api/imports', { name: 'odk.csv', bytes: withoutIds }, { format: 'kobo-csv', kind: 'outcomes', mappingId: id });
    expect(none.body.status).toBe('refused');
    expect(none.body.errors[0]).toMatchObject({ code: 'missing_key', message: expect.stringContaining('_uuid, meta/instanceID, meta-instanceID, KEY') });
  });

  test('when the CSV export (semicolons, label headers, select_multiple labels) is imported, then three outcomes; twice, still three', async () => {
    const r = await importTwice(p1, 'gc-scripts-hub_kobotoolbox_submissions_export.csv', 'kobo-csv', await csvMapping(false));
    expect(r.done.committed).toBe(3);
    expect(r.again.committed).toBe(0);
    const found = await outcomesOf(p1, 'q=biocultural');
    expect(found).toHaveLength(3);
    const fairfax = found.find((o: { title: string }) => o.title.endsWith('Fairfax'));
    expect(fairfax.goals.map((g: { code: string }) => g.code)).toEqual(['NL-IV-2.1', 'PART', 'PREV', 'RR']);
    expect(fairfax.evidence).toEqual([{ kind: 'document', title: 'download-14_37_20.jpg' }]);
    expect(fairfax.description).toBe('Stable\n\ncoconut, parrot');
  });

  test('when the XLSX export of the same submissions is imported with the same mapping, then they are known already', async () => {
    const id = await csvMapping(false);
    const r = await upload(p1, '/api/imports', { name: 'kobo.xlsx', bytes: fixture('gc-scripts-hub_kobotoolbox_submissions_export.xlsx') }, { format: 'xlsx', kind: 'outcomes', mappingId: id });
    expect(r.body).toMatchObject({ status: 'validated', rows: 3, skipped: 3, errors: [] });
    expect((await p1.post(`/api/imports/${r.body.id}/commit`)).body.committed).toBe(0);
    expect(await outcomesOf(p1, 'q=biocultural')).toHaveLength(3);
  });
});

describe('ODK Central', () => {
  test('when an OData response with groups, a geopoint, select_multiple and an attachment is imported, then the outcomes; twice, the same', async () => {
    const id = await mapping(p1, 'WPS outcome log (ODK)', {
      title: { from: 'change/what' }, description: { template: '{change/what}. Reported from {place/region}.' },
      socialActorName: { from: 'change/who' }, socialActorType: { from: 'change/who_type' }, occurredOn: { from: 'change/when', as: 'date' },
      significance: { from: 'change/significance' }, contribution: { from: 'change/contribution' }, adminArea: { from: 'place/region' },
      coordinates: { from: 'place/gps', as: 'geopoint' }, primaryGoal: { value: 'NL-IV-1.3' },
      otherGoals: { from: 'tags/goals', as: 'list', map: { participation: 'PART', prevention: 'PREV' } },
      evidence: { from: 'evidence_photo', as: 'attachments' }, language: { value: 'fr' }, sensitivity: { value: 'public' },
    });
    const r = await importTwice(p1, 'odk-central-wps-outcomes.json', 'odk-odata', id);
    expect(r.done.committed).toBe(2);
    expect(r.second.skipped).toBe(2);
    expect(r.again.committed).toBe(0);
    const [sevare] = await outcomesOf(p1, 'q=Sevare%20reconciliation');
    expect(sevare).toMatchObject({
      socialActor: { name: 'Conseil communal de Sévaré', type: 'local_government' }, language: 'fr',
      location: { country: 'ML', adminArea: 'Mopti', lat: 14.4843, lon: -4.1827 }, occurredOn: { date: '2025-02-14', precision: 'day' },
      goals: [{ code: 'NL-IV-1.3', primary: true }, { code: 'PART' }, { code: 'PREV' }], evidence: [{ kind: 'document', title: 'proces-verbal-conseil.jpg' }],
    });
    const keys = await t.ctx.db('import_keys').where({ organisation_id: t.world.orgs.p1 }).pluck('source_key');
    expect(keys).toEqual(expect.arrayContaining(['uuid:8a1f3c2e-5b7d-4e0a-9c61-2f4d8e9b1a07', 'uuid:c2d94b61-0f3e-4a8b-b7e5-91a6d3c8f240']));
  });

  test('when the demo mapping reads the ODK fixture, then every submission passes', async () => {
    const { DEMO_MAPPING } = await import('../../seeds/demo-interop');
    const m = await p2.post('/api/import-mappings', { name: 'Demo mapping', kind: 'outcomes', fields: DEMO_MAPPING.fields });
    expect(m.status).toBe(201);
    const r = await upload(p2, '/api/imports', { name: 'odk.json', bytes: fixture('odk-central-wps-outcomes.json') }, { format: 'odk-odata', kind: 'outcomes', mappingId: m.body.id });
    expect(r.body).toMatchObject({ status: 'validated', rows: 2, errors: [] });
  });

  test('when the reference ODK submissions are imported, then three outcomes; twice, still three', async () => {
    const id = await mapping(p1, 'Biocultural (ODK)', {
      title: { template: 'ODK biocultural visit to {community}' }, description: { template: 'Ecosystem {local_ecosystem}; threats: {threats}' },
      significance: { from: 'helpful_resources' }, socialActorName: { from: 'community' }, occurredOn: { from: 'today', as: 'date' },
      evidence: { from: ['photo', 'audio'], as: 'attachments' },
    });
    const r = await importTwice(p1, 'gc-scripts-hub_odk_submissions.json', 'odk-odata', id);
    expect(r.done.committed).toBe(3);
    expect(r.again.committed).toBe(0);
    const found = await outcomesOf(p1, 'q=ODK%20biocultural');
    expect(found).toHaveLength(3);
    expect(found.find((o: { title: string }) => o.title.endsWith('klanda')).evidence).toEqual([{ kind: 'document', title: '1739327186781.m4a' }]);
  });

  test('when a submission lacks its id or repeats one, then those rows are refused', async () => {
    const id = await mapping(p1, 'Minimal (ODK)', { title: { from: 'community' }, description: { from: 'community' }, significance: { from: 'community' }, socialActorName: { from: 'community' }, occurredOn: { from: 'today', as: 'date' } });
    const sub = { community: 'Kati', today: '2025-01-02', __id: 'uuid:0b6d9f1e-1111-4c2a-9d3e-5f7a8b9c0d1e' };
    const file = Buffer.from(JSON.stringify({ '@odata.context': 'x', value: [sub, sub, { ...sub, __id: undefined }] }));
    const r = await upload(p1, '/api/imports', { name: 'odk.json', bytes: file }, { format: 'odk-odata', kind: 'outcomes', mappingId: id });
    expect(r.body.errors.map((e: { row: number; code: string }) => `${e.row} ${e.code}`)).toEqual(['2 duplicate_key', '3 missing_key']);
    const notOdata = await upload(p1, '/api/imports', { name: 'odk.json', bytes: Buffer.from('{"results": []}') }, { format: 'odk-odata', kind: 'outcomes', mappingId: id });
    expect({ status: notOdata.status, path: notOdata.body.errors[0].path }).toEqual({ status: 422, path: '/file' });
    void ev;
  });
});
