// Backup and restore of the embedded SQLite database, and the consent tombstones a restore must
// re-apply. A backup is SQLite's online copy (VACUUM INTO: consistent while Oogst runs, and free
// pages — erased text among them — are not copied). A restore puts the copy in place of the live
// database after re-applying every tombstone of the live database to it, so a consent withdrawn
// after the backup was made stays withdrawn. The tombstones are read from the live database just
// before it is replaced; `tombstones-export` keeps a copy elsewhere for when the live database
// is lost, and `restore --tombstones <file>` (or `tombstones-apply` after a PostgreSQL
// pg_restore) brings them back. Evidence files (data/files) are not in the database: copy them
// beside it.
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { ConfigError } from '../core/config';
import { createDb, migrateLatest } from '../db/knex';
import { applyTombstones, listTombstones, Tombstone } from '../consent/erase';
import { truncateWal } from '../db/wipe';

/** An operator's mistake (a file that exists, one that is missing): the CLI prints one clear line. */
export class BackupError extends ConfigError {}

export const sqliteFileOf = (databaseUrl: string): string | null => (databaseUrl.startsWith('sqlite://') ? databaseUrl.slice('sqlite://'.length) : null);

export const PG_ROUTE = [
  'PostgreSQL: back up with pg_dump and restore with pg_restore, then re-apply the tombstones:',
  '  node dist/cli.js tombstones-export tombstones.json          # before the restore, from the live database',
  '  pg_dump --format=custom --file=oogst.dump "$DATABASE_URL"',
  '  pg_restore --clean --dbname "$DATABASE_URL" oogst.dump',
  '  node dist/cli.js tombstones-apply tombstones.json           # after it',
].join('\n');

/** An online, consistent copy of the database into a new file. */
export async function backupSqlite(db: Knex, file: string): Promise<void> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`${target} exists already; choose a new file`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await db.raw('VACUUM INTO ?', [target]);
}

async function tombstonesOf(file: string): Promise<Tombstone[]> {
  const db = createDb(`sqlite://${file}`);
  try {
    if (!(await db.schema.hasTable('tombstones'))) return [];
    return await listTombstones(db);
  } finally {
    await db.destroy();
  }
}

export function readTombstones(file: string): Tombstone[] {
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as Tombstone[];
  if (!Array.isArray(list) || list.some((t) => !t.entityType || !t.entityId)) throw new BackupError(`${file} is not a list of tombstones`);
  return list;
}

export async function exportTombstones(db: Knex, file: string): Promise<number> {
  const list = await listTombstones(db);
  fs.writeFileSync(file, JSON.stringify(list, null, 2) + '\n', { mode: 0o600 });
  return list.length;
}

async function checkpoint(file: string): Promise<void> {
  const db = createDb(`sqlite://${file}`);
  try {
    await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    await db.destroy();
  }
}

export type RestoreResult = { tombstones: number; replaced: string | null };

/**
 * Puts `backup` in place of the live database file (Oogst must be stopped): the copy is migrated,
 * every tombstone of the live database (and of `carried`) is applied to it, then it replaces the
 * live file, which is kept beside it as <file>.replaced-<time> until the operator removes it.
 */
export async function restoreSqlite(o: { live: string; backup: string; dataDir: string; carried?: Tombstone[]; withoutLive?: boolean }): Promise<RestoreResult> {
  const live = path.resolve(o.live);
  if (!fs.existsSync(o.backup)) throw new BackupError(`no backup at ${o.backup}`);
  const hasLive = fs.existsSync(live);
  if (!hasLive && !o.carried && !o.withoutLive) {
    throw new BackupError(`the live database ${live} is missing, so its tombstones cannot be read: pass --tombstones <file> (from tombstones-export), or --without-live-tombstones if you know no consent was withdrawn since the backup`);
  }
  const liveTombstones = hasLive ? await tombstonesOf(live) : [];
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const work = `${live}.restoring-${stamp}`;
  fs.copyFileSync(o.backup, work);
  const db = createDb(`sqlite://${work}`);
  let applied: number;
  try {
    await migrateLatest(db);
    applied = await db.transaction((trx) => applyTombstones(trx, o.dataDir, [...liveTombstones, ...(o.carried ?? [])]));
    await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch (e) {
    await db.destroy();
    for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
    throw e;
  }
  await db.destroy();
  let replaced: string | null = null;
  if (hasLive) {
    await checkpoint(live);
    replaced = `${live}.replaced-${stamp}`;
    fs.renameSync(live, replaced);
    for (const f of [`${live}-wal`, `${live}-shm`]) fs.rmSync(f, { force: true });
  }
  fs.renameSync(work, live);
  for (const f of [`${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  return { tombstones: applied, replaced };
}

/** After a PostgreSQL pg_restore (or to be sure on any database): applies the tombstones of a file. */
export async function applyTombstoneFile(db: Knex, dataDir: string, file: string): Promise<number> {
  const carried = readTombstones(file);
  await migrateLatest(db);
  const n = await db.transaction((trx) => applyTombstones(trx, dataDir, carried));
  await truncateWal(db); // the restored text is erased: cut the WAL that still holds it
  return n;
}
