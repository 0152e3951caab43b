// Checks of an outcome that need the database or reference data: known goal codes, exactly one
// primary goal, a date matching its precision, a real country, typology codes, the harvest.
// Each failure is a 422 naming the field.
import countries from 'i18n-iso-countries';
import type { Db } from '../db/knex';
import { Problem, ProblemPath } from '../http/problem';
import { periodOf } from '../domain/dates';
import type { OutcomeInput } from './representation';

export const isCountry = (code: string) => countries.isValid(code) && countries.toAlpha2(code) === code;

export async function checkOutcome(db: Db, o: OutcomeInput, organisationId: string): Promise<void> {
  const errors: ProblemPath[] = [];
  const codes = o.goals.map((g) => g.code);
  const known = new Set<string>(await db('goals').whereIn('code', codes).pluck('code'));
  o.goals.forEach((g, i) => {
    if (!known.has(g.code)) errors.push({ path: `/goals/${i}/code`, message: `unknown goal code ${g.code}` });
    if (codes.indexOf(g.code) !== i) errors.push({ path: `/goals/${i}/code`, message: `goal ${g.code} is tagged twice` });
  });
  const primaries = o.goals.filter((g) => g.primary).length;
  if (primaries !== 1) errors.push({ path: '/goals', message: `exactly one goal must be primary (found ${primaries})` });
  if (!periodOf(o.occurredOn.date, o.occurredOn.precision)) {
    errors.push({ path: '/occurredOn/date', message: `is not a valid date of precision ${o.occurredOn.precision}` });
  }
  if (!isCountry(o.location.country)) errors.push({ path: '/location/country', message: `${o.location.country} is not an ISO 3166-1 country` });
  const cats = await db('typology_categories').whereIn('code', [o.changeType, o.quadrant]).select('code', 'typology_id');
  const typologyOf = (code: string) => cats.find((c) => c.code === code)?.typology_id;
  if (typologyOf(o.changeType) !== 'outcome-harvesting-types') errors.push({ path: '/changeType', message: `unknown change type ${o.changeType}` });
  if (typologyOf(o.quadrant) !== 'gender-at-work') errors.push({ path: '/quadrant', message: `unknown Gender at Work quadrant ${o.quadrant}` });
  if (o.harvestId) {
    const harvest = await db('harvests as h').join('programme_partners as pp', 'pp.programme_id', 'h.programme_id')
      .where({ 'h.id': o.harvestId, 'pp.organisation_id': organisationId }).first('h.id');
    if (!harvest) errors.push({ path: '/harvestId', message: "no such harvest in the organisation's programmes" });
  }
  if (errors.length) throw new Problem('unprocessable', 'The outcome breaks a rule of the domain', errors);
}
