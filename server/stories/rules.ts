// Checks of a story that need the database or reference data: known goal codes with exactly one
// primary, a real country, the harvest and its domain of change, a name only under named consent.
// Each failure is a 422 naming the field (the shared checks are in server/outcomes/rules.ts).
import type { Db } from '../db/knex';
import { Problem, ProblemPath } from '../http/problem';
import { checkCountry, checkGoals, checkHarvest } from '../domain/checks';
import { isKnownDomain } from '../change-domains/service';
import type { StoryDraft } from './representation';

/** The rules of the domain for what the story has; what a draft lacks yet is the completeness rule's (records/completeness). */
export async function checkStory(db: Db, s: StoryDraft, organisationId: string): Promise<void> {
  const errors: ProblemPath[] = [];
  await checkGoals(db, s.goals ?? [], errors);
  if (s.location?.country) checkCountry(s.location.country, '/location/country', errors);
  await checkHarvest(db, s.harvestId, organisationId, errors);
  if (s.domain && !(await isKnownDomain(db, s.domain, s.harvestId, organisationId))) {
    errors.push({ path: '/domain', message: `${s.domain} is not a domain of change of the harvest` });
  }
  if (s.storyteller?.name && s.consent?.level !== 'named') {
    errors.push({ path: '/storyteller/name', message: 'a storyteller is named only under named consent' });
  }
  if (s.collectedOn && s.collectedOn > new Date().toISOString().slice(0, 10)) errors.push({ path: '/collectedOn', message: 'is in the future' });
  if (errors.length) throw new Problem('unprocessable', 'The story breaks a rule of the domain', errors);
}
