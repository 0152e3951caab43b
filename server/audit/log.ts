// The append-only audit log: who did what to which record, when. Details never hold personal
// values in clear text; callers pass ids and field names, or already-encrypted values.
import type { Db } from '../db/knex';
import { nowIso } from '../core/clock';

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

export type PersonalAccess = {
  actorId: string;
  entityType: string;
  /** one record … */
  entityId?: string;
  /** … or how many records a list or an export carried (with their ids when there are few) */
  count?: number;
  ids?: string[];
  /** personal.view (a record or list read in full), personal.export (a file made), or another personal.* */
  action?: `personal.${string}`;
};

/**
 * Records that someone outside a record's organisation received its personal data in full: who,
 * which kind, which record (or how many), never the values themselves.
 */
export async function auditPersonalAccess(db: Db, a: PersonalAccess): Promise<void> {
  const ids = a.ids && a.ids.length <= 200 ? a.ids : undefined;
  await audit(db, {
    actorId: a.actorId, action: a.action ?? 'personal.view', entityType: a.entityType, entityId: a.entityId,
    details: { count: a.count ?? (a.entityId ? 1 : ids?.length ?? 0), ...(ids && { ids }) },
  });
}
