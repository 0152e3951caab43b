// Checks every record kind makes against the database or reference data: known goal codes with
// exactly one primary, the harvest of one of the organisation's programmes, a real country. Each
// failure is pushed as a 422 entry naming the field, with a stable code.
import countries from 'i18n-iso-countries';
import type { Db } from '../db/knex';
import type { ProblemPath } from '../http/problem';

export const isCountry = (code: string) => countries.isValid(code) && countries.toAlpha2(code) === code;

/**
 * Known goal codes, none twice, exactly one primary (outcomes, stories, fragments). Each failure
 * carries a code as well as its words (unknown_goal, duplicate_goal, primary_goal), as every check
 * here does, so that the client and the import report word it in the reader's language.
 */
export async function checkGoals(db: Db, goals: Array<{ code: string; primary?: boolean }>, errors: ProblemPath[]): Promise<void> {
  if (!goals.length) return;
  const codes = goals.map((g) => g.code);
  const known = new Set<string>(await db('goals').whereIn('code', codes).pluck('code'));
  goals.forEach((g, i) => {
    if (!known.has(g.code)) errors.push({ path: `/goals/${i}/code`, message: `unknown goal code ${g.code}`, code: 'unknown_goal' });
    if (codes.indexOf(g.code) !== i) errors.push({ path: `/goals/${i}/code`, message: `goal ${g.code} is tagged twice`, code: 'duplicate_goal' });
  });
  const primaries = goals.filter((g) => g.primary).length;
  if (primaries !== 1) errors.push({ path: '/goals', message: `exactly one goal must be primary (found ${primaries})`, code: 'primary_goal' });
}

/** The harvest must belong to a programme of the organisation. */
export async function checkHarvest(db: Db, harvestId: string | null | undefined, organisationId: string, errors: ProblemPath[]): Promise<void> {
  if (!harvestId) return;
  const harvest = await db('harvests as h').join('programme_partners as pp', 'pp.programme_id', 'h.programme_id')
    .where({ 'h.id': harvestId, 'pp.organisation_id': organisationId }).first('h.id');
  if (!harvest) errors.push({ path: '/harvestId', message: "no such harvest in the organisation's programmes", code: 'unknown_harvest' });
}

/** A real ISO 3166-1 alpha-2 country at `path`. */
export function checkCountry(country: string, path: string, errors: ProblemPath[]): void {
  if (!isCountry(country)) errors.push({ path, message: `${country} is not an ISO 3166-1 country`, code: 'unknown_country' });
}
