// Results of expensive reads — the ordered matches of an outcome list or search, the dashboards'
// aggregates — kept in memory until the records they come from may have changed, so paging
// through a list or reopening a dashboard does not count 100,000 outcomes again.
//
// On SQLite a change is known exactly: this process writes through its one connection, whose
// every statement knex reports (a write to a record table counts one), and PRAGMA data_version
// changes when another process — the CLI's purge, restore or tombstone import — commits. A result
// is used only under the same counts it was computed at, so it is never older than the database.
// (A result computed while a write lands may be newer than its key; no later reader has that key.)
// PostgreSQL gives no such signal across app instances: there every read goes to the database.
import type { Knex } from 'knex';
import type { CurrentUser } from '../http/types';
import { connectionsOpened, isPostgres } from './knex';

// Tables written on reads or beside the records (rate limits, sessions, audit, notifications,
// import progress): a write there changes no cached result.
const UNCACHED = new Set(['rate_limits', 'sessions', 'audit_log', 'notifications', 'imports', 'import_chunks', 'tokens']);
const WRITE = /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update|delete\s+from)\s+[`"]?(\w+)/i;
const READ = /^\s*(?:select|pragma|begin|commit|rollback|savepoint|release|explain)\b/i;
// a common table expression reads unless it ends in a write (any such word counts, to be safe)
const CTE_READ = /^\s*with\b(?![\s\S]*\b(?:insert|update|delete|replace)\b)/i;

const MAX_WEIGHT = 4_000_000; // in units of about 8 bytes (an id, a number): some 32 MB at most
const MAX_ENTRIES = 1000;

type Entry = { value: unknown; weight: number };
type State = { writes: number; version: string; entries: Map<string, Entry>; weight: number };
const states = new WeakMap<Knex, State>();

/** Starts keeping results for this (SQLite) database; without it every read is computed. */
export function enableReadCache(db: Knex): void {
  // exactness rests on one connection: data_version compares only within it, and no reader can
  // run beside an uncommitted write
  const pool = (db.client.config as { pool?: { max?: number } }).pool;
  if (isPostgres(db) || states.has(db) || pool?.max !== 1) return;
  const state: State = { writes: 0, version: '', entries: new Map(), weight: 0 };
  states.set(db, state);
  db.on('query', (q: { sql?: string }) => {
    if (countsAsWrite(q.sql ?? '')) state.writes += 1;
  });
}

/** Whether a statement may change what a kept result was computed from (when unsure: yes). */
export function countsAsWrite(sql: string): boolean {
  const write = WRITE.exec(sql);
  if (write) return !UNCACHED.has(write[1].toLowerCase());
  return !(READ.test(sql) || CTE_READ.test(sql));
}

/** Whether results of this database are kept (SQLite, outside a transaction). */
export function remembers(db: Knex | Knex.Transaction): boolean {
  return states.has(db as Knex) && !(db as Knex.Transaction).isTransaction;
}

/** Who a result was computed for: everything the visibility rules read of the user. */
export function scopeKey(user: CurrentUser): string {
  return JSON.stringify([user.id, user.role, user.organisationId, user.programmeIds, user.programmeOrgIds]);
}

/**
 * The remembered result of `compute` under `key`, or `compute`'s. Only outside a transaction:
 * inside one, uncommitted writes would be remembered as if they had landed.
 */
export async function cachedRead<T>(db: Knex | Knex.Transaction, key: string, compute: () => Promise<T>, weigh: (v: T) => number = () => 1): Promise<T> {
  const state = states.get(db as Knex);
  if (!state || !remembers(db)) return compute();
  const [{ data_version: dataVersion }] = await db.raw('PRAGMA data_version');
  const version = `${connectionsOpened()}.${state.writes}.${dataVersion}`;
  if (version !== state.version) {
    state.version = version;
    state.entries.clear();
    state.weight = 0;
  }
  const hit = state.entries.get(key);
  if (hit) {
    state.entries.delete(key); // most recently used last: eviction takes the first
    state.entries.set(key, hit);
    return hit.value as T;
  }
  const value = await compute();
  if (state.version !== version) return value; // a read meanwhile saw newer data: this key is gone
  const weight = Math.max(1, weigh(value)) + Math.ceil(key.length / 8);
  if (weight > MAX_WEIGHT / 4) return value;
  state.entries.set(key, { value, weight });
  state.weight += weight;
  for (const [k, e] of state.entries) {
    if (state.weight <= MAX_WEIGHT && state.entries.size <= MAX_ENTRIES) break;
    state.entries.delete(k);
    state.weight -= e.weight;
  }
  return value;
}
