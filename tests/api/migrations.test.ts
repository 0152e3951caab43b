// Migrations run forwards and backwards: latest → rollback all → latest leaves the same tables and
// columns. The same file runs on SQLite and, with OOGST_TEST_DB=pg, on PostgreSQL.
import type { Knex } from 'knex';
import { isPostgres, latestMigration } from '../../server/db/knex';
import { migrationSource } from '../../migrations';
import { freshDatabase } from '../helpers/db';

const KNEX_TABLES = new Set(['knex_migrations', 'knex_migrations_lock']);

async function tables(db: Knex): Promise<string[]> {
  const names: string[] = isPostgres(db)
    ? (await db.raw(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)).rows.map((r: { name: string }) => r.name)
    : (await db.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)).map((r: { name: string }) => r.name);
  return names.filter((n) => !KNEX_TABLES.has(n)).sort();
}

async function shape(db: Knex): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await tables(db)) {
    const columns = await db(table).columnInfo();
    out[table] = Object.entries(columns).map(([name, c]) => `${name}:${c.type}:${c.nullable}`).sort();
  }
  return out;
}

let db: Knex;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await freshDatabase());
});
afterAll(() => close());

test('when migrated to latest, rolled back entirely and migrated again, then the schema is the same', async () => {
  const names = await migrationSource.getMigrations([]);
  const last = migrationSource.getMigrationName(names[names.length - 1]);

  await db.migrate.latest();
  expect(await latestMigration(db)).toBe(last);
  const before = await shape(db);
  expect(Object.keys(before)).toEqual(expect.arrayContaining(['users', 'organisations', 'programmes']));

  await db.migrate.rollback(undefined, true);
  expect(await latestMigration(db)).toBeNull();
  expect(await tables(db)).toEqual([]);

  await db.migrate.latest();
  expect(await latestMigration(db)).toBe(last);
  expect(await shape(db)).toEqual(before);
});
