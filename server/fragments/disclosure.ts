// What the check before publishing (domain/disclosure.ts) reads in a research fragment: the
// excerpt and where it sits in its source, against the speaker's place and who recorded the
// speaker's consent.
import type { Ctx } from '../http/types';
import { Finding, notPublic, personalValuesIn } from '../domain/disclosure';
import type { Fragment } from './representation';

export async function fragmentFindings(_ctx: Ctx, f: Fragment): Promise<Finding[]> {
  return personalValuesIn([{ path: '/excerpt', text: f.excerpt }, { path: '/locator', text: f.locator ?? '' }], [
    { source: '/speaker/place', what: "the speaker's place", value: notPublic(f.speaker?.place, f.location) },
    { source: '/speaker/consent/recordedBy', what: 'the name of who recorded the consent', value: f.speaker?.consent?.recordedBy },
  ]);
}
