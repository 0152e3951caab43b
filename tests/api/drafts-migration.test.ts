// Migration 018 (incomplete drafts): the columns of what a draft may lack lose their NOT NULL, and
// nothing else changes — on SQLite the tables keep their triggers and indexes (the statement is
// edited in place, not rebuilt). Rolling back refuses while an incomplete draft would not fit, and
// restores the constraint otherwise. The same file runs on SQLite and, with OOGST_TEST_DB=pg, on
// PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { latestMigration } from '../../server/db/knex';
import { freshDatabase } from '../helpers/db';
import { withNotNull } from '../../migrations/20261204_018_incomplete_drafts';

const MIGRATION = '20261204_018_incomplete_drafts';

let db: Knex;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  await db.migrate.latest();
});
afterAll(() => close());

const nullable = async (table: string, column: string) => (await db(table).columnInfo())[column].nullable;
const isSqlite = () => db.client.config.client === 'sqlite3';
/** The triggers and indexes of the two tables, as the database lists them. */
async function schemaObjects(): Promise<string[]> {
  if (isSqlite()) {
    return (await db('sqlite_master').whereIn('tbl_name', ['outcomes', 'stories']).whereNot('type', 'table').orderBy('name').select('name')).map((r) => r.name);
  }
  const r = await db.raw("SELECT indexname AS name FROM pg_indexes WHERE tablename IN ('outcomes', 'stories') ORDER BY indexname");
  return r.rows.map((x: { name: string }) => x.name);
}

test('when 018 has run, then a draft may lack its narrative, actor, dates and place; rolled back with none, the constraints and every trigger and index are as before', async () => {
  while ((await latestMigration(db)) !== MIGRATION) await db.migrate.down();
  for (const [table, column] of [['outcomes', 'description'], ['outcomes', 'positive'], ['outcomes', 'occurred_date'], ['stories', 'story'], ['stories', 'country']]) {
    expect(await nullable(table, column)).toBe(true);
  }
  expect(await nullable('outcomes', 'title')).toBe(false);
  const objects = await schemaObjects();
  expect(objects.length).toBeGreaterThan(0);
  await db.migrate.down();
  expect(await nullable('outcomes', 'description')).toBe(false);
  expect(await nullable('stories', 'story')).toBe(false);
  expect(await schemaObjects()).toEqual(objects);
  await db.migrate.latest();
  expect(await nullable('outcomes', 'description')).toBe(true);
  expect(await schemaObjects()).toEqual(objects);
});

test('when an incomplete draft is stored, then rolling 018 back refuses and changes nothing', async () => {
  const now = new Date().toISOString();
  const org = randomUUID();
  await db('organisations').insert({ id: org, name: `Org ${org}`, kind: 'partner', created_at: now, updated_at: now });
  await db('outcomes').insert({ id: randomUUID(), organisation_id: org, status: 'draft', title: 'Only a title', created_at: now, updated_at: now });
  await expect(db.migrate.down()).rejects.toThrow(/incomplete draft/);
  expect(await latestMigration(db)).toBe(MIGRATION);
  expect(await nullable('outcomes', 'description')).toBe(true);
});

test('the statement edit takes NOT NULL from exactly the columns named, and gives it back', () => {
  const sql = 'CREATE TABLE `t` (`seq` integer not null primary key autoincrement, `a` varchar(10) not null, `ab` text not null, `b` boolean not null)';
  const relaxed = withNotNull(sql, ['a', 'b'], false);
  expect(relaxed).toBe('CREATE TABLE `t` (`seq` integer not null primary key autoincrement, `a` varchar(10), `ab` text not null, `b` boolean)');
  expect(withNotNull(relaxed, ['a', 'b'], true)).toBe(sql);
  expect(() => withNotNull(sql, ['missing'], false)).toThrow(/column missing/);
});
