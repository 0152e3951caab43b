// Revisions: every change to a record, field by field, with who and when. Values of fields that
// carry personal data are stored encrypted; readers get them decrypted or redacted.
import type { Db } from '../db/knex';
import { decryptJson, encryptJson, Keyring } from '../crypto/fields';
import { nowIso } from '../core/clock';
import { decrypt } from '../crypto/fields';

export type Change = { field: string; old: unknown; new: unknown };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose value differs between two versions of a record. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): Change[] {
  return fields.filter((f) => !same(before[f], after[f])).map((f) => ({ field: f, old: before[f] ?? null, new: after[f] ?? null }));
}

export async function recordRevision(
  db: Db, ring: Keyring, r: { entityType: string; entityId: string; actorId: string; action: string; changes: Change[]; personal: readonly string[] },
): Promise<void> {
  const stored = r.changes.map((c) => (r.personal.includes(c.field)
    ? { field: c.field, old: { enc: encryptJson(ring, c.old) }, new: { enc: encryptJson(ring, c.new) } }
    : c));
  await db('revisions').insert({
    entity_type: r.entityType, entity_id: r.entityId, at: nowIso(), actor_id: r.actorId, action: r.action, changes: JSON.stringify(stored),
  });
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
  const open = (v: unknown) => (v && typeof v === 'object' && 'enc' in v ? decryptJson((ring), (v as { enc: string | null }).enc) ?? null : v);
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
  for (const row of rows) {
    const changes = JSON.parse(row.changes) as Change[];
    if (!changes.some((c) => c.field === r.field)) continue;
    const redo = (v: unknown) => (v && typeof v === 'object' && 'enc' in v
      ? { enc: encryptJson(ring, r.rewrite(decryptJson(ring, (v as { enc: string | null }).enc) ?? null)) }
      : r.rewrite(v));
    const next = changes.map((c) => (c.field === r.field ? { field: c.field, old: redo(c.old), new: redo(c.new) } : c));
    await db('revisions').where({ id: row.id }).update({ changes: JSON.stringify(next) });
  }
}
