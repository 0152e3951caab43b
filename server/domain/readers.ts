// Who among the readers of a record of any kind (outcome, story, fragment) receives its personal
// data, and who reviews it: the rule DESIGN.md gives once for all kinds.
import type { CurrentUser } from '../http/types';

/** Whether the user receives personal data of this record (else the redacted view). */
export function seesPersonalData(user: CurrentUser, organisationId: string): boolean {
  return user.role === 'admin' || user.organisationId === organisationId
    || (user.role === 'evaluator' && user.programmeOrgIds.includes(organisationId));
}

/** Evaluators of a programme the record's organisation belongs to (and admins). */
export function isReviewer(user: CurrentUser, organisationId: string): boolean {
  return user.role === 'admin' || (user.role === 'evaluator' && user.programmeOrgIds.includes(organisationId));
}
