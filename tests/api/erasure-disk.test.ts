// Erasure that reaches the disk: after consent is withdrawn, no copy of a story's or a fragment's
// text is left in the bytes the database keeps — on SQLite the database file, its WAL and its shm
// file; on PostgreSQL (OOGST_TEST_DB=pg), after a CHECKPOINT, every file of the database's folder
// under base/ and the WAL segments. Canaries sit in every copy: the story, an earlier version of
// it, why it is significant, a translation, an evidence-link note, a selection round's feedback
// note, a story brought in by an import, and a fragment's excerpt.
import fs from 'node:fs';
import path from 'node:path';
import { startTestApp, TestApp, Client } from '../helpers/app';
import { usePg } from '../helpers/db';
import { fragmentBody, newHarvest, newStory, ok, sourceBody } from '../helpers/stories';
import { outcomeBody } from '../helpers/fixtures';
import { upload } from '../helpers/interop';

// made-up words, folded the way the search index folds them (lower case, ASCII): found in any copy
const CANARY = {
  story: 'qelvarinthstory', earlier: 'brumethorearlier', why: 'sivolantwhy', translation: 'traduvexiltrans',
  linkNote: 'linkoravidnote', feedback: 'fidbavornnote', imported: 'importaxelstory', excerpt: 'excerptolvanix',
};

let t: TestApp;
let p1: Client;
let ev: Client;
beforeAll(async () => {
  t = await startTestApp();
  [p1, ev] = [await t.as('partner1'), await t.as('evaluator')];
});
afterAll(() => t.close());

const STORY_COLUMNS = ['title', 'story', 'whySignificant', 'domain', 'collectedBy', 'collectedOn', 'country', 'language', 'storytellerRole', 'consentLevel', 'consentMethod', 'consentGivenOn', 'consentRecordedBy', 'primaryGoal', 'sensitivity'];

async function importedStory(): Promise<string> {
  const values: Record<string, string> = {
    title: 'Imported story', story: `The imported ${CANARY.imported} account.`, whySignificant: 'Heard.', domain: 'any-other-change',
    collectedBy: 'Officer', collectedOn: '2025-02-14', country: 'ML', language: 'en', storytellerRole: 'farmer',
    consentLevel: 'anonymous', consentMethod: 'verbal', consentGivenOn: '2025-02-14', consentRecordedBy: 'Recorder', primaryGoal: 'NL-IV-1.1', sensitivity: 'public',
  };
  const csv = `${STORY_COLUMNS.join(',')}\n${STORY_COLUMNS.map((c) => `"${values[c]}"`).join(',')}\n`;
  const dry = await upload(p1, '/api/imports', { name: 's.csv', bytes: csv }, { format: 'csv', kind: 'stories' });
  expect({ status: dry.body.status, errors: dry.body.errors }).toEqual({ status: 'validated', errors: [] });
  expect((await p1.post(`/api/imports/${dry.body.id}/commit`)).body).toMatchObject({ status: 'committed' });
  return (await ok(p1.get(`/api/stories?q=${CANARY.imported}`))).items[0].id;
}

/** A story with a canary in every copy the app keeps of it. */
async function plantedStory(): Promise<string> {
  const h = await newHarvest(t);
  await ok(ev.post(`/api/harvests/${h}/domains`, { code: 'voice', name: 'Voice' }), 201);
  const s = await newStory(p1, { harvestId: h, domain: 'voice', story: `At first ${CANARY.earlier} spoke.`, whySignificant: `Because ${CANARY.why}.` });
  await ok(p1.patch(`/api/stories/${s.id}`, { story: `Now ${CANARY.story} speaks at the committee.` }));
  await ok(p1.post(`/api/stories/${s.id}/translations`, { language: 'fr', title: 'Les femmes', story: `Le comité ${CANARY.translation}.` }), 201);
  await ok(p1.post(`/api/stories/${s.id}/transitions`, { to: 'submitted' }));
  const o = await ok(p1.post('/api/outcomes', outcomeBody()), 201);
  await ok(p1.post(`/api/outcomes/${o.id}/evidence-links`, { storyId: s.id, relation: 'supports', note: `Told by ${CANARY.linkNote}.` }), 201);
  const round = await ok(ev.post('/api/selection-rounds', {
    level: 'partner', domain: 'voice', harvestId: h, panel: [{ role: 'women leaders' }], storyIds: [s.id], selectedStoryId: s.id, reasons: 'The change reaches further.',
  }), 201);
  await ok(ev.post(`/api/selection-rounds/${round.id}/feedback`, { method: 'meeting', givenOn: '2025-06-01', note: `We told ${CANARY.feedback}.` }), 201);
  return s.id;
}

/** The bytes of every file the database keeps, as folded text. */
async function databaseFiles(): Promise<Array<{ file: string; text: string }>> {
  let files: string[];
  if (usePg()) {
    await t.ctx.db.raw('CHECKPOINT');
    const dir = (await t.ctx.db.raw('SHOW data_directory')).rows[0].data_directory as string;
    const oid = (await t.ctx.db.raw('SELECT oid FROM pg_database WHERE datname = current_database()')).rows[0].oid as number;
    const base = path.join(dir, 'base', String(oid));
    const wal = path.join(dir, 'pg_wal');
    files = [...fs.readdirSync(base).map((f) => path.join(base, f)), ...fs.readdirSync(wal).filter((f) => /^[0-9A-F]{24}$/.test(f)).map((f) => path.join(wal, f))];
  } else {
    const db = t.ctx.config.databaseUrl.slice('sqlite://'.length);
    files = [db, `${db}-wal`, `${db}-shm`].filter((f) => fs.existsSync(f));
  }
  return files.map((file) => ({ file, text: fs.readFileSync(file).toString('latin1').toLowerCase() }));
}

const canariesIn = (files: Array<{ file: string; text: string }>) =>
  files.flatMap(({ file, text }) => Object.entries(CANARY).filter(([, c]) => text.includes(c)).map(([k]) => `${k} in ${path.basename(file)}`));

// Not yet on PostgreSQL, where VACUUM does not wipe freed space: the per-record key that would
// leave only ciphertext there is still to build (RELIABILITY.md §11). Until then this test is
// expected to fail on PostgreSQL — and jest says so the day it passes.
const onDisk = usePg() ? test.failing : test;

onDisk('when consent is withdrawn, then no copy of the text is left in the database files (WAL and table files included)', async () => {
  const story = await plantedStory();
  const imported = await importedStory();
  const source = await ok(p1.post('/api/sources', sourceBody()), 201);
  const fragment = await ok(p1.post('/api/fragments', fragmentBody(source.id, { excerpt: `We go to market, ${CANARY.excerpt} said.` })), 201);
  // before: every canary is on the disk (the test would prove nothing otherwise)
  expect(new Set(canariesIn(await databaseFiles()).map((c) => c.split(' ')[0]))).toEqual(new Set(Object.keys(CANARY)));
  await ok(ev.post(`/api/stories/${story}/consent/withdraw`, { reason: 'fears reprisals' }));
  await ok(p1.post(`/api/stories/${imported}/consent/withdraw`, {}));
  await ok(p1.post(`/api/fragments/${fragment.id}/consent/withdraw`, {}));
  expect(canariesIn(await databaseFiles())).toEqual([]);
}, 60_000);
