// Checks of a story that need the database or reference data: known goal codes with exactly one
// primary, a real country, the harvest and its domain of change, a name only under named consent.
// Each failure is a 422 naming the field. checkGoals serves fragments too.
import type { Db } from '../db/knex';
import { Problem, ProblemPath } from '../http/problem';
import { isCountry } from '../outcomes/rules';
import { isKnownDomain } from '../domains/service';
import type { StoryInput } from './representation';

export async function checkGoals(db: Db, goals: Array<{ code: string; primary?: boolean }>, errors: ProblemPath[]): Promise<void> {
  if (!goals.length) return;
  const codes = goals.map((g) => g.code);
  const known = new Set<string>(await db('goals').whereIn('code', codes).pluck('code'));
  goals.forEach((g, i) => {
    if (!known.has(g.code)) errors.push({ path: `/goals/${i}/code`, message: `unknown goal code ${g.code}` });
    if (codes.indexOf(g.code) !== i) errors.push({ path: `/goals/${i}/code`, message: `goal ${g.code} is tagged twice` });
  });
  const primaries = goals.filter((g) => g.primary).length;
  if (primaries !== 1) errors.push({ path: '/goals', message: `exactly one goal must be primary (found ${primaries})` });
}

/** The harvest must belong to a programme of the organisation. */
export async function checkHarvest(db: Db, harvestId: string | null | undefined, organisationId: string, errors: ProblemPath[]): Promise<void> {
  if (!harvestId) return;
  const harvest = await db('harvests as h').join('programme_partners as pp', 'pp.programme_id', 'h.programme_id')
    .where({ 'h.id': harvestId, 'pp.organisation_id': organisationId }).first('h.id');
  if (!harvest) errors.push({ path: '/harvestId', message: "no such harvest in the organisation's programmes" });
}

export async function checkStory(db: Db, s: StoryInput, organisationId: string): Promise<void> {
  const errors: ProblemPath[] = [];
  await checkGoals(db, s.goals, errors);
  if (!isCountry(s.location.country)) errors.push({ path: '/location/country', message: `${s.location.country} is not an ISO 3166-1 country` });
  await checkHarvest(db, s.harvestId, organisationId, errors);
  if (!(await isKnownDomain(db, s.domain, s.harvestId, organisationId))) {
    errors.push({ path: '/domain', message: `${s.domain} is not a domain of change of the harvest` });
  }
  if (s.storyteller.name && s.consent?.level !== 'named') {
    errors.push({ path: '/storyteller/name', message: 'a storyteller is named only under named consent' });
  }
  if (s.collectedOn > new Date().toISOString().slice(0, 10)) errors.push({ path: '/collectedOn', message: 'is in the future' });
  if (errors.length) throw new Problem('unprocessable', 'The story breaks a rule of the domain', errors);
}
