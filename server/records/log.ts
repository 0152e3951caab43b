// What every record kind keeps of its making: the first transition (none → draft) and the audit
// entry of its creation; the revision of an edit (personal values sealed, server/revisions/) and
// its audit entry naming the fields.
import type { Ctx } from '../http/types';
import { audit } from '../audit/log';
import { recordRevision, type Change } from '../revisions/log';

/** A new draft of this kind: its first transition and its audit entry. */
export async function logCreated(ctx: Ctx, entityType: string, id: string, at: string): Promise<void> {
  await ctx.db('transitions').insert({ entity_type: entityType, entity_id: id, from_status: null, to_status: 'draft', actor_id: ctx.user.id, at });
  await audit(ctx.db, { actorId: ctx.user.id, action: `${entityType}.create`, entityType, entityId: id });
}

/** An edit: its revision (the kind's personal fields sealed) and its audit entry. */
export async function logUpdated(ctx: Ctx, entityType: string, id: string, changes: Change[], personal: readonly string[]): Promise<void> {
  await recordRevision(ctx.db, ctx.app.keyring, { entityType, entityId: id, actorId: ctx.user.id, action: 'update', changes, personal });
  await audit(ctx.db, { actorId: ctx.user.id, action: `${entityType}.update`, entityType, entityId: id, details: { fields: changes.map((c) => c.field) } });
}
