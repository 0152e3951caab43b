// Re-encrypts everything encrypted under a new key, found generically rather than by a list that
// would fall behind: every text column of every table whose value is a ciphertext ("enc:v1:…") or
// JSON holding ciphertexts anywhere inside (outcomes.evidence, revisions.changes, …), and every
// encrypted file under <dataDir>/files. One database transaction, so a failure changes nothing;
// values already under the new key are left alone, so an interrupted run can simply be repeated.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { decrypt, encrypt, isEncrypted, keyIdOf, Keyring } from './fields';
import { decryptBlob, encryptBlob } from './blobs';

export type RotationReport = {
  keyId: string;
  /** values re-encrypted, and the rows and columns they sat in */
  values: number;
  rows: number;
  columns: Record<string, number>;
  /** text that looks like a ciphertext but is none (a user may type "enc:v1:…"): left as it is */
  lookalikes: number;
  /** real ciphertexts (or files) that no configured key opens: left as they are, and an error */
  unreadable: Record<string, number>;
  files: number;
  /** values still under another key after the run: 0 unless something is wrong */
  remaining: number;
};

/** A column, and how its rows are named for an update: rowid/ctid, or a WITHOUT ROWID table's key. */
type Column = { table: string; column: string; key?: string[] };
const CHUNK = 500;
const isPg = (db: Knex) => db.client.config.client === 'pg';

/** Every text-like column of every ordinary table (virtual full-text tables and their shadows left out). */
export async function textColumns(db: Knex): Promise<Column[]> {
  if (isPg(db)) {
    const r = await db.raw(`SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
      ORDER BY c.table_name, c.ordinal_position`);
    return r.rows.filter((x: { t: string }) => !x.t.startsWith('knex_')).map((x: { t: string; c: string }) => ({ table: x.t, column: x.c }));
  }
  const tables: Array<{ name: string; sql: string }> = await db.raw(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'knex\\_%' ESCAPE '\\'`);
  const virtual = tables.filter((x) => /^CREATE VIRTUAL TABLE/i.test(x.sql ?? '')).map((x) => x.name);
  const out: Column[] = [];
  for (const { name, sql } of tables.filter((x) => !virtual.some((v) => x.name === v || x.name.startsWith(`${v}_`)))) {
    const cols: Array<{ name: string; type: string; pk: number }> = await db.raw(`PRAGMA table_info("${name.replace(/"/g, '""')}")`);
    const key = /WITHOUT\s+ROWID/i.test(sql) ? cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name) : undefined;
    for (const c of cols) if (/CHAR|TEXT|CLOB|JSON|^$/i.test(c.type)) out.push({ table: name, column: c.name, key });
  }
  return out;
}

type Outcome = { value: unknown; changed: number; lookalikes: number; stale: number; unreadable: number };

/** The shape encrypt() writes: a key id, a 12-byte IV, a 16-byte tag and a ciphertext. */
const wellFormed = (s: string) => {
  const parts = s.slice('enc:v1:'.length).split(':');
  return parts.length === 4 && Buffer.from(parts[1], 'base64url').length === 12 && Buffer.from(parts[2], 'base64url').length === 16;
};

/** One stored value re-encrypted (or counted, when `dry`): a ciphertext, or JSON with some inside. */
export function reencrypt(ring: Keyring, stored: unknown, dry = false): Outcome {
  const tally = { changed: 0, lookalikes: 0, stale: 0, unreadable: 0 };
  const one = (s: string): string => {
    if (keyIdOf(s) === ring.currentKeyId) return s;
    let plain: string;
    try {
      plain = decrypt(ring, s);
    } catch {
      if (wellFormed(s)) tally.unreadable++; // a key missing from the keyring, or a damaged value
      else tally.lookalikes++;
      return s;
    }
    tally.stale++;
    if (dry) return s;
    tally.changed++;
    return encrypt(ring, plain);
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return isEncrypted(v) ? one(v) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  if (typeof stored !== 'string') return { value: stored, ...tally };
  if (isEncrypted(stored)) return { value: one(stored), ...tally };
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return { value: stored, ...tally }; // text that merely mentions "enc:v1:"
  }
  const value = walk(json);
  return { value: tally.changed ? JSON.stringify(value) : stored, ...tally };
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

function apply(ring: Keyring, value: string, dry: boolean, c: Column, report: RotationReport): string | undefined {
  const r = reencrypt(ring, value, dry);
  report.lookalikes += r.lookalikes;
  report.remaining += dry ? r.stale : 0;
  if (r.unreadable && !dry) report.unreadable[`${c.table}.${c.column}`] = (report.unreadable[`${c.table}.${c.column}`] ?? 0) + r.unreadable;
  if (dry || !r.changed) return undefined;
  report.values += r.changed;
  report.rows++;
  report.columns[`${c.table}.${c.column}`] = (report.columns[`${c.table}.${c.column}`] ?? 0) + r.changed;
  return r.value as string;
}

/** A WITHOUT ROWID table: rows named by their primary key (such tables are small reference tables). */
async function rotateKeyed(trx: Knex.Transaction, ring: Keyring, c: Column, dry: boolean, report: RotationReport): Promise<void> {
  const key = c.key!;
  const rows = await trx.raw(`SELECT ${key.map((k, i) => `${q(k)} AS k${i}`).join(', ')}, ${q(c.column)} AS v FROM ${q(c.table)} WHERE ${q(c.column)} LIKE '%enc:v1:%'`);
  for (const row of rows as Array<Record<string, string>>) {
    const value = apply(ring, row.v, dry, c, report);
    if (value !== undefined) {
      await trx.raw(`UPDATE ${q(c.table)} SET ${q(c.column)} = ? WHERE ${key.map((k) => `${q(k)} = ?`).join(' AND ')}`, [value, ...key.map((_k, i) => row[`k${i}`])]);
    }
  }
}

async function rotateColumn(trx: Knex.Transaction, ring: Keyring, c: Column, dry: boolean, report: RotationReport): Promise<void> {
  if (c.key) return rotateKeyed(trx, ring, c, dry, report);
  const pg = isPg(trx);
  const rid = pg ? 'ctid' : 'rowid';
  const asText = pg ? `${q(c.column)}::text` : q(c.column);
  // the row ids first (small), then the values chunk by chunk; a row is updated at most once
  const found = await trx.raw(`SELECT ${rid}${pg ? '::text' : ''} AS rid FROM ${q(c.table)} WHERE ${asText} LIKE '%enc:v1:%'`);
  const ids: Array<string | number> = (pg ? found.rows : found).map((r: { rid: string | number }) => r.rid);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const where = pg ? `ctid = ANY(?::tid[])` : `rowid IN (${part.map(() => '?').join(',')})`;
    const got = await trx.raw(`SELECT ${rid}${pg ? '::text' : ''} AS rid, ${asText} AS v FROM ${q(c.table)} WHERE ${where}`, (pg ? [part] : part) as Knex.RawBinding[]);
    for (const row of (pg ? got.rows : got) as Array<{ rid: string | number; v: string }>) {
      const value = apply(ring, row.v, dry, c, report);
      if (value !== undefined) await trx.raw(`UPDATE ${q(c.table)} SET ${q(c.column)} = ? WHERE ${rid} = ?${pg ? '::tid' : ''}`, [value, row.rid]);
    }
  }
}

const MAGIC = Buffer.from('OGB1');

/** Encrypted files: rewritten beside themselves, then renamed over (never half a file). */
function rotateFiles(ring: Keyring, dir: string | undefined, dry: boolean, report: RotationReport): void {
  if (!dir || !fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile() || name.endsWith('.tmp')) continue;
    const stored = fs.readFileSync(file);
    if (!stored.subarray(0, 4).equals(MAGIC)) continue;
    const keyId = stored.subarray(5, 5 + stored[4]).toString('utf8');
    if (keyId === ring.currentKeyId) continue;
    if (dry) {
      report.remaining++;
      continue;
    }
    let plain: Buffer;
    try {
      plain = decryptBlob(ring, stored);
    } catch {
      report.unreadable.files = (report.unreadable.files ?? 0) + 1;
      continue;
    }
    const tmp = path.join(dir, `.${randomUUID()}.tmp`);
    fs.writeFileSync(tmp, encryptBlob(ring, plain), { mode: 0o600 });
    fs.renameSync(tmp, file);
    report.files++;
  }
}

/**
 * Re-encrypts the database and the files under `ring.currentKeyId` (the new key; `ring.keys` must
 * hold the old ones too), then counts what is left under other keys. SQLite is vacuumed and
 * checkpointed after, PostgreSQL's touched tables rewritten (VACUUM FULL), so the old ciphertexts
 * do not linger in free pages.
 */
export async function rotateAll(db: Knex, ring: Keyring, filesDir?: string): Promise<RotationReport> {
  const report: RotationReport = { keyId: ring.currentKeyId, values: 0, rows: 0, columns: {}, lookalikes: 0, unreadable: {}, files: 0, remaining: 0 };
  const columns = await textColumns(db);
  await db.transaction(async (trx) => {
    for (const c of columns) await rotateColumn(trx, ring, c, false, report);
  });
  rotateFiles(ring, filesDir, false, report);
  const touched = [...new Set(Object.keys(report.columns).map((k) => k.split('.')[0]))];
  if (isPg(db)) {
    for (const table of touched) await db.raw(`VACUUM FULL ${q(table)}`);
  } else {
    await db.raw('VACUUM');
    await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  }
  const check: RotationReport = { ...report, lookalikes: 0, unreadable: {}, remaining: 0 };
  await db.transaction(async (trx) => {
    for (const c of columns) await rotateColumn(trx, ring, c, true, check);
  });
  rotateFiles(ring, filesDir, true, check);
  return { ...report, remaining: check.remaining };
}
