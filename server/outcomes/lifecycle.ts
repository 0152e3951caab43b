// The outcome lifecycle of DESIGN.md as data: which transition who may make, from which states,
// whether it needs a comment, what must hold before it (`requires`) and what follows it (`then`).
// Role first (403), then state (409), then the comment (422), then the preconditions in order;
// server/outcomes/moves.ts says how each precondition is checked and each effect carried out.
import type { CurrentUser, Role } from '../http/types';
import { isReviewer } from '../domain/readers';

export type Status = 'draft' | 'submitted' | 'under_review' | 'substantiated' | 'partly_substantiated' | 'not_substantiated' | 'published' | 'retracted';

/** What must hold before a move: the record is complete (its schema), a conclusion rests on an
 * answered substantiation, the check before publishing has been reviewed. */
export type Precondition = 'complete' | 'answered-substantiation' | 'reviewed-findings';
/** What follows a move, in its transaction: the people concerned are told. */
export type Effect = 'notify-evaluators' | 'notify-partners';
type Rule = { from: Status[]; roles: Role[]; comment: boolean; requires?: Precondition[]; then?: Effect[] };

export const CONCLUSIONS: Status[] = ['substantiated', 'partly_substantiated', 'not_substantiated'];
const REVIEW: Role[] = ['evaluator', 'admin'];

export const TRANSITIONS: Record<Status, Rule> = {
  draft: { from: ['submitted', 'under_review'], roles: REVIEW, comment: true, then: ['notify-partners'] },
  submitted: { from: ['draft'], roles: ['partner', 'admin'], comment: false, requires: ['complete'], then: ['notify-evaluators'] },
  // a concluded outcome can be reopened to edit it before publication (the check before publishing may ask for that)
  under_review: { from: ['submitted', ...CONCLUSIONS, 'published'], roles: REVIEW, comment: false },
  substantiated: { from: ['under_review'], roles: REVIEW, comment: true, requires: ['answered-substantiation'] },
  partly_substantiated: { from: ['under_review'], roles: REVIEW, comment: true, requires: ['answered-substantiation'] },
  not_substantiated: { from: ['under_review'], roles: REVIEW, comment: true, requires: ['answered-substantiation'] },
  published: { from: CONCLUSIONS, roles: REVIEW, comment: false, requires: ['reviewed-findings'] },
  retracted: { from: ['submitted', 'under_review', ...CONCLUSIONS, 'published'], roles: REVIEW, comment: true },
};

/** Taking a published or concluded outcome back for correction needs a reason too. */
export function needsComment(from: Status, to: Status): boolean {
  return TRANSITIONS[to].comment || ((from === 'published' || CONCLUSIONS.includes(from)) && to === 'under_review');
}

export const isConclusion = (s: Status) => CONCLUSIONS.includes(s);

export type Move = { to: Status; comment: boolean };
/** What a reader may do with a record now, as the API will check it (its guards aside). */
export type Can = { edit: boolean; transitions: Move[] };
type Held = { status: string; organisation: { id: string } };

/** Whether the user's role, and their tie to the outcome's organisation, allow this move. */
export function mayMove(user: CurrentUser, o: Held, to: Status): boolean {
  return TRANSITIONS[to].roles.includes(user.role)
    && (user.role === 'admin' || (user.role === 'partner' ? o.organisation.id === user.organisationId : isReviewer(user, o.organisation.id)));
}

/** Partners edit their own drafts; evaluators of the programme (and admins) edit under review. */
export function mayEdit(user: CurrentUser, o: Held): boolean {
  const own = o.organisation.id === user.organisationId;
  return (own && o.status === 'draft') || (isReviewer(user, o.organisation.id) && o.status === 'under_review')
    || (user.role === 'admin' && o.status === 'draft');
}

export function canOf(user: CurrentUser, o: Held): Can {
  const from = o.status as Status;
  const transitions = (Object.keys(TRANSITIONS) as Status[])
    .filter((to) => TRANSITIONS[to].from.includes(from) && mayMove(user, o, to))
    .map((to) => ({ to, comment: needsComment(from, to) }));
  return { edit: mayEdit(user, o), transitions };
}
