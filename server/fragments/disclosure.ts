// What the check before publishing (domain/disclosure.ts) reads in a research fragment: the
// excerpt and where it sits in its source, against the speaker's place and who recorded the
// speaker's consent.
import type { Ctx } from '../http/types';
import { Finding, notPublic, PersonalValue, personalValuesIn } from '../domain/disclosure';
import type { Fragment } from './representation';

/** The personal values of a fragment, also for a text outside it that rests on it (a rubric's score). */
export const fragmentPersonalValues = (f: Fragment): PersonalValue[] => [
  { source: '/speaker/place', what: "the speaker's place", value: notPublic(f.speaker?.place, f.location) },
  { source: '/speaker/consent/recordedBy', what: 'the name of who recorded the consent', value: f.speaker?.consent?.recordedBy },
];

export async function fragmentFindings(_ctx: Ctx, f: Fragment): Promise<Finding[]> {
  return personalValuesIn([{ path: '/excerpt', text: f.excerpt }, { path: '/locator', text: f.locator ?? '' }], fragmentPersonalValues(f));
}
