// Research sources and fragments with the themes codebook; files as evidence (type by content,
// size limit, encryption at rest, access checks, erasure); evidence links from outcomes.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startTestApp, TestApp, Client } from '../helpers/app';
import { outcomeBody } from '../helpers/fixtures';
import { download, fragmentBody, newStory, ok, publish, sourceBody, upload } from '../helpers/stories';


process.env.OOGST_FILE_MAX_BYTES = String(64 * 1024);

let t: TestApp;
let p1: Client, p2: Client, p3: Client, ev: Client, evB: Client, donor: Client, admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, p3, ev, evB, donor, admin] = await Promise.all((['partner1', 'partner2', 'partner3', 'evaluator', 'evaluatorB', 'donor', 'admin'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

const ids = (r: { body: { items: Array<{ id: string }> } }) => r.body.items.map((x) => x.id);
const newSource = async (c: Client, over: Record<string, unknown> = {}) => ok(c.post('/api/sources', sourceBody(over)), 201) as Promise<{ id: string }>;
const newFragment = async (c: Client, sourceId: string, over: Record<string, unknown> = {}) => ok(c.post('/api/fragments', fragmentBody(sourceId, over)), 201) as Promise<{ id: string; status: string; [k: string]: unknown }>;
/** A published outcome of p1: recorded through the API, then set published in the database (the
 * substantiation steps before publication belong to other tests). */
async function publishedOutcome(c: Client = p1) {
  const o = await ok(c.post('/api/outcomes', outcomeBody()), 201);
  await t.ctx.db('outcomes').where({ id: o.id }).update({ status: 'published', published_at: new Date().toISOString() });
  return o.id as string;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\nField notes Sévaré', 'latin1');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const WAV = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.from([16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1f, 0, 0, 0x80, 0x3e, 0, 0, 2, 0, 16, 0]), Buffer.from('data'), Buffer.alloc(4)]);

describe('sources and the themes codebook', () => {
  test('a source belongs to the recorder’s programme; internal sources stay inside', async () => {
    const pub = await ok(p1.post('/api/sources', sourceBody({ url: '10.1234/wps.2024.17' })), 201);
    expect(pub).toMatchObject({ type: 'focus_group', programmeId: t.world.programmes.A, confidentiality: 'public', url: '10.1234/wps.2024.17' });
    const internal = await newSource(p1, { title: 'Interview transcript, internal', type: 'interview', confidentiality: 'internal' });
    expect((await p2.get(`/api/sources/${pub.id}`)).status).toBe(200);
    expect((await p2.get(`/api/sources/${internal.id}`)).status).toBe(404);
    expect((await ev.get(`/api/sources/${internal.id}`)).status).toBe(200);
    expect((await p3.get(`/api/sources/${pub.id}`)).status).toBe(404);
    expect((await p1.post('/api/sources', sourceBody({ type: 'rumour' }))).status).toBe(400);
    expect((await p1.post('/api/sources', sourceBody({ url: 'javascript:alert(1)' }))).status).toBe(400);
    expect((await admin.post('/api/sources', sourceBody())).status).toBe(422); // an admin names the programme
    expect((await p1.post('/api/sources', sourceBody({ programmeId: t.world.programmes.B }))).status).toBe(422);
  });

  test('evaluators manage themes; everyone reads them; codes stay unique; a tree without cycles', async () => {
    expect((await p1.post('/api/themes', { code: 'mediation', name: 'Mediation' })).status).toBe(403);
    await ok(ev.post('/api/themes', { code: 'mediation', name: 'Women as mediators' }), 201);
    await ok(ev.post('/api/themes', { code: 'land-mediation', name: 'Mediation of land disputes', parentCode: 'mediation' }), 201);
    expect((await ev.post('/api/themes', { code: 'mediation', name: 'Again' })).status).toBe(409);
    expect((await ev.patch('/api/themes/mediation', { parentCode: 'land-mediation' })).status).toBe(422);
    expect((await ok(ev.patch('/api/themes/mediation', { description: 'Women mediate disputes' }))).description).toBe('Women mediate disputes');
    expect((await ok(donor.get('/api/themes'))).items.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining(['mediation', 'land-mediation']));
  });
});

describe('fragments', () => {
  let src: string;
  beforeAll(async () => {
    src = (await newSource(p1)).id;
    await ev.post('/api/themes', { code: 'market-access', name: 'Access to markets' });
  });

  test('a partner records a fragment coded with goals and themes; the speaker’s profile is encrypted and redacted for others', async () => {
    const f = await newFragment(p1, src, { themes: ['market-access'] });
    expect(f).toMatchObject({ status: 'draft', source: { id: src, type: 'focus_group' }, themes: ['market-access'], speaker: { role: 'vegetable seller', consent: { level: 'anonymous', recordedBy: 'Recorder Canary' } }, programmeId: t.world.programmes.A });
    expect(JSON.stringify(await t.ctx.db('fragments').where({ id: f.id }).first())).not.toMatch(/Canary|vegetable seller/);
    expect((await p1.post('/api/fragments', fragmentBody(src, { themes: ['no-such-theme'] }))).status).toBe(422);
    expect((await p1.post('/api/fragments', fragmentBody(src, { goals: [{ code: 'NOPE', primary: true }] }))).status).toBe(422);
    expect((await p3.post('/api/fragments', fragmentBody(src))).status).toBe(422); // the source is not visible to p3
    await publish('fragments', f.id, p1, ev);
    for (const c of [donor, p2]) {
      const seen = await ok(c.get(`/api/fragments/${f.id}`));
      expect(seen).toMatchObject({ redacted: true, speaker: null, excerpt: fragmentBody(src).excerpt });
      expect(JSON.stringify(seen)).not.toMatch(/Canary|vegetable seller/);
      expect(ids(await c.get('/api/fragments?theme=market-access'))).toEqual([f.id]);
    }
  });

  test('an evaluator’s own fragment can be published directly; a partner’s cannot skip submission', async () => {
    const evSource = await newSource(ev, { title: 'Key informant interviews, Mopti, 2024', type: 'interview' });
    const mine = await newFragment(ev, evSource.id, { speaker: null });
    expect((await ok(ev.post(`/api/fragments/${mine.id}/transitions`, { to: 'published' }))).status).toBe('published');
    expect(ids(await donor.get(`/api/fragments?source=${evSource.id}`))).toEqual([mine.id]); // no speaker, public source: shared
    const theirs = await newFragment(p1, src);
    expect((await p1.post(`/api/fragments/${theirs.id}/transitions`, { to: 'published' })).status).toBe(403);
    expect((await ev.post(`/api/fragments/${theirs.id}/transitions`, { to: 'published' })).status).toBe(404); // a draft of p1
    await ok(p1.post(`/api/fragments/${theirs.id}/transitions`, { to: 'submitted' }));
    const early = await ev.post(`/api/fragments/${theirs.id}/transitions`, { to: 'submitted' });
    expect([early.status, early.body.code]).toEqual([403, 'forbidden']);
    expect((await evB.get(`/api/fragments/${theirs.id}`)).status).toBe(404);
  });

  test('who sees what: speaker without consent, internal_only consent, internal source and restricted fragments stay inside', async () => {
    const internalSource = await newSource(p1, { title: 'Internal focus group notes', confidentiality: 'internal' });
    const consentOf = (level: string) => ({ role: 'farmer', consent: { level, method: 'verbal', givenOn: '2024-01-01', recordedBy: 'R' } });
    const shared = await newFragment(p1, src, { excerpt: 'Fragment Vantoribe shared' });
    const hidden = await Promise.all([
      newFragment(p1, src, { excerpt: 'Fragment Vantoribe no consent', speaker: { role: 'farmer' } }),
      newFragment(p1, src, { excerpt: 'Fragment Vantoribe internal consent', speaker: consentOf('internal_only') }),
      newFragment(p1, internalSource.id, { excerpt: 'Fragment Vantoribe internal source' }),
      newFragment(p1, src, { excerpt: 'Fragment Vantoribe restricted', sensitivity: 'restricted' }),
    ]);
    for (const f of [shared, ...hidden]) await publish('fragments', f.id, p1, ev);
    for (const c of [donor, p2]) expect(ids(await c.get('/api/fragments?q=Vantoribe'))).toEqual([shared.id]);
    expect((await ok(ev.get('/api/fragments?q=Vantoribe'))).total).toBe(5);
    expect((await ok(evB.get('/api/fragments?q=Vantoribe'))).total).toBe(0);
    const [noConsent] = hidden;
    await ok(p1.post(`/api/fragments/${noConsent.id}/consent`, { level: 'anonymous', method: 'written', givenOn: '2024-02-01', recordedBy: 'R' }));
    expect((await donor.get(`/api/fragments/${noConsent.id}`)).status).toBe(200);
  });

  test('withdrawal of the speaker’s consent erases the fragment and leaves a tombstone', async () => {
    const f = await newFragment(p1, src, { excerpt: 'The Quelvarin council now hears women.' });
    await ok(p1.patch(`/api/fragments/${f.id}`, { locator: 'p. 5' }));
    const tomb = await ok(p1.post(`/api/fragments/${f.id}/consent/withdraw`, { reason: 'asked by the speaker' }));
    expect(tomb).toMatchObject({ entityType: 'fragment', entityId: f.id });
    expect((await p1.get(`/api/fragments/${f.id}`)).status).toBe(404);
    expect((await p1.get('/api/fragments?q=Quelvarin')).body.total).toBe(0);
    expect(JSON.stringify(await t.ctx.db('revisions').where({ entity_id: f.id }))).not.toMatch(/p\. 5/);
  });
});

describe('files as evidence', () => {
  let story: string;
  beforeAll(async () => { story = (await newStory(p1)).id; });

  test('upload a PDF, photo, recording and spreadsheet: typed by content, encrypted on disk, read back intact', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Attendance').addRow(['Sévaré', 14]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const cases: Array<[Buffer, string, string]> = [[PDF, 'document', 'application/pdf'], [PNG, 'image', 'image/png'], [WAV, 'audio', 'audio/wav'], [xlsx, 'document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']];
    for (const [content, kind, type] of cases) {
      const r = await upload(p1, { storyId: story, title: 'Evidence' }, content, 'Minutes of Awa Canary.bin', 'text/plain');
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ kind, contentType: type, size: content.length, name: 'Minutes of Awa Canary.bin', attachedTo: { type: 'story', id: story } });
      const onDisk = fs.readFileSync(path.join(t.ctx.config.dataDir, 'files', `${r.body.id}.enc`));
      expect(onDisk.includes(content.subarray(0, 16))).toBe(false);
      const back = await download(p1, r.body.id);
      expect([back.status, back.type]).toEqual([200, type]);
      expect(back.bytes.equals(content)).toBe(true);
    }
    expect(JSON.stringify(await t.ctx.db('files').where({ entity_id: story }))).not.toMatch(/Canary/);
    expect((await ok(p1.get(`/api/stories/${story}`))).files).toHaveLength(4);
  });

  test('a script or an executable is refused whatever its name and declared type; over the limit is 413', async () => {
    const html = await upload(p1, { storyId: story }, Buffer.from('<html><script>alert(1)</script></html>'), 'report.pdf', 'application/pdf');
    expect([html.status, html.body.code]).toEqual([415, 'unsupported_media_type']);
    const exe = await upload(p1, { storyId: story }, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]), 'photo.jpg', 'image/jpeg');
    expect(exe.status).toBe(415);
    const big = await upload(p1, { storyId: story }, Buffer.concat([PDF, Buffer.alloc(65 * 1024)]), 'big.pdf', 'application/pdf');
    expect([big.status, big.body.code]).toEqual([413, 'payload_too_large']);
    const none = await upload(p1, {}, PDF);
    expect(none.status).toBe(400);
    const both = await upload(p1, { storyId: story, outcomeId: story }, PDF);
    expect(both.status).toBe(400);
    expect(await t.ctx.db('files').where({ entity_id: story }).count({ n: '*' }).then((r) => Number(r[0].n))).toBe(4);
  });

  test('files are served only to those who may see the record’s personal data', async () => {
    const outcome = await publishedOutcome();
    const f = await ok(upload(p1, { outcomeId: outcome }, PNG, 'photo.png', 'image/png'), 201);
    expect((await download(ev, f.id)).status).toBe(200);
    expect((await download(admin, f.id)).status).toBe(200);
    for (const c of [donor, p2, p3, evB]) expect((await download(c, f.id)).status).toBe(404);
    expect((await download(t.anon(), f.id)).status).toBe(401);
    expect((await upload(p2, { outcomeId: outcome }, PNG)).status).toBe(403); // sees the published outcome, may not add to it
    expect((await upload(donor, { outcomeId: outcome }, PNG)).status).toBe(403);
    const evidence = await ok(donor.get(`/api/outcomes/${outcome}/evidence`));
    expect(evidence.files).toEqual([]);
  });

  test('a story’s files are erased with it when consent is withdrawn', async () => {
    const s = (await newStory(p1)).id;
    const f = await ok(upload(p1, { storyId: s }, PDF, 'consent form.pdf'), 201);
    const file = path.join(t.ctx.config.dataDir, 'files', `${f.id}.enc`);
    expect(fs.existsSync(file)).toBe(true);
    await ok(p1.post(`/api/stories/${s}/consent/withdraw`, {}));
    expect(fs.existsSync(file)).toBe(false);
    expect((await download(admin, f.id)).status).toBe(404);
    expect(await t.ctx.db('files').where({ id: f.id }).first()).toBeUndefined();
  });
});

describe('evidence links', () => {
  test('an evaluator links a story and fragments to an outcome; each reader sees the links they may see', async () => {
    const outcome = await publishedOutcome();
    const src = await newSource(p1);
    const [f1, f2] = [await newFragment(p1, src.id), await newFragment(p1, src.id, { excerpt: 'The council did not act until the women marched.' })];
    await publish('fragments', f1.id, p1, ev);
    await ok(p1.post(`/api/fragments/${f2.id}/transitions`, { to: 'submitted' }));
    const story = await newStory(p1);
    await publish('stories', story.id, p1, ev);
    await ok(ev.post(`/api/outcomes/${outcome}/evidence-links`, { storyId: story.id, relation: 'supports' }), 201);
    await ok(ev.post(`/api/outcomes/${outcome}/evidence-links`, { fragmentId: f1.id, relation: 'supports' }), 201);
    await ok(ev.post(`/api/outcomes/${outcome}/evidence-links`, { fragmentId: f2.id, relation: 'contradicts', note: 'Timing differs' }), 201);
    expect((await ev.post(`/api/outcomes/${outcome}/evidence-links`, { fragmentId: f1.id, relation: 'context' })).status).toBe(409);
    expect((await ev.post(`/api/outcomes/${outcome}/evidence-links`, { fragmentId: f1.id, storyId: story.id, relation: 'context' })).status).toBe(400);
    expect((await ev.post(`/api/outcomes/${outcome}/evidence-links`, { relation: 'context' })).status).toBe(400);
    expect((await p2.post(`/api/outcomes/${outcome}/evidence-links`, { storyId: story.id, relation: 'supports' })).status).toBe(403);
    expect((await donor.post(`/api/outcomes/${outcome}/evidence-links`, { storyId: story.id, relation: 'supports' })).status).toBe(403);
    const full = await ok(ev.get(`/api/outcomes/${outcome}/evidence`));
    expect(full.documents).toEqual([{ kind: 'document', title: 'Council minutes, 12 March 2024' }]);
    expect(full.stories.map((x: { story: { id: string } }) => x.story.id)).toEqual([story.id]);
    expect(full.fragments.map((x: { relation: string }) => x.relation)).toEqual(['supports', 'contradicts']);
    expect(full.counts).toMatchObject({ documents: 1, stories: 1, fragments: 2 });
    const forDonor = await ok(donor.get(`/api/outcomes/${outcome}/evidence`));
    expect(forDonor.fragments.map((x: { fragment: { id: string } }) => x.fragment.id)).toEqual([f1.id]); // the submitted one is not theirs to see
    expect(JSON.stringify(forDonor)).not.toMatch(/Canary/);
    const link = full.fragments[1].linkId;
    expect((await ev.delete(`/api/outcomes/${outcome}/evidence-links/${link}`)).status).toBe(204);
    expect((await ok(ev.get(`/api/outcomes/${outcome}/evidence`))).counts.fragments).toBe(1);
    const revs = await ok(ev.get(`/api/outcomes/${outcome}/revisions`));
    expect(revs.items.map((r: { action: string }) => r.action)).toEqual(['link_evidence', 'link_evidence', 'link_evidence', 'unlink_evidence']);
  });
});
