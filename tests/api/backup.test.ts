// Backup and restore: a restore of an older backup loses nothing that the backup holds and
// resurrects no story whose consent was withdrawn after it was made.
import fs from 'node:fs';
import { openStoryRows } from '../../server/stories/repository';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { startTestApp, TestApp, Client } from '../helpers/app';
import { usePg } from '../helpers/db';
import { outcomeIn } from '../helpers/review';
import { newStory, ok, publish } from '../helpers/stories';
import { countOf } from '../helpers/interop';
import { createDb } from '../../server/db/knex';
import { backupSqlite, exportTombstones, applyTombstoneFile, restoreSqlite, sqliteFileOf, BackupError } from '../../server/backup/backup';

jest.setTimeout(60_000);

let t: TestApp;
let p1: Client, ev: Client;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-backup-'));
const ids: Record<string, string> = {};
const WITHDRAWN_TEXT = 'Withdrawn-after-backup: Mariam told how the checkpoint commander let the women pass';

beforeAll(async () => {
  t = await startTestApp();
  [p1, ev] = await Promise.all((['partner1', 'evaluator'] as const).map((w) => t.as(w)));
  const crew = { partner: p1, evaluator: ev };
  ids.published = await outcomeIn(crew, 'published', { title: 'Kept: the council admits women' });
  ids.draft = await outcomeIn(crew, 'draft', { title: 'Kept: a draft in Gao' });
  ids.kept = (await newStory(p1, { title: 'Kept story of the market women' })).id;
  await publish('stories', ids.kept, p1, ev);
  ids.withdrawn = (await newStory(p1, { title: 'Story withdrawn after the backup', story: WITHDRAWN_TEXT })).id;
  await publish('stories', ids.withdrawn, p1, ev);
  ids.early = (await newStory(p1, { title: 'Story withdrawn before the backup' })).id;
  await ok(p1.post(`/api/stories/${ids.early}/consent/withdraw`, { reason: 'asked in January' }));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table (full-text shadow tables aside), keyed by table. */
async function snapshot(db: Knex): Promise<Record<string, string[]>> {
  const tables: string[] = (await db.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'`)).map((r: { name: string }) => r.name);
  const out: Record<string, string[]> = {};
  for (const table of tables) out[table] = (await db(table).select()).map((r) => JSON.stringify(r)).sort();
  return out;
}

const without = (snap: Record<string, string[]>, id: string) => Object.fromEntries(Object.entries(snap).map(([k, rows]) => [k, rows.filter((r) => !r.includes(id))]));

(usePg() ? describe.skip : describe)('SQLite', () => {
  test('when an older backup is restored, then it loses nothing and the story withdrawn since stays erased', async () => {
    const backup = path.join(dir, 'backup.sqlite');
    await backupSqlite(t.ctx.db, backup);
    const atBackup = await snapshot(t.ctx.db);
    // the backup holds the story, sealed under its key (server/crypto/record-keys.ts), and the key
    const [sealedRow] = await t.ctx.db('stories').where({ id: ids.withdrawn });
    expect(atBackup.stories.join()).not.toContain(WITHDRAWN_TEXT);
    expect((await openStoryRows(t.ctx.db, t.ctx.keyring, [sealedRow]))[0].story).toBe(WITHDRAWN_TEXT);
    expect(atBackup.record_keys.join()).toContain(ids.withdrawn);
    await ok(p1.post(`/api/stories/${ids.withdrawn}/consent/withdraw`, { reason: 'withdrawn by phone' }));
    // the live database as Oogst left it (a copy, so the running test app keeps its own file)
    await t.ctx.db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    const live = path.join(dir, 'live.sqlite');
    fs.copyFileSync(sqliteFileOf(t.ctx.config.databaseUrl)!, live);

    const r = await restoreSqlite({ live, backup, dataDir: path.join(dir, 'data') });
    expect(r.tombstones).toBe(2);
    expect(r.replaced).toMatch(/live\.sqlite\.replaced-/);
    const restored = createDb(`sqlite://${live}`);
    try {
      const after = await snapshot(restored);
      expect(await restored('stories').where({ id: ids.withdrawn }).first()).toBeUndefined();
      expect(await restored('record_keys').where({ entity_id: ids.withdrawn }).first()).toBeUndefined();
      expect(await restored('stories').where({ id: ids.kept }).first()).toBeDefined();
      expect((await restored('tombstones').pluck('entity_id')).sort()).toEqual([ids.withdrawn, ids.early].sort());
      // everything else is exactly as it was at the backup
      const expected = without(atBackup, ids.withdrawn);
      const got = without(after, ids.withdrawn);
      for (const table of Object.keys(expected)) expect({ table, rows: got[table] }).toEqual({ table, rows: expected[table] });
      expect(JSON.stringify(after)).not.toContain(WITHDRAWN_TEXT);
    } finally {
      await restored.destroy();
    }
    // not even in the bytes of the file: erased pages are zeroed, the full-text index merged
    expect(fs.readFileSync(live).includes(Buffer.from(WITHDRAWN_TEXT.slice(0, 40)))).toBe(false);
  });

  test('when the backup file exists already, or the live database is gone without a tombstone file, then it refuses', async () => {
    const file = path.join(dir, 'twice.sqlite');
    await backupSqlite(t.ctx.db, file);
    await expect(backupSqlite(t.ctx.db, file)).rejects.toThrow(BackupError);
    await expect(restoreSqlite({ live: path.join(dir, 'gone.sqlite'), backup: file, dataDir: dir })).rejects.toThrow(/tombstones/);
  });
});

describe('tombstones kept apart', () => {
  test('when exported and applied again, then every withdrawn story stays erased (PostgreSQL route too)', async () => {
    const file = path.join(dir, 'tombstones.json');
    const n = await exportTombstones(t.ctx.db, file);
    expect(n).toBeGreaterThanOrEqual(1);
    const list = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(list.map((x: { entityId: string }) => x.entityId)).toContain(ids.early);
    expect(await applyTombstoneFile(t.ctx.db, path.join(dir, 'data'), file)).toBe(n);
    expect(await countOf(t.ctx.db('stories').whereIn('id', [ids.early]).count({ n: '*' }))).toBe(0);
    expect(await t.ctx.db('stories').where({ id: ids.kept }).first('id')).toEqual({ id: ids.kept });
  });
});
