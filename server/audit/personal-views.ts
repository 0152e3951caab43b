// Who read personal data from outside the organisation that recorded it (evaluators of its
// programmes, admins): one audit entry per record read, or one per list page, for every record
// kind that holds personal data; and revisions read in full whose changes touched a personal field. Whether a record shown carries some is decided by the kind's own
// redaction function: a field whose redacted value differs from the value shown holds some.
import type { Ctx } from '../http/types';
import { auditPersonalAccess } from './log';
import type { ReaderCtx } from '../domain/readers';

export type Shown = { id: string; organisation: { id: string }; redacted?: boolean; translations?: Array<{ translatedBy?: string | null }>; files?: unknown[] };
export type PersonalKind = { entityType: string; fields: readonly string[]; redactField: (field: string, value: unknown) => unknown };

export function carriesPersonalData(kind: PersonalKind, r: Shown): boolean {
  if (r.redacted) return false;
  if (r.translations?.some((t) => t.translatedBy)) return true;
  if (r.files?.length) return true; // files are personal data (their names and contents may name people)
  const fields = r as unknown as Record<string, unknown>;
  return kind.fields.some((f) => JSON.stringify(kind.redactField(f, fields[f]) ?? null) !== JSON.stringify(fields[f] ?? null));
}

/** Call with what is about to be sent; `single` for one record, else a list page. */
export async function auditViews(ctx: ReaderCtx, kind: PersonalKind, shown: Shown[], single = false): Promise<void> {
  const user = ctx.user;
  if ('view' in user) return; // a published view receives no personal data, and no one to name
  const read = shown.filter((r) => r.organisation.id !== user.organisationId && carriesPersonalData(kind, r));
  if (!read.length) return;
  await auditPersonalAccess(ctx.db, single
    ? { actorId: user.id, entityType: kind.entityType, entityId: read[0].id }
    : { actorId: user.id, entityType: kind.entityType, count: read.length, ids: read.map((r) => r.id) });
}

/** Revisions read in full from outside the organisation, when a change touched one of the kind's personal fields. */
export async function auditRevisionViews(ctx: Ctx, kind: PersonalKind, r: Shown, items: Array<{ changes: Array<{ field: string }> }>): Promise<void> {
  if (r.organisation.id === ctx.user.organisationId) return;
  const personal = new Set<string>(kind.fields);
  if (!items.some((x) => x.changes.some((c) => personal.has(c.field)))) return;
  await auditPersonalAccess(ctx.db, { actorId: ctx.user.id, entityType: kind.entityType, entityId: r.id });
}
