// Checks of an outcome that need the database or reference data: known goal codes, exactly one
// primary goal, a date matching its precision, a real country, typology codes, the harvest.
// Each failure is a 422 naming the field, with a stable code. checkGoals, checkHarvest and
// checkCountry serve stories and fragments too.
import countries from 'i18n-iso-countries';
import type { Db } from '../db/knex';
import { Problem, ProblemPath } from '../http/problem';
import { periodOf } from '../domain/dates';
import type { OutcomeInput } from './representation';

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

export async function checkOutcome(db: Db, o: OutcomeInput, organisationId: string): Promise<void> {
  const errors: ProblemPath[] = [];
  await checkGoals(db, o.goals, errors);
  if (!periodOf(o.occurredOn.date, o.occurredOn.precision)) {
    errors.push({ path: '/occurredOn/date', message: `is not a valid date of precision ${o.occurredOn.precision}`, code: 'bad_date' });
  }
  checkCountry(o.location.country, '/location/country', errors);
  const cats = await db('typology_categories').whereIn('code', [o.changeType, o.quadrant]).select('code', 'typology_id');
  const typologyOf = (code: string) => cats.find((c) => c.code === code)?.typology_id;
  if (typologyOf(o.changeType) !== 'outcome-harvesting-types') errors.push({ path: '/changeType', message: `unknown change type ${o.changeType}`, code: 'unknown_change_type' });
  if (typologyOf(o.quadrant) !== 'gender-at-work') errors.push({ path: '/quadrant', message: `unknown Gender at Work quadrant ${o.quadrant}`, code: 'unknown_quadrant' });
  await checkHarvest(db, o.harvestId, organisationId, errors);
  if (errors.length) throw new Problem('unprocessable', 'The outcome breaks a rule of the domain', errors);
}
