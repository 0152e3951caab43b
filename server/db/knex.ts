// One knex instance per process: SQLite (embedded default, WAL, foreign keys, busy timeout) or
// PostgreSQL when DATABASE_URL says so. Migrations come from migrations/index.ts so that the same
// list runs from the bundle, the CLI and the tests.
import knexFactory, { Knex } from 'knex';
import { migrationSource } from '../../migrations';
import { makePrivateDbFile } from '../core/data-folder';

export type Db = Knex | Knex.Transaction;

export function isPostgres(db: Db): boolean {
  return db.client.config.client === 'pg';
}

let opened = 0;
/** SQLite connections opened by this process: PRAGMA data_version compares only within one. */
export const connectionsOpened = () => opened;

export function createDb(databaseUrl: string): Knex {
  if (databaseUrl.startsWith('sqlite://')) {
    const filename = databaseUrl.slice('sqlite://'.length);
    // the file is made 0600 (its folder 0700 if new) before SQLite opens it: the WAL takes its mode
    if (filename !== ':memory:') makePrivateDbFile(filename);
    return knexFactory({
      client: 'sqlite3',
      connection: { filename },
      useNullAsDefault: true,
      // SQLite has one writer; a single connection serialises writes without "database is locked".
      pool: {
        min: 1,
        max: 1,
        afterCreate: (conn: { exec: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) => {
          opened += 1;
          // secure_delete: deleted rows and freed pages are overwritten with zeros, so withdrawn text
          // leaves the pages themselves (a withdrawal then checkpoints the WAL, server/db/wipe.ts).
          // Cost (RELIABILITY.md §8): inserts unchanged; 500 one-row deletes of 2 kB rows 47–52 ms
          // against 31–59 ms without, within the noise of a shared machine
          // a 64 MB page cache (the default is 2 MB): an import of 10,000 outcomes touches the same
          // index pages again and again (commit 4.1 → 3.2 s, bench/README.md), and so do the dashboards
          conn.exec(
            'PRAGMA journal_mode = WAL; PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;',
            (err) => done(err, conn),
          );
        },
      },
      migrations: { migrationSource },
    });
  }
  return knexFactory({
    client: 'pg',
    connection: databaseUrl,
    pool: { min: 0, max: 10 },
    migrations: { migrationSource },
  });
}

export async function migrateLatest(db: Knex): Promise<void> {
  await db.migrate.latest();
}

export async function latestMigration(db: Knex): Promise<string | null> {
  const done = (await db.migrate.list())[0] as Array<{ name: string } | string>;
  const last = done[done.length - 1];
  return last === undefined ? null : typeof last === 'string' ? last : last.name;
}
