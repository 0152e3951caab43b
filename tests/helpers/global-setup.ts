// Builds the migrated template database once per test run.
import fs from 'node:fs';
import knexFactory from 'knex';
import { createDb, migrateLatest } from '../../server/db/knex';
import { seedReference } from '../../seeds/reference';
import { TEMPLATE_PG, TMP, pgUrl, templateSqlite, usePg } from './db';

export default async function globalSetup(): Promise<void> {
  fs.mkdirSync(TMP, { recursive: true });
  process.env.OOGST_TEST_RUN = `${process.pid}-${Date.now()}`; // inherited by the test workers
  // remove what crashed runs left behind, but never the files of a run still going on
  const stale = Date.now() - 2 * 3600_000;
  for (const f of fs.readdirSync(TMP)) {
    const file = `${TMP}/${f}`;
    const st = fs.statSync(file);
    if (st.isFile() && st.mtimeMs < stale) fs.rmSync(file, { force: true });
  }
  if (usePg()) {
    const admin = knexFactory({ client: 'pg', connection: pgUrl('postgres') });
    const stale = await admin.raw(`SELECT datname FROM pg_database WHERE datname LIKE 't\\_%' OR datname = ?`, [TEMPLATE_PG]);
    for (const r of stale.rows) await admin.raw(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await admin.raw(`CREATE DATABASE ${TEMPLATE_PG}`);
    await admin.destroy();
    const db = createDb(pgUrl(TEMPLATE_PG));
    await migrateLatest(db);
    await seedReference(db);
    await db.destroy();
    return;
  }
  const db = createDb(`sqlite://${templateSqlite()}`);
  await migrateLatest(db);
  await seedReference(db);
  await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.destroy();
}
