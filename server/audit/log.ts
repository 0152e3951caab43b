// The append-only audit log: who did what to which record, when. Details never hold personal
// values in clear text; callers pass ids and field names, or already-encrypted values.
import type { Db } from '../db/knex';
import { nowIso } from '../auth/session';

export type AuditEntry = {
  actorId?: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
};

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db('audit_log').insert({
    at: nowIso(),
    actor_id: entry.actorId ?? null,
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  });
}
