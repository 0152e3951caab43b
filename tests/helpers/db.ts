// Test databases: a migrated template with the reference data, copied for each test file
// (SQLite: a file copy; PostgreSQL: CREATE DATABASE … TEMPLATE). OOGST_TEST_DB=pg selects
// PostgreSQL at OOGST_TEST_PG_URL (a server .ci/run starts).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import knexFactory from 'knex';
import type { Knex } from 'knex';
import { createDb } from '../../server/db/knex';

export const TMP = path.resolve(__dirname, '../../tests/.tmp');
// one template per test run (set by global-setup), so runs side by side never share or delete it
export const templateSqlite = () => path.join(TMP, `template-${process.env.OOGST_TEST_RUN ?? 'default'}.sqlite`);
export const TEMPLATE_PG = 'oogst_template';
export const usePg = () => process.env.OOGST_TEST_DB === 'pg';

export function pgUrl(database: string): string {
  const base = process.env.OOGST_TEST_PG_URL;
  if (!base) throw new Error('OOGST_TEST_PG_URL is not set (e.g. postgres://postgres@127.0.0.1:5433/postgres)');
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh database URL for one test file. */
export async function freshDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (usePg()) {
    const admin = knexFactory({ client: 'pg', connection: pgUrl('postgres') });
    await admin.raw(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_PG}`);
    await admin.destroy();
    return {
      url: pgUrl(name),
      drop: async () => {
        const a = knexFactory({ client: 'pg', connection: pgUrl('postgres') });
        await a.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.destroy();
      },
    };
  }
  const file = path.join(TMP, `${name}.sqlite`);
  fs.copyFileSync(templateSqlite(), file);
  return {
    url: `sqlite://${file}`,
    drop: async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}

/** A connection to a fresh, empty database of the dialect under test, and how to close and drop it (migration tests). */
export async function freshDatabase(): Promise<{ db: Knex; close: () => Promise<void> }> {
  const fresh = await freshDatabaseUrl();
  const db = createDb(fresh.url);
  return { db, close: async () => { await db.destroy(); await fresh.drop(); } };
}
