// Encryption at rest: canaries in every personal field never reach the database file (SQLite, read
// raw after a checkpoint), a PostgreSQL dump, or the stored files; `rotate-key` re-encrypts every
// encrypted value — found generically, in plain columns and inside JSON — and every file under a
// new key, after which the records read exactly as before with the new key alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { startTestApp, TestApp, Client, PASSWORD } from '../helpers/app';
import { TMP, usePg } from '../helpers/db';
import { canary, found, plantCanaries, Planted } from '../helpers/canaries';
import { must } from '../helpers/proof';
import { outcomeBody } from '../helpers/fixtures';
import { loadConfig } from '../../server/core/config';
import { rotateKey } from '../../server/crypto/rotate-command';
import { textColumns } from '../../server/crypto/rotate';
import { ROOT } from '../../server/core/paths';

const LOOKALIKE = 'enc:v1:nokey:AAAA:BBBB:CCCC'; // typed by a person: only looks encrypted
const newKey = () => crypto.randomBytes(32);

let t: TestApp;
let planted: Planted;
let dataDir: string;
let secretsDir: string;

beforeAll(async () => {
  t = await startTestApp();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-rotate-data-'));
  secretsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-rotate-secrets-'));
  t.ctx.config.dataDir = dataDir; // uploaded files go to this test's own folder
  planted = await plantCanaries(t);
  must(await (await t.as('partner1')).post('/api/outcomes', outcomeBody({ title: LOOKALIKE })), 'lookalike');
}, 120_000);
afterAll(async () => {
  await t.close();
  for (const d of [dataDir, secretsDir]) fs.rmSync(d, { recursive: true, force: true });
});

/** Everything the database holds, as bytes: the SQLite file after a checkpoint, or a pg_dump. */
async function databaseBytes(): Promise<Buffer> {
  if (usePg()) return execFileSync('pg_dump', ['--no-owner', '--no-privileges', t.ctx.config.databaseUrl], { maxBuffer: 512 * 1024 * 1024 });
  await t.ctx.db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  const file = t.ctx.config.databaseUrl.slice('sqlite://'.length);
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

const storedFiles = () => {
  const dir = path.join(dataDir, 'files');
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))) : [];
};

/** The key ids of every ciphertext in the database, found the way rotate-key finds them. */
async function keyIdsInDatabase(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const c of await textColumns(t.ctx.db)) {
    const col = usePg() ? `"${c.column}"::text` : `"${c.column}"`;
    const rows = await t.ctx.db.raw(`SELECT ${col} AS v FROM "${c.table}" WHERE ${col} LIKE '%enc:v1:%'`);
    for (const r of (usePg() ? rows.rows : rows) as Array<{ v: string }>) {
      for (const m of r.v.matchAll(/enc:v1:([A-Za-z0-9_-]+):/g)) if (m[1] !== 'nokey') ids.add(m[1]);
    }
  }
  return ids;
}

/** What the people who may see it get: the records in full, through the API. */
async function views(): Promise<string> {
  const p1 = await t.as('partner1');
  const ev = await t.as('evaluator');
  const parts: unknown[] = [];
  for (const id of planted.ids.outcome) {
    parts.push((await p1.get(`/api/outcomes/${id}`)).body, (await p1.get(`/api/outcomes/${id}/revisions`)).body);
    parts.push((await ev.get(`/api/outcomes/${id}/substantiations`)).body);
  }
  for (const id of planted.ids.story ?? []) parts.push((await p1.get(`/api/stories/${id}`)).body);
  for (const id of planted.ids.fragment ?? []) parts.push((await p1.get(`/api/fragments/${id}`)).body);
  for (const id of planted.ids.file ?? []) parts.push(Buffer.from(await (await fetch(`${t.base}/api/files/${id}`, { headers: { cookie: p1.cookie! } })).arrayBuffer()).toString('base64'));
  parts.push((await p1.get('/api/auth/me')).body);
  return JSON.stringify(parts);
}

/** The app reads with exactly these keys from now on. */
function useKeys(currentKeyId: string, keys: Record<string, Buffer>): void {
  t.ctx.keyring.currentKeyId = currentKeyId;
  t.ctx.keyring.keys = keys;
}

let before: string;

test('at rest, no canary is in the database or in the stored files', async () => {
  before = await views();
  expect(found(before, planted.values).length).toBeGreaterThan(10); // the people who may see them do
  expect(found(await databaseBytes(), planted.values)).toEqual([]);
  for (const f of storedFiles()) expect(found(f, planted.values)).toEqual([]);
  if (planted.kinds.includes('file')) expect(storedFiles().length).toBeGreaterThan(0);
});

test('when rotated to a new key (environment keys), then every value and file is under it, and reads the same with it alone', async () => {
  const key = newKey();
  const oldId = t.ctx.keyring.currentKeyId;
  const r = await rotateKey(t.ctx.db, t.ctx.config, { OOGST_ENCRYPTION_KEY: 'set', OOGST_NEW_ENCRYPTION_KEY: key.toString('base64'), OOGST_NEW_ENCRYPTION_KEY_ID: 'rot2' });
  expect(r).toMatchObject({ keyId: 'rot2', mode: 'environment', remaining: 0, unreadable: {} });
  expect(r.lookalikes).toBeGreaterThan(0); // the typed title (and its search text)
  expect(r.values).toBeGreaterThan(20);
  fs.mkdirSync(path.join(TMP, 'figures'), { recursive: true });
  fs.writeFileSync(path.join(TMP, 'figures', `rotate-${usePg() ? 'pg' : 'sqlite'}.json`), JSON.stringify({ values: r.values, rows: r.rows, files: r.files, columns: r.columns, canaries: planted.values.length, kinds: planted.kinds }, null, 2));
  expect(Object.keys(r.columns)).toEqual(expect.arrayContaining(['outcomes.social_actor_name_enc', 'outcomes.coordinates_enc', 'outcomes.evidence', 'revisions.changes', 'users.name_enc', 'outcome_translations.translated_by_enc']));
  if (planted.kinds.includes('file')) expect(r.files).toBe(planted.ids.file.length);
  expect([...await keyIdsInDatabase()]).toEqual(['rot2']);
  useKeys('rot2', { rot2: key });
  expect(await views()).toBe(before);
  const bytes = await databaseBytes();
  expect(found(bytes, planted.values)).toEqual([]);
  expect(bytes.includes(`enc:v1:${oldId}:`)).toBe(false); // no old ciphertext lingers in free pages
  expect(bytes.includes(LOOKALIKE)).toBe(true); // typed text is left as it was typed
  for (const f of storedFiles()) expect(f.subarray(5, 5 + f[4]).toString()).toBe('rot2');
  // run without the key the values are under: nothing is lost, and it says so
  const blind = await rotateKey(t.ctx.db, t.ctx.config, { OOGST_ENCRYPTION_KEY: 'set', OOGST_NEW_ENCRYPTION_KEY: newKey().toString('base64'), OOGST_NEW_ENCRYPTION_KEY_ID: 'rot3' });
  expect(blind.values).toBe(0);
  expect(Object.keys(blind.unreadable)).toEqual(expect.arrayContaining(['outcomes.social_actor_name_enc', 'users.name_enc']));
  expect(await views()).toBe(before);
  // with the keys the app now runs on, a second rotation works like the first
  const again = await rotateKey(t.ctx.db, { ...t.ctx.config, encryptionKeys: { rot2: key } }, { OOGST_ENCRYPTION_KEY: 'set', OOGST_NEW_ENCRYPTION_KEY: key.toString('base64'), OOGST_NEW_ENCRYPTION_KEY_ID: 'rot2b' });
  expect(again).toMatchObject({ remaining: 0, unreadable: {} });
  useKeys('rot2b', { rot2b: key }); // the same key under another id: the values now say rot2b
  expect(await views()).toBe(before);
}, 60_000);

test('when run as `rotate-key` with a secrets file, then the file gains the new current key, keeps the old one, and the app reads with it', async () => {
  const file = path.join(secretsDir, 'secrets.json');
  const current = t.ctx.keyring.keys[t.ctx.keyring.currentKeyId];
  fs.writeFileSync(file, JSON.stringify({ sessionSecret: crypto.randomBytes(32).toString('base64'), currentKeyId: 'rot2b', keys: { rot2b: current.toString('base64') } }), { mode: 0o600 });
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.ctx.config.databaseUrl, OOGST_SECRETS_FILE: file, OOGST_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.OOGST_ENCRYPTION_KEY;
  delete env.OOGST_SESSION_SECRET;
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), 'server/cli.ts', 'rotate-key'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  expect({ status: run.status, err: run.stderr }).toEqual({ status: 0, err: '' });
  expect(run.stdout).toMatch(/re-encrypted \d+ value\(s\) in \d+ row\(s\) and \d+ file\(s\) under key k/);
  const secrets = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(Object.keys(secrets.keys)).toHaveLength(2);
  expect(secrets.currentKeyId).not.toBe('rot2b');
  expect(secrets.rotatingTo).toBeUndefined();
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const config = loadConfig(env);
  useKeys(config.currentKeyId, config.encryptionKeys);
  expect([...await keyIdsInDatabase()]).toEqual([config.currentKeyId]);
  expect(await views()).toBe(before);
  const fresh = new Client(t.base);
  expect((await fresh.post('/api/auth/login', { email: 'partner1@test.oogst', password: PASSWORD })).body.name).toBe(canary('StaffName'));
}, 60_000);

test('when a rotation was cut short, then the next run resumes with its key; --retire-old drops the keys nothing uses', async () => {
  const file = path.join(secretsDir, 'secrets.json');
  const secrets = JSON.parse(fs.readFileSync(file, 'utf8'));
  secrets.keys.kresume = newKey().toString('base64');
  secrets.rotatingTo = 'kresume'; // as left by a run that stopped before making it current
  fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.ctx.config.databaseUrl, OOGST_SECRETS_FILE: file, OOGST_DATA_DIR: dataDir };
  delete env.OOGST_ENCRYPTION_KEY;
  delete env.OOGST_SESSION_SECRET;
  const r = await rotateKey(t.ctx.db, loadConfig(env), env, { retireOld: true });
  expect(r).toMatchObject({ keyId: 'kresume', mode: 'secrets-file', remaining: 0 });
  expect(r.retired).toHaveLength(2);
  const after = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(after).toMatchObject({ currentKeyId: 'kresume' });
  expect(Object.keys(after.keys)).toEqual(['kresume']);
  const config = loadConfig(env);
  useKeys(config.currentKeyId, config.encryptionKeys);
  expect(await views()).toBe(before);
}, 60_000);
