// The searches' own connections, so that a costly full-text search never holds the writer, the
// health check or the other requests: a small pool beside the main one, opened on first use and
// closed with it. Each statement on it has a time limit — on PostgreSQL the server's
// statement_timeout; on SQLite a timer that calls the driver's interrupt(), since the sqlite3
// package has no progress handler — and waiting for a free search connection has one too. Either
// limit becomes the problem search_too_costly (RELIABILITY.md, "Searches are bounded").
import knexFactory, { Knex } from 'knex';
import type { Config } from '../core/config';
import type { Ctx } from '../http/types';
import { isPostgres } from './knex';
import { Problem } from '../http/problem';

type Limits = Pick<Config, 'searchTimeoutMs' | 'searchConnections'>;
type Interruptible = { interrupt: () => void; exec: (sql: string, cb: (err: Error | null) => void) => void; __knexUid?: string };

const pools = new WeakMap<Knex, Knex>();

/** The search pool beside `db` (created on first use; destroyed when `db` is). */
export function searchDbOf(db: Knex, limits: Limits): Knex {
  // an in-memory database is private to its one connection: nothing else can open it
  if ((db.client.config.connection as { filename?: string })?.filename === ':memory:') return db;
  let search = pools.get(db);
  if (!search) {
    search = isPostgres(db) ? openPostgres(db, limits) : openSqlite(db, limits);
    pools.set(db, search);
    const client = db.client as { destroy: (cb?: unknown) => Promise<void> };
    const destroy = client.destroy.bind(client);
    const opened = search;
    // the main pool's owners (server, CLI, tests) close only it; the search pool goes with it
    // (knex's own destroy is read-only, its client's is not)
    client.destroy = async (cb?: unknown) => { await opened.destroy(); return destroy(cb); };
  }
  return search;
}

/**
 * Where a request's full-text reads go: the search pool — unless the request is inside a
 * transaction, whose uncommitted rows only its own connection sees.
 */
export function searchDbFor(ctx: Pick<Ctx, 'app' | 'db'>): Knex | Ctx['db'] {
  return (ctx.db as Knex.Transaction).isTransaction ? ctx.db : searchDbOf(ctx.app.db, ctx.app.config);
}

function openPostgres(db: Knex, limits: Limits): Knex {
  // knex has parsed DATABASE_URL into its parts by now (a string only where it was given as one)
  const main = db.client.config.connection as string | Knex.PgConnectionConfig;
  const parts = typeof main === 'string' ? { connectionString: main } : main;
  return knexFactory({
    client: 'pg',
    connection: { ...parts, statement_timeout: limits.searchTimeoutMs },
    pool: { min: 0, max: limits.searchConnections },
    acquireConnectionTimeout: limits.searchTimeoutMs,
  });
}

function openSqlite(db: Knex, limits: Limits): Knex {
  const open = new Map<string, Interruptible>();
  const search = knexFactory({
    client: 'sqlite3',
    connection: { filename: (db.client.config.connection as { filename: string }).filename },
    useNullAsDefault: true,
    acquireConnectionTimeout: limits.searchTimeoutMs,
    pool: {
      min: 0, max: limits.searchConnections,
      // query_only: this pool only reads, so it can never take the writer's lock
      afterCreate: (conn: Interruptible, done: (err: Error | null, conn: unknown) => void) => {
        open.set(conn.__knexUid!, conn); // knex names the connection before this hook runs
        conn.exec('PRAGMA query_only = ON; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;', (err) => done(err, conn));
      },
    },
  });
  search.client.pool.on('destroySuccess', (_id: number, conn: Interruptible) => open.delete(conn.__knexUid!));
  const timers = new Map<string, NodeJS.Timeout>();
  search.on('query', (q: { __knexUid: string; __knexQueryUid: string }) => {
    const conn = open.get(q.__knexUid);
    if (conn) timers.set(q.__knexQueryUid, setTimeout(() => conn.interrupt(), limits.searchTimeoutMs));
  });
  const done = (q: { __knexQueryUid: string }) => { clearTimeout(timers.get(q.__knexQueryUid)); timers.delete(q.__knexQueryUid); };
  search.on('query-response', (_r: unknown, q: { __knexQueryUid: string }) => done(q));
  search.on('query-error', (_e: unknown, q: { __knexQueryUid: string }) => done(q));
  return search;
}

/** Whether an error is one of the search limits: an interrupted or cancelled statement, or no free connection in time. */
export function isSearchLimit(err: unknown): boolean {
  const e = err as { code?: string; name?: string };
  return e?.code === 'SQLITE_INTERRUPT' || e?.code === '57014' || e?.name === 'KnexTimeoutError';
}

/** Runs `work` against the search pool; a limit reached becomes search_too_costly. */
export async function bounded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isSearchLimit(err)) throw new Problem('search_too_costly', 'This search would take too long: add words, or filter by programme, organisation, kind or date');
    throw err;
  }
}
