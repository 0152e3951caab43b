// Who is told about what happens to an organisation's records: its partners, and the evaluators
// of the programmes it belongs to.
import type { Db } from '../db/knex';

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
