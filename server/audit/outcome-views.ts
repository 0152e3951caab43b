// Who read the personal data of outcomes from outside the organisation that recorded them
// (evaluators of its programmes, admins): one audit entry per record read, or one per list page.
// Whether an outcome shown carries personal data is decided by its own redaction function: a
// field whose redacted value differs from the value shown holds some.
import type { Ctx } from '../http/types';
import { PERSONAL_FIELDS, redactField } from '../outcomes/representation';
import { auditPersonalAccess } from './log';

type Shown = { id: string; organisation: { id: string }; redacted?: boolean; translations?: Array<{ translatedBy?: string | null }> };

export function carriesPersonalData(o: Shown): boolean {
  if (o.redacted) return false;
  if (o.translations?.some((t) => t.translatedBy)) return true;
  const fields = o as unknown as Record<string, unknown>;
  return PERSONAL_FIELDS.some((f) => JSON.stringify(redactField(f, fields[f]) ?? null) !== JSON.stringify(fields[f] ?? null));
}

/** Call with what is about to be sent; `single` for one record, else a list page. */
export async function auditOutcomeViews(ctx: Ctx, shown: Shown[], single = false): Promise<void> {
  const read = shown.filter((o) => o.organisation.id !== ctx.user.organisationId && carriesPersonalData(o));
  if (!read.length) return;
  await auditPersonalAccess(ctx.db, single
    ? { actorId: ctx.user.id, entityType: 'outcome', entityId: read[0].id }
    : { actorId: ctx.user.id, entityType: 'outcome', count: read.length, ids: read.map((o) => o.id) });
}

/** Revisions read in full from outside the organisation, when a change touched a personal field. */
export async function auditRevisionViews(ctx: Ctx, o: Shown, items: Array<{ changes: Array<{ field: string }> }>): Promise<void> {
  if (o.organisation.id === ctx.user.organisationId) return;
  const personal = new Set<string>(PERSONAL_FIELDS);
  if (!items.some((r) => r.changes.some((c) => personal.has(c.field)))) return;
  await auditPersonalAccess(ctx.db, { actorId: ctx.user.id, entityType: 'outcome', entityId: o.id });
}
