// The people of a review: who acted (staff names are personal data — those who see the record in
// full get id, name and role, everyone else only the role, through redactActor).
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
