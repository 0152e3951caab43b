// The outcome lifecycle of DESIGN.md as data: which transition who may make, from which states,
// and whether it needs a comment. Role first (403), then state (409).
import type { Role } from '../http/types';

export type Status = 'draft' | 'submitted' | 'under_review' | 'substantiated' | 'partly_substantiated' | 'not_substantiated' | 'published' | 'retracted';

type Rule = { from: Status[]; roles: Role[]; comment: boolean };

export const CONCLUSIONS: Status[] = ['substantiated', 'partly_substantiated', 'not_substantiated'];
const REVIEW: Role[] = ['evaluator', 'admin'];

export const TRANSITIONS: Record<Status, Rule> = {
  draft: { from: ['submitted', 'under_review'], roles: REVIEW, comment: true },
  submitted: { from: ['draft'], roles: ['partner', 'admin'], comment: false },
  // a concluded outcome can be reopened to edit it before publication (the check before publishing may ask for that)
  under_review: { from: ['submitted', ...CONCLUSIONS, 'published'], roles: REVIEW, comment: false },
  substantiated: { from: ['under_review'], roles: REVIEW, comment: true },
  partly_substantiated: { from: ['under_review'], roles: REVIEW, comment: true },
  not_substantiated: { from: ['under_review'], roles: REVIEW, comment: true },
  published: { from: CONCLUSIONS, roles: REVIEW, comment: false },
  retracted: { from: ['submitted', 'under_review', ...CONCLUSIONS, 'published'], roles: REVIEW, comment: true },
};

/** Taking a published or concluded outcome back for correction needs a reason too. */
export function needsComment(from: Status, to: Status): boolean {
  return TRANSITIONS[to].comment || ((from === 'published' || CONCLUSIONS.includes(from)) && to === 'under_review');
}

export const isConclusion = (s: Status) => CONCLUSIONS.includes(s);
