// Entry point: check the configuration, make the data folder private (0700/0600), migrate, load
// reference data, seed the demo on an empty embedded database, serve, and shut down cleanly on
// SIGTERM/SIGINT.
import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './core/config';
import { createContext } from './context';
import { createApp } from './app';
import { migrateLatest } from './db/knex';
import { seedReference } from '../seeds/reference';
import { hasData, seedDemo } from '../seeds/demo';
import { purgeExpired } from './substantiations/retention';
import { secureDataFolder } from './core/data-folder';
import { truncateWal } from './db/wipe';
import { reindexBlindSearch, sealLegacyRecords } from './consent/seal';

async function main() {
  const config = loadConfig();
  // before the database opens: folders and files an older version or a restore left 755/644
  const corrected = secureDataFolder(config.dataDir);
  const ctx = createContext(config);
  if (corrected) ctx.log.warn({ entries: corrected }, 'data folder: modes corrected to 0700 (folders) and 0600 (files)');
  await migrateLatest(ctx.db);
  // an erasure whose WAL checkpoint was blocked by a reader is completed now
  await truncateWal(ctx.db, ctx.log);
  await seedReference(ctx.db);
  // text written before consent-bound text was sealed per record (migration 013) is sealed now
  const sealed = await sealLegacyRecords(ctx.db, ctx.keyring);
  if (sealed) ctx.log.info({ records: sealed }, 'sealed the narrative text of records written before per-record keys');
  // a new session secret makes a new search key: the blind index of sealed text is rebuilt with it
  const reindexed = await reindexBlindSearch(ctx.db, ctx.keyring);
  if (reindexed) ctx.log.warn({ records: reindexed }, 'the session secret changed: rebuilt the search index of stories and fragments');
  const embedded = config.databaseUrl.startsWith('sqlite://');
  if (embedded && config.env === 'development' && process.env.OOGST_DEMO !== '0' && !(await hasData(ctx.db))) {
    ctx.log.info('empty embedded database: loading the demo data');
    await seedDemo(ctx);
  }
  // retention of substantiators' personal data: at start, then daily while the server runs
  const purge = () => purgeExpired(ctx.db, config.substantiatorRetentionDays)
    .then((n) => n && ctx.log.info({ erased: n }, 'substantiators past retention erased'))
    .catch((err) => ctx.log.error({ err }, 'erasing substantiators past retention failed'));
  await purge();
  setInterval(purge, 24 * 3600_000).unref();
  const server: Server = createApp(ctx).listen(config.port, () => {
    ctx.log.info({ port: config.port, database: embedded ? 'sqlite' : 'postgresql' }, `Oogst listening on http://localhost:${config.port}`);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, 'shutting down');
    server.close(() => void ctx.db.destroy().then(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`Oogst cannot start: ${err.message}`);
  } else {
    console.error('Oogst failed to start:', err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
