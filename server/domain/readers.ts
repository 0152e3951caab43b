// The readers a read is made for (DESIGN.md, Readers) — a signed-in user, or the published view of
// a programme — and who among them receives a record's personal data and who reviews it: the rules
// DESIGN.md gives once for all kinds.
import type { Ctx, CurrentUser } from '../http/types';

/** The published view of a programme: what its donors and other partners may see, with no one signed in (IATI, a printed donor report). */
export type PublishedView = { view: 'published'; programmeIds: string[]; programmeOrgIds: string[]; /** what it is written in (English unless given) */ language?: string };
/** A reader sees by their role; the published view, and a donor, see what is published to outsiders (`'view' in r || r.role === 'donor'`). */
export type Reader = CurrentUser | PublishedView;

export const publishedView = (programmeId: string, organisationIds: string[], language?: string): PublishedView =>
  ({ view: 'published', programmeIds: [programmeId], programmeOrgIds: organisationIds, ...(language && { language }) });

/** A read's context for any reader: a request's (its signed-in user), or a published view's. */
export type ReaderCtx = Omit<Ctx, 'user'> & { user: Reader };
/** What no one may do with a record in a published view. */
export const NO_MOVES = { edit: false, transitions: [] as never[] };

/** Whether the user receives personal data of this record (else the redacted view). */
export function seesPersonalData(user: Reader, organisationId: string): boolean {
  if ('view' in user) return false;
  return user.role === 'admin' || user.organisationId === organisationId
    || (user.role === 'evaluator' && user.programmeOrgIds.includes(organisationId));
}

/** Evaluators of a programme the record's organisation belongs to (and admins). */
export function isReviewer(user: CurrentUser, organisationId: string): boolean {
  return user.role === 'admin' || (user.role === 'evaluator' && user.programmeOrgIds.includes(organisationId));
}
