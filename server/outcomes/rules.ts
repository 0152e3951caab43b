// Checks of an outcome that need the database or reference data: known goal codes, exactly one
// primary goal, a date matching its precision, a real country, typology codes, the harvest.
// Each failure is a 422 naming the field, with a stable code. The checks all kinds share are in
// server/domain/checks.ts.
import type { Db } from '../db/knex';
import { Problem, ProblemPath } from '../http/problem';
import { periodOf } from '../domain/dates';
import { checkCountry, checkGoals, checkHarvest } from '../domain/checks';
import type { OutcomeInput } from './representation';

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
