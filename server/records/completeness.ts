// The completeness rule of a record kind: a draft saves with a title at least, and what else the
// kind needs is checked when it leaves draft (and on every edit after). The rule is a schema —
// outcomes#/$defs/outcomeComplete, stories#/$defs/storyComplete — so that the API document, the
// imports (which create complete records only) and the client (GET /api/rules) read the same one.
// A missing element answers 422 `incomplete`, one entry in `errors` per element, each with its
// JSON pointer, so a form can say kindly what is still to be filled in.
import { Problem, ProblemPath } from '../http/problem';
import { toProblemPaths, type Validator } from '../http/validation';

export const COMPLETENESS = {
  outcome: 'outcomes#/$defs/outcomeComplete',
  story: 'stories#/$defs/storyComplete',
  // a fragment is recorded whole (its excerpt is the record); the rule is its create schema
  fragment: 'fragments#/$defs/fragmentCreate',
} as const;
export type CompleteKind = keyof typeof COMPLETENESS;

/** What the record lacks, by path: `/description`, `/socialActor/type`, `/goals` … */
export function missingOf(validator: Validator, kind: CompleteKind, record: unknown): ProblemPath[] {
  const fn = validator.get(COMPLETENESS[kind]);
  if (fn(record)) return [];
  return toProblemPaths(fn.errors).map((e) => ({ ...e, message: e.code === 'required' || e.code === 'minItems' || e.code === 'minLength' ? 'is still missing' : e.message, code: 'missing' }));
}

/** 422 `incomplete` unless the record has every element the kind needs. */
export function requireComplete(validator: Validator, kind: CompleteKind, record: unknown): void {
  const missing = missingOf(validator, kind, record);
  if (missing.length) throw new Problem('incomplete', `The ${kind} is not complete yet: fill in what is missing, then submit it again`, missing);
}
