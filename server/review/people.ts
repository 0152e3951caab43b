// The people of a review: who acted (staff names are personal data — those who see the record in
// full get id, name and role, everyone else only the role, through redactActor) and who is told
// about what happened (the organisation's partners, the programme's evaluators).
import type { Db } from '../db/knex';
import { decrypt, Keyring } from '../crypto/fields';

export type Actor = { id?: string; name?: string | null; role: string | null };

export async function actorsOf(db: Db, ring: Keyring, ids: Array<string | null>): Promise<Map<string, Actor>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const out = new Map<string, Actor>();
  if (!wanted.length) return out;
  for (const u of await db('users').whereIn('id', wanted).select('id', 'name_enc', 'role')) {
    out.set(u.id, { id: u.id, name: decrypt(ring, u.name_enc), role: u.role });
  }
  return out;
}

/** The one redaction of a person in the review trail: the role, never who. */
export const redactActor = (a: Actor | undefined): Actor => ({ role: a?.role ?? null });

export function actorFor(full: boolean, a: Actor | undefined): Actor {
  if (!full) return redactActor(a);
  return a ?? { id: undefined, name: null, role: null };
}

/** Active partner accounts of an organisation. */
export async function partnersOf(db: Db, organisationId: string): Promise<string[]> {
  return db('users').where({ organisation_id: organisationId, role: 'partner' }).whereNull('disabled_at').pluck('id');
}

/** Active evaluators assigned to a programme the organisation is a partner in. */
export async function evaluatorsOf(db: Db, organisationId: string): Promise<string[]> {
  return db('users as u').join('programme_members as pm', 'pm.user_id', 'u.id')
    .join('programme_partners as pp', 'pp.programme_id', 'pm.programme_id')
    .where({ 'pp.organisation_id': organisationId, 'u.role': 'evaluator' }).whereNull('u.disabled_at')
    .distinct('u.id').pluck('u.id');
}
