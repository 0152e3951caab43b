// Builds the migrated template database once per test run.
import fs from 'node:fs';
import knexFactory from 'knex';
import { createDb, migrateLatest } from '../../server/db/knex';
import { seedReference } from '../../seeds/reference';
import { TEMPLATE_PG, TEMPLATE_SQLITE, TMP, pgUrl, usePg } from './db';

export default async function globalSetup(): Promise<void> {
  fs.mkdirSync(TMP, { recursive: true });
  for (const f of fs.readdirSync(TMP)) fs.rmSync(`${TMP}/${f}`, { force: true });
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
  const db = createDb(`sqlite://${TEMPLATE_SQLITE}`);
  await migrateLatest(db);
  await seedReference(db);
  await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.destroy();
}
