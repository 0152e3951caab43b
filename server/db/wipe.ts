// Wiping what an erasure freed, after its transaction has committed (neither step may run inside
// one). SQLite: the rows are gone from the pages (secure_delete, at connection open) and from the
// full-text segments (FTS5 secure-delete and 'optimize', in the erasure), but the WAL still holds
// the frames written before — the old pages with the text — until a checkpoint copies the new
// pages back and the file is cut: `wal_checkpoint(TRUNCATE)`. A reader still open elsewhere (a
// backup in another process) blocks it; busy_timeout waits up to 5 s for it, and we try again a
// few times. Should it still not complete, the frames stay until the next erasure or the next
// start (main.ts checkpoints too) — a warning says so, and the erasure itself stands.
// PostgreSQL: VACUUM does not wipe dead tuples and cannot reach pg_wal, so consent-bound text is
// sealed under a key per record (server/crypto/record-keys.ts) and the erasure deletes the key.
// What is left to do here is to rewrite the small table of keys (VACUUM FULL record_keys), so that
// the deleted key's dead tuple leaves the table's file; its copy in pg_wal stays until the segment
// is recycled (RELIABILITY.md §11).
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { isPostgres } from './knex';

const ATTEMPTS = 5;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type CheckpointRow = { busy: number; log: number; checkpointed: number };

/** Checkpoints and truncates the SQLite WAL; true when it is empty afterwards. */
export async function truncateWal(db: Knex, log?: Logger): Promise<boolean> {
  if (isPostgres(db)) {
    await db.raw('VACUUM FULL record_keys');
    return true;
  }
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const [row] = (await db.raw('PRAGMA wal_checkpoint(TRUNCATE)')) as CheckpointRow[];
    if (row.busy === 0) return true;
    await pause(100 * attempt);
  }
  log?.warn('the WAL could not be checkpointed (a reader is open): erased text stays in it until the next checkpoint');
  return false;
}
