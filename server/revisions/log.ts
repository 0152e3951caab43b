// Revisions: every change to a record, field by field, with who and when. Values of fields that
// carry personal data are stored encrypted; readers get them decrypted or redacted. The values of
// a story's or a fragment's revisions are all sealed under the record's own key
// (server/crypto/record-keys.ts), so that withdrawing consent leaves none readable on the disk.
import type { Db } from '../db/knex';
import { decryptJson, encryptJson, Keyring } from '../crypto/fields';
import { nowIso } from '../core/clock';
import { decrypt } from '../crypto/fields';
import { recordKey, recordKeys, seal, unseal, type SealedKind } from '../crypto/record-keys';

const SEALED = new Set<string>(['story', 'fragment']);
const keyOf = async (db: Db, ring: Keyring, type: string, id: string) => (SEALED.has(type) ? recordKey(db, ring, type as SealedKind, id) : undefined);
const sealValue = (key: Buffer, v: unknown) => ({ sealed: seal(key, JSON.stringify(v ?? null)) });
const isSealedValue = (v: unknown): v is { sealed: string } => !!v && typeof v === 'object' && 'sealed' in v;

export type Change = { field: string; old: unknown; new: unknown };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose value differs between two versions of a record. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): Change[] {
  return fields.filter((f) => !same(before[f], after[f])).map((f) => ({ field: f, old: before[f] ?? null, new: after[f] ?? null }));
}

export async function recordRevision(
  db: Db, ring: Keyring, r: { entityType: string; entityId: string; actorId: string; action: string; changes: Change[]; personal: readonly string[] },
): Promise<void> {
  const key = await keyOf(db, ring, r.entityType, r.entityId);
  const stored = r.changes.map((c) => (key ? { field: c.field, old: sealValue(key, c.old), new: sealValue(key, c.new) }
    : r.personal.includes(c.field) ? { field: c.field, old: { enc: encryptJson(ring, c.old) }, new: { enc: encryptJson(ring, c.new) } }
      : c));
  await db('revisions').insert({
    entity_type: r.entityType, entity_id: r.entityId, at: nowIso(), actor_id: r.actorId, action: r.action, changes: JSON.stringify(stored),
  });
}

/**
 * Seals, in place, the values of a story's or fragment's revisions written before sealing began
 * (server/consent/seal.ts): each value, decrypted where it was encrypted, sealed under the record's key.
 */
export async function sealRevisions(db: Db, ring: Keyring, entityType: SealedKind, entityId: string): Promise<void> {
  const key = await recordKey(db, ring, entityType, entityId);
  const plain = (v: unknown) => (v && typeof v === 'object' && 'enc' in v ? decryptJson(ring, (v as { enc: string | null }).enc) ?? null : v);
  for (const row of await db('revisions').where({ entity_type: entityType, entity_id: entityId }).select('id', 'changes')) {
    const changes = JSON.parse(row.changes) as Change[];
    if (changes.every((c) => isSealedValue(c.old) && isSealedValue(c.new))) continue;
    const next = changes.map((c) => ({
      field: c.field, old: isSealedValue(c.old) ? c.old : sealValue(key, plain(c.old)), new: isSealedValue(c.new) ? c.new : sealValue(key, plain(c.new)),
    }));
    await db('revisions').where({ id: row.id }).update({ changes: JSON.stringify(next) });
  }
}

type Redact = (field: string, value: unknown) => unknown;

/** Edits that change what a published record says; other actions (evidence links, files, consent) are the record's making. */
const CORRECTIONS = ['update', 'translate'];

/**
 * What outsiders (donors, other organisations) learn of a record's revisions: that it was
 * corrected after it was first published, when, and by which role — no values, no fields, no ids
 * (DESIGN.md, "What outsiders see and count"). Before publication a record is being made: a
 * name an evaluator removed for safety stays in the insiders' revisions only.
 */
export async function correctionsOf(db: Db, entityType: string, entityId: string) {
  const first = await db('transitions').where({ entity_type: entityType, entity_id: entityId, to_status: 'published' }).min({ at: 'at' }).first();
  if (!first?.at) return [];
  const rows = await db('revisions as r').leftJoin('users as u', 'u.id', 'r.actor_id')
    .where({ 'r.entity_type': entityType, 'r.entity_id': entityId }).where('r.at', '>', first.at).whereIn('r.action', CORRECTIONS)
    .orderBy('r.id').select('r.id', 'r.at', 'u.role');
  return rows.map((r) => ({ id: Number(r.id), at: r.at, action: 'correct', actor: { role: r.role ?? null }, changes: [] }));
}

export async function revisionsOf(db: Db, ring: Keyring, entityType: string, entityId: string, redact?: Redact) {
  const rows = await db('revisions as r').leftJoin('users as u', 'u.id', 'r.actor_id')
    .where({ 'r.entity_type': entityType, 'r.entity_id': entityId }).orderBy('r.id')
    .select('r.id', 'r.at', 'r.action', 'r.changes', 'r.actor_id', 'u.name_enc', 'u.role');
  const key = SEALED.has(entityType) ? (await recordKeys(db, ring, entityType as SealedKind, [entityId])).get(entityId) : undefined;
  const open = (v: unknown) => (isSealedValue(v) ? JSON.parse(unseal(key, v.sealed))
    : v && typeof v === 'object' && 'enc' in v ? decryptJson((ring), (v as { enc: string | null }).enc) ?? null : v);
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    action: r.action,
    // who edited is personal data of staff: shown by role only in the redacted view
    actor: redact ? { role: r.role ?? null } : { id: r.actor_id, name: r.name_enc ? decrypt(ring, r.name_enc) : null, role: r.role ?? null },
    changes: (JSON.parse(r.changes) as Change[]).map((c) => {
      const old = open(c.old);
      const now = open(c.new);
      return { field: c.field, old: redact ? redact(c.field, old) : old, new: redact ? redact(c.field, now) : now };
    }),
  }));
}

/**
 * Rewrites one field in every revision of a record, in place: a narrower consent takes a value
 * (the storyteller's name) out of the earlier versions too, not only out of the record. Values of
 * personal fields stay encrypted; the revision keeps who, when and which field changed.
 */
export async function rewriteField(
  db: Db, ring: Keyring, r: { entityType: string; entityId: string; field: string; rewrite: (value: unknown) => unknown },
): Promise<void> {
  const rows = await db('revisions').where({ entity_type: r.entityType, entity_id: r.entityId }).select('id', 'changes');
  const key = await keyOf(db, ring, r.entityType, r.entityId);
  for (const row of rows) {
    const changes = JSON.parse(row.changes) as Change[];
    if (!changes.some((c) => c.field === r.field)) continue;
    const redo = (v: unknown) => (isSealedValue(v) && key ? sealValue(key, r.rewrite(JSON.parse(unseal(key, v.sealed))))
      : v && typeof v === 'object' && 'enc' in v ? { enc: encryptJson(ring, r.rewrite(decryptJson(ring, (v as { enc: string | null }).enc) ?? null)) }
        : r.rewrite(v));
    const next = changes.map((c) => (c.field === r.field ? { field: c.field, old: redo(c.old), new: redo(c.new) } : c));
    await db('revisions').where({ id: row.id }).update({ changes: JSON.stringify(next) });
  }
}
