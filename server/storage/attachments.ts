// The files attached to records, as listed beside a record (never their content). File names are
// personal data; the redaction functions of each record kind drop files altogether.
import type { Db } from '../db/knex';
import { decrypt, Keyring } from '../crypto/fields';

export type FileEntity = 'outcome' | 'story' | 'fragment';
export type FileInfo = { id: string; name: string | null; title: string | null; kind: string; contentType: string; size: number; createdAt: string };

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const fileInfo = (ring: Keyring, r: Row): FileInfo => ({
  id: r.id, name: r.name_enc ? decrypt(ring, r.name_enc) : null, title: r.title ?? null, kind: r.kind,
  contentType: r.content_type, size: Number(r.size), createdAt: r.created_at,
});

export async function filesOf(db: Db, ring: Keyring, entityType: FileEntity, ids: string[]): Promise<Map<string, FileInfo[]>> {
  const out = new Map<string, FileInfo[]>();
  if (!ids.length) return out;
  const rows = await db('files').where({ entity_type: entityType }).whereIn('entity_id', ids).orderBy('created_at');
  for (const r of rows) out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), fileInfo(ring, r)]);
  return out;
}
