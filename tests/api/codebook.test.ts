// Codebook exchange: the goal frameworks and themes out as a REFI-QDA codebook, a codebook from a
// qualitative-analysis tool in as themes — goals never become themes, and nothing doubles.
import Module from 'node:module';
import type * as JsdomTypes from 'jsdom';
import { randomUUID } from 'node:crypto';
import { deflated, zip } from '../helpers/xlsx-hostile';
import { startTestApp, TestApp, Client } from '../helpers/app';
import { countOf, upload } from '../helpers/interop';
import { fragmentBody, sourceBody } from '../helpers/stories';

const { JSDOM } = (Module as unknown as { _load: (id: string, parent: null, main: boolean) => typeof JsdomTypes })._load(require.resolve('jsdom'), null, false);
const xml = (text: string) => new JSDOM(text, { contentType: 'application/xml' }).window.document;
const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

let t: TestApp;
let p1: Client, ev: Client, donor: Client;
beforeAll(async () => {
  t = await startTestApp();
  [p1, ev, donor] = await Promise.all((['partner1', 'evaluator', 'donor'] as const).map((w) => t.as(w)));
  const r = await ev.post('/api/themes', { code: 'land', name: 'Land and gardens', description: 'Access to land.' });
  if (r.status !== 201) throw new Error(`theme: ${r.status} ${r.text}`);
});
afterAll(() => t.close());

const importQdc = (c: Client, text: string) => upload(c, '/api/codebook.qdc', { name: 'codebook.qdc', bytes: text, type: 'application/xml' }, {});

test('when exported, then a REFI-QDA codebook: frameworks not codable, goals nested and codable, themes under their own root, stable guids', async () => {
  const r = await donor.get('/api/codebook.qdc');
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^application\/xml/);
  const doc = xml(r.text);
  const root = doc.documentElement;
  expect([root.localName, root.namespaceURI]).toEqual(['CodeBook', 'urn:QDA-XML:codebook:1.0']);
  const codes = [...doc.getElementsByTagNameNS('urn:QDA-XML:codebook:1.0', 'Code')];
  expect(codes.every((c) => GUID.test(c.getAttribute('guid')!) && c.getAttribute('name') && ['true', 'false'].includes(c.getAttribute('isCodable')!))).toBe(true);
  expect(new Set(codes.map((c) => c.getAttribute('guid'))).size).toBe(codes.length);
  const nap = codes.find((c) => c.getAttribute('name')!.startsWith('Dutch National Action Plan'))!;
  expect(nap.getAttribute('isCodable')).toBe('false');
  expect(nap.getAttribute('color')).toMatch(/^#[0-9A-F]{6}$/i);
  const goal = codes.find((c) => c.getAttribute('name')!.startsWith('NL-IV-1.3 '))!;
  expect((goal.parentNode as Element).getAttribute('name')).toMatch(/^NL-IV-1 /);
  const land = codes.find((c) => c.getAttribute('name') === 'Land and gardens')!;
  expect((land.parentNode as Element).getAttribute('name')).toBe('Themes');
  expect(land.firstElementChild!.localName).toBe('Description');
  expect((await donor.get('/api/codebook.qdc')).text.replace(/origin="[^"]*"/, '')).toBe(r.text.replace(/origin="[^"]*"/, ''));
});

test("when a tool's codebook comes back, then its new codes become themes under their parents, known themes are revised, goals are left alone", async () => {
  const ours = (await ev.get('/api/codebook.qdc')).text;
  const edited = ours.replace('name="Land and gardens"', 'name="Land, gardens and water"').replace(
    '</Codes>',
    `<Code guid="{1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294}" name="Sécurité" isCodable="true" color="#46AA00"><Description>Safety on the roads</Description>
       <Code guid="0D62985D-B147-5D01-A9B5-CAE5DCD98342" name="Checkpoints" isCodable="true"/></Code>
     <Code guid="725F0645-9CD3-598A-8D2B-EC3D39AB3C3F" name="الاقتصاد" isCodable="false"/></Codes>`,
  );
  const r = await importQdc(ev, edited);
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ created: 3, updated: 1, unchanged: 0 });
  const themes = (await ev.get('/api/themes')).body.items as Array<{ code: string; name: string; parentCode: string | null; description: string | null }>;
  expect(themes.find((x) => x.code === 'land')).toMatchObject({ name: 'Land, gardens and water' });
  expect(themes.find((x) => x.code === 'securite')).toMatchObject({ name: 'Sécurité', description: 'Safety on the roads', parentCode: null });
  expect(themes.find((x) => x.code === 'checkpoints')).toMatchObject({ parentCode: 'securite' });
  expect(themes.find((x) => x.name === 'الاقتصاد')!.code).toMatch(/^theme-[0-9a-f]{8}$/);
  expect(themes.some((x) => /NL-IV/.test(x.name))).toBe(false);
  expect(await countOf(t.ctx.db('revisions').where({ entity_type: 'theme', entity_id: 'land' }).count({ n: '*' }))).toBe(1);

  const again = await importQdc(ev, edited);
  expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  const roundTrip = await importQdc(ev, (await ev.get('/api/codebook.qdc')).text);
  expect(roundTrip.body).toMatchObject({ created: 0, updated: 0 });
});

test('when a tool gives every code a fresh guid on export (QualCoder), then goals, frameworks and the themes root are still known by name: no junk theme', async () => {
  const before = (await ev.get('/api/themes')).body.items.length;
  const fresh = (await ev.get('/api/codebook.qdc')).text.replace(/guid="[^"]+"/g, () => `guid="${randomUUID().toUpperCase()}"`)
    .replace('</Codes>', `<Code guid="${randomUUID()}" name="Water points" isCodable="true"/></Codes>`);
  expect((fresh.match(/<Code /g) ?? []).length).toBeGreaterThan(100);
  const r = await importQdc(ev, fresh);
  expect(r.status).toBe(200);
  expect(r.body.created).toBe(1); // the one new code, of the more than a hundred
  const themes = (await ev.get('/api/themes')).body.items as Array<{ name: string }>;
  expect(themes).toHaveLength(before + 1);
  expect(themes.some((x) => /NL-IV|National Action Plan/.test(x.name))).toBe(false);
});

test('when a REFI-QDA project (.qdpx) comes, then its codebook is read; anything else says what to export', async () => {
  const codes = `<Code guid="${randomUUID()}" name="Mobility" isCodable="true"><Code guid="${randomUUID()}" name="Checkpoints" isCodable="true"/></Code>`;
  const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Sahel interviews" origin="ATLAS.ti"><CodeBook><Codes>${codes}</Codes></CodeBook><Sources/></Project>`;
  const qdpx = zip([deflated('project.qde', qde), deflated('Sources/interview-1.txt', 'text')]);
  const r = await upload(ev, '/api/codebook.qdc', { name: 'sahel.qdpx', bytes: qdpx, type: 'application/zip' }, {});
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ created: 2 });
  const themes = (await ev.get('/api/themes')).body.items as Array<{ code: string; name: string; parentCode: string | null }>;
  expect(themes.find((x) => x.name === 'Checkpoints' && x.parentCode === 'mobility')).toBeTruthy();
  const notOne = await upload(ev, '/api/codebook.qdc', { name: 'notes.zip', bytes: zip([deflated('notes.txt', 'x')]), type: 'application/zip' }, {});
  expect({ status: notOne.status, message: notOne.body.errors[0].message }).toEqual({ status: 422, message: expect.stringContaining('.qdpx') });
});

test('when the file is not a codebook, holds a DTD, or comes from a partner, then 422 or 403', async () => {
  for (const text of ['<a><b>', '<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0"/>', '<!DOCTYPE CodeBook [<!ENTITY x "xx">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>']) {
    const r = await importQdc(ev, text);
    expect({ status: r.status, code: r.body.code, path: r.body.errors[0].path }).toEqual({ status: 422, code: 'unprocessable', path: '/file' });
  }
  const partner = await importQdc(p1, '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>');
  expect({ status: partner.status, code: partner.body.code }).toEqual({ status: 403, code: 'forbidden' });
});

test('a theme nothing uses can be removed, leaving its trace; one that codes fragments or holds themes cannot', async () => {
  expect((await ev.post('/api/themes', { code: 'junk-code', name: 'Junk code' })).status).toBe(201);
  expect((await ev.post('/api/themes', { code: 'junk-child', name: 'Junk child', parentCode: 'junk-code' })).status).toBe(201);
  const parent = await ev.delete('/api/themes/junk-code');
  expect({ status: parent.status, code: parent.body.errors?.[0]?.code }).toEqual({ status: 409, code: 'has_children' });
  expect((await p1.delete('/api/themes/junk-child')).status).toBe(403);
  expect((await ev.delete('/api/themes/junk-child')).status).toBe(204);
  expect((await ev.delete('/api/themes/junk-code')).status).toBe(204);
  expect((await ev.delete('/api/themes/junk-code')).status).toBe(404);
  expect(await t.ctx.db('revisions').where({ entity_type: 'theme', entity_id: 'junk-code', action: 'delete' }).pluck('action')).toEqual(['delete']);
  // a theme coding a fragment stays
  expect((await ev.post('/api/themes', { code: 'in-use', name: 'In use' })).status).toBe(201);
  const source = (await p1.post('/api/sources', sourceBody())).body.id;
  expect((await p1.post('/api/fragments', fragmentBody(source, { themes: ['in-use'] }))).status).toBe(201);
  const r = await ev.delete('/api/themes/in-use');
  expect({ status: r.status, code: r.body.errors?.[0]?.code }).toEqual({ status: 409, code: 'in_use' });
});
