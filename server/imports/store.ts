// Imports in the database: the import row with its report, the validated rows of a dry run in
// encrypted chunks until the commit, and the keys of imported submissions.
import type { Db } from '../db/knex';
import { decryptJson, encryptJson, Keyring } from '../crypto/fields';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Item = { row: number; key?: string; input: unknown };

const CHUNK = 1000;
/** The report keeps the first errors; errorCount says how many there were. */
export const MAX_ERRORS = 1000;

export async function findRow(db: Db, id: string): Promise<Row | undefined> {
  return db('imports').where({ id }).first();
}

export async function saveItems(db: Db, ring: Keyring, importId: string, items: Item[]): Promise<void> {
  for (let i = 0; i * CHUNK < items.length; i++) {
    await db('import_chunks').insert({ import_id: importId, seq: i, rows_enc: encryptJson(ring, items.slice(i * CHUNK, (i + 1) * CHUNK)) });
  }
}

export async function itemsOf(db: Db, ring: Keyring, importId: string): Promise<Item[]> {
  const chunks = await db('import_chunks').where({ import_id: importId }).orderBy('seq');
  return chunks.flatMap((c) => decryptJson<Item[]>(ring, c.rows_enc) ?? []);
}

/** The keys of this organisation's earlier imports of the kind, among the ones given. */
export async function knownKeys(db: Db, organisationId: string, kind: string, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const some: string[] = await db('import_keys').where({ organisation_id: organisationId, kind }).whereIn('source_key', keys.slice(i, i + 500)).pluck('source_key');
    for (const k of some) found.add(k);
  }
  return found;
}

export async function saveKeys(db: Db, rows: Array<{ organisation_id: string; kind: string; source_key: string; record_id: string; import_id: string; created_at: string }>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db('import_keys').insert(rows.slice(i, i + 500));
}

export function present(r: Row) {
  return {
    id: r.id, kind: r.kind, format: r.format, mappingId: r.mapping_id ?? null, filename: r.filename ?? null, status: r.status,
    rows: Number(r.total_rows), checked: Number(r.checked_rows), skipped: Number(r.skipped_rows), errorCount: Number(r.error_count),
    errors: JSON.parse(r.errors), committed: r.committed_rows === null || r.committed_rows === undefined ? null : Number(r.committed_rows),
    createdAt: r.created_at, committedAt: r.committed_at ?? null,
  };
}
