// Consent withdrawal: erase a story or a fragment everywhere — the row (with its goals, themes,
// translations, evidence links and selection candidacies), its files on disk, the values in its
// revisions, the details of its audit entries and the comments on its transitions — and leave a
// tombstone (which record, when, why). Its key goes too, so what the database engine keeps of its
// sealed text cannot be opened any more (server/crypto/record-keys.ts). Erasing is idempotent, so a restore of an older backup can
// re-apply every tombstone (applyTombstones) and nothing withdrawn comes back. What reaches the
// disk: after the commit the caller runs truncateWal (server/db/wipe.ts), so on SQLite no copy of
// the text stays in the WAL either.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/knex';
import { isPostgres } from '../db/knex';
import { nowIso } from '../core/clock';
import { removeStoredFile } from '../storage/storage';
import { refreshEvidenceCount } from '../outcomes/repository';
import { destroyRecordKey } from '../crypto/record-keys';

export type ErasableKind = 'story' | 'fragment';
export type Tombstone = { id: string; entityType: ErasableKind; entityId: string; withdrawnAt: string; reason: string | null };

const TABLE: Record<ErasableKind, string> = { story: 'stories', fragment: 'fragments' };

async function eraseHistory(db: Db, kind: ErasableKind, id: string): Promise<void> {
  // revisions keep who and when and which fields, never the values any more
  const revisions = await db('revisions').where({ entity_type: kind, entity_id: id }).select('id', 'changes');
  for (const r of revisions) {
    const fields = (JSON.parse(r.changes) as Array<{ field: string }>).map((c) => ({ field: c.field, old: null, new: null, erased: true }));
    await db('revisions').where({ id: r.id }).update({ changes: JSON.stringify(fields), action: 'erased' });
  }
  await db('audit_log').where({ entity_type: kind, entity_id: id }).update({ details: null });
  await db('transitions').where({ entity_type: kind, entity_id: id }).update({ comment: null });
}

async function eraseFiles(db: Db, dataDir: string, kind: ErasableKind, id: string): Promise<void> {
  const files: string[] = await db('files').where({ entity_type: kind, entity_id: id }).pluck('id');
  await db('files').where({ entity_type: kind, entity_id: id }).del();
  // removed at once rather than after commit: should the transaction fail, too much is erased, never too little
  for (const f of files) await removeStoredFile(dataDir, f);
}

/** Erases one record and everything that holds its text or personal data. Safe to repeat. */
export async function eraseRecord(db: Db, dataDir: string, kind: ErasableKind, id: string): Promise<void> {
  const sqlite = !isPostgres(db);
  await eraseFiles(db, dataDir, kind, id);
  await eraseHistory(db, kind, id);
  // the panel's reasons and dissent speak of the story they chose: they go with it (the round says "withdrawn")
  if (kind === 'story') await db('selection_rounds').where({ selected_story_id: id }).update({ selected_story_id: null, reasons: '', dissent: null });
  const linkedTo: string[] = await db('evidence_links').where({ [`${kind}_id`]: id }).distinct().pluck('outcome_id');
  await db(TABLE[kind]).where({ id }).del(); // goals, themes, translations, links and candidacies go by cascade
  // the record's key goes: every sealed copy of its text the database still keeps (a dead tuple on
  // PostgreSQL, a WAL segment, a backup's pages) can no longer be opened (server/crypto/record-keys.ts)
  await destroyRecordKey(db, kind, id);
  await refreshEvidenceCount(db, linkedTo); // the outcomes it was evidence for count one link fewer
  // merge the full-text index so that the withdrawn words leave its segments too (with FTS5's
  // secure-delete on, migration 009, the delete itself already removed them from the segments).
  // Deleted pages are zeroed (secure_delete, set at connection open); the WAL is cut after the
  // commit (server/db/wipe.ts), which the caller runs.
  if (sqlite) await db.raw(`INSERT INTO ${TABLE[kind]}_fts(${TABLE[kind]}_fts) VALUES ('optimize')`);
}

export async function withdraw(db: Db, dataDir: string, kind: ErasableKind, id: string, reason?: string | null): Promise<Tombstone> {
  await eraseRecord(db, dataDir, kind, id);
  const tombstone: Tombstone = { id: randomUUID(), entityType: kind, entityId: id, withdrawnAt: nowIso(), reason: reason ?? null };
  await db('tombstones').insert({ id: tombstone.id, entity_type: kind, entity_id: id, withdrawn_at: tombstone.withdrawnAt, reason: tombstone.reason })
    .onConflict(['entity_type', 'entity_id']).ignore();
  return tombstone;
}

export async function listTombstones(db: Db): Promise<Tombstone[]> {
  const rows = await db('tombstones').orderBy('withdrawn_at');
  return rows.map((r) => ({ id: r.id, entityType: r.entity_type, entityId: r.entity_id, withdrawnAt: r.withdrawn_at, reason: r.reason ?? null }));
}

/**
 * After restoring a backup: re-applies the tombstones of the live database (read before the
 * restore and passed in) and those the backup holds itself, so every withdrawn record stays erased.
 */
export async function applyTombstones(db: Db, dataDir: string, carried: Tombstone[] = []): Promise<number> {
  for (const t of carried) {
    await db('tombstones').insert({ id: t.id, entity_type: t.entityType, entity_id: t.entityId, withdrawn_at: t.withdrawnAt, reason: t.reason })
      .onConflict(['entity_type', 'entity_id']).ignore();
  }
  const all = await listTombstones(db);
  for (const t of all) await eraseRecord(db, dataDir, t.entityType, t.entityId);
  return all.length;
}
