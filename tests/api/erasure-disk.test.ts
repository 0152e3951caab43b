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

// made-up words, folded the way the search index folds them (lower case, ASCII): found in any clear copy
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

/** A story with a canary in every copy the app keeps of it, and the outcome it is evidence for. */
async function plantedStory(): Promise<{ id: string; outcome: string }> {
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
  return { id: s.id, outcome: o.id };
}

/** The bytes of every file the database keeps (read without blocking: the app serves from this process). */
async function databaseFiles(): Promise<Array<{ file: string; bytes: Buffer }>> {
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
  return Promise.all(files.map(async (file) => ({ file, bytes: await fs.promises.readFile(file) })));
}

// the canaries are written in lower case and the search text is folded, so a clear copy holds them as they are
const canariesIn = (files: Array<{ file: string; bytes: Buffer }>) =>
  files.flatMap(({ file, bytes }) => Object.entries(CANARY).filter(([, c]) => bytes.includes(c, 0, 'latin1')).map(([k]) => `${k} in ${path.basename(file)}`));

// On PostgreSQL, where VACUUM does not wipe freed space, it holds because the text was never
// written in clear: it is sealed under the record's key, which the withdrawal destroys
// (server/crypto/record-keys.ts). So the canaries are looked for before the withdrawal too.
test('when consent is withdrawn, then no copy of the text is left in the database files (WAL and table files included)', async () => {
  const story = await plantedStory();
  const imported = await importedStory();
  const source = await ok(p1.post('/api/sources', sourceBody()), 201);
  const fragment = await ok(p1.post('/api/fragments', fragmentBody(source.id, { excerpt: `We go to market, ${CANARY.excerpt} said.` })), 201);
  // before: every canary is there through the API (the test would prove nothing otherwise) …
  const answers = (await Promise.all([
    ...[`/api/stories/${story.id}`, `/api/stories/${story.id}/revisions`, `/api/stories/${imported}`, `/api/fragments/${fragment.id}`, `/api/outcomes/${story.outcome}/evidence`]
      .map((p) => ok(p1.get(p))),
    ok(ev.get('/api/selection-rounds?pageSize=100')),
  ])).map((b) => JSON.stringify(b)).join('\n');
  expect(Object.entries(CANARY).filter(([, c]) => !answers.includes(c)).map(([k]) => k)).toEqual([]);
  // … but none is on the disk in clear, not even before the withdrawal: the text is sealed, the index blind
  expect(canariesIn(await databaseFiles())).toEqual([]);
  await ok(ev.post(`/api/stories/${story.id}/consent/withdraw`, { reason: 'fears reprisals' }));
  await ok(p1.post(`/api/stories/${imported}/consent/withdraw`, {}));
  await ok(p1.post(`/api/fragments/${fragment.id}/consent/withdraw`, {}));
  expect(canariesIn(await databaseFiles())).toEqual([]);
}, 60_000);
