// Checks of an outcome that need the database or reference data: known goal codes, exactly one
// primary goal, a date matching its precision, a real country, typology codes, the harvest.
// Each failure is a 422 naming the field, with a stable code. The checks all kinds share are in
// server/domain/checks.ts.
import type { Db } from '../db/knex';
import { Problem, ProblemPath } from '../http/problem';
import { periodOf } from '../domain/dates';
import { checkCountry, checkGoals, checkHarvest } from '../domain/checks';
import type { DraftInput } from './representation';

/** The rules of the domain for what the outcome has; what a draft lacks yet is the completeness rule's (records/completeness). */
export async function checkOutcome(db: Db, o: DraftInput, organisationId: string): Promise<void> {
  const errors: ProblemPath[] = [];
  await checkGoals(db, o.goals ?? [], errors);
  if (o.occurredOn && !periodOf(o.occurredOn.date, o.occurredOn.precision)) {
    errors.push({ path: '/occurredOn/date', message: `is not a valid date of precision ${o.occurredOn.precision}`, code: 'bad_date' });
  }
  if (o.location?.country) checkCountry(o.location.country, '/location/country', errors);
  const asked = [o.changeType, o.quadrant].filter((c): c is string => !!c);
  const cats = asked.length ? await db('typology_categories').whereIn('code', asked).select('code', 'typology_id') : [];
  const typologyOf = (code: string) => cats.find((c) => c.code === code)?.typology_id;
  if (o.changeType && typologyOf(o.changeType) !== 'outcome-harvesting-types') errors.push({ path: '/changeType', message: `unknown change type ${o.changeType}`, code: 'unknown_change_type' });
  if (o.quadrant && typologyOf(o.quadrant) !== 'gender-at-work') errors.push({ path: '/quadrant', message: `unknown Gender at Work quadrant ${o.quadrant}`, code: 'unknown_quadrant' });
  await checkHarvest(db, o.harvestId, organisationId, errors);
  if (errors.length) throw new Problem('unprocessable', 'The outcome breaks a rule of the domain', errors);
}
