// The access policy of Oogst as the tests expect it — written from DESIGN.md and the issues, not
// from the code — as five rules, applied in this order:
//   1. sign-in: anonymous callers reach the public routes only (401 elsewhere);
//   2. two-factor: a user whose organisation requires it and who has none may only see who they
//      are, log out and set it up (403 totp_required elsewhere);
//   3. role: each route admits some roles, whatever the record (403 for the others);
//   4. visibility: a record is seen by role, organisation, programme, state and sensitivity
//      (404 for the others: never reveal that it exists);
//   5. acting: who may change a visible record, and in which state (403 not theirs, 409 not now).
// The route table (policy-table.ts) says which of these each route of the registry follows.
import type { OutcomeStatus, Sensitivity } from './proof';

export type Role = 'admin' | 'partner' | 'evaluator' | 'donor';
export type Programme = 'A' | 'B';
export type Caller = { name: string; role: Role; org: string; programmes: Programme[] };
/** ok: 2xx · allowed: past every access check (a body or state check may still answer 4xx) · hidden: 404 · refused: 403 · state: 409 */
export type Verdict = 'ok' | 'allowed' | 'hidden' | 'refused' | 'state';

/** A record the tests made, with what the policy needs to know about it and the route parameters it fills. */
export type Rec = { kind: string; params: Record<string, string>; [fact: string]: unknown };
export type OutcomeRec = Rec & { org: string; programme: Programme; status: OutcomeStatus; sensitivity: Sensitivity };

export const SETUP_ONLY = new Set(['GET /api/auth/me', 'GET /api/auth/session', 'POST /api/auth/logout', 'POST /api/auth/totp/setup', 'POST /api/auth/totp/enable']);

const isAdmin = (c: Caller) => c.role === 'admin';
export const worksIn = (c: Caller, p: Programme | null | undefined) => isAdmin(c) || (!!p && c.programmes.includes(p));

// ── outcomes (DESIGN.md, "Who sees what" and "Lifecycle") ─────────────────────────────────────

/** Rule 4 for outcomes. */
export function seesOutcome(c: Caller, r: OutcomeRec): boolean {
  if (isAdmin(c)) return true; // admins see all, retracted ones too
  if (r.status === 'retracted') return false; // hidden, kept for the audit
  if (c.org === r.org) return true; // its own organisation: every state
  if (!c.programmes.includes(r.programme)) return false; // nothing crosses programmes
  if (r.status === 'published' && r.sensitivity === 'public') return true; // the only thing donors and peers get
  return c.role === 'evaluator' && r.status !== 'draft'; // the programme's evaluators: from submission on
}

const own = (c: Caller, r: OutcomeRec) => c.role === 'partner' && c.org === r.org;
/** The programme's evaluators (and admins): they review, substantiate, conclude, publish. */
export const reviews = (c: Caller, r: OutcomeRec) => isAdmin(c) || (c.role === 'evaluator' && c.programmes.includes(r.programme));

const CONCLUSION: OutcomeStatus[] = ['substantiated', 'partly_substantiated', 'not_substantiated'];
const NEXT: Record<OutcomeStatus, OutcomeStatus[]> = {
  draft: ['submitted'],
  submitted: ['under_review', 'draft', 'retracted'],
  under_review: [...CONCLUSION, 'draft', 'retracted'],
  // reopened to edit before publication, when the check before publishing finds a name (privacy issue, point 9)
  substantiated: ['published', 'under_review', 'retracted'],
  partly_substantiated: ['published', 'under_review', 'retracted'],
  not_substantiated: ['published', 'under_review', 'retracted'],
  published: ['under_review', 'retracted'],
  retracted: [],
};

const visible = (c: Caller, r: Rec, then: () => Verdict): Verdict => (seesOutcome(c, r as OutcomeRec) ? then() : 'hidden');

export const outcome = {
  read: (c: Caller, r: Rec): Verdict => visible(c, r, () => 'ok'),
  /** partners edit their own drafts; the programme's evaluators edit under review; admins both */
  edit: (c: Caller, r: Rec): Verdict => visible(c, r, () => {
    const o = r as OutcomeRec;
    if (!own(c, o) && !reviews(c, o)) return 'refused';
    const now = (own(c, o) || isAdmin(c)) && o.status === 'draft' || reviews(c, o) && o.status === 'under_review';
    return now ? 'ok' : 'state';
  }),
  /** a partner withdraws its own draft (admins any draft); evaluators retract through a transition */
  withdraw: (c: Caller, r: Rec): Verdict => visible(c, r, () => {
    const o = r as OutcomeRec;
    if (!own(c, o) && !isAdmin(c)) return 'refused';
    return o.status === 'draft' ? 'ok' : 'state';
  }),
  /** submitting is its organisation's; every other move is the reviewers' */
  move: (to: OutcomeStatus) => (c: Caller, r: Rec): Verdict => visible(c, r, () => {
    const o = r as OutcomeRec;
    const mover = to === 'submitted' ? own(c, o) || isAdmin(c) : reviews(c, o);
    if (!mover) return 'refused';
    return NEXT[o.status].includes(to) ? 'ok' : 'state';
  }),
  /** discussion and translation: its organisation and its reviewers, in any state they see */
  discuss: (c: Caller, r: Rec): Verdict => visible(c, r, () => (own(c, r as OutcomeRec) || reviews(c, r as OutcomeRec) ? 'ok' : 'refused')),
  /** links: its organisation or its reviewers; the target, duplicates and cycles are checked after */
  link: (c: Caller, r: Rec): Verdict => visible(c, r, () => (own(c, r as OutcomeRec) || reviews(c, r as OutcomeRec) ? 'allowed' : 'refused')),
  /** substantiation: the reviewers, while the outcome is under review */
  substantiate: (c: Caller, r: Rec): Verdict => visible(c, r, () => {
    if (!reviews(c, r as OutcomeRec)) return 'refused';
    return (r as OutcomeRec).status === 'under_review' ? 'ok' : 'state';
  }),
};

/** What to try on an outcome in each state: the natural next move and one that is not possible. */
export const MOVES_TO_TRY: Record<OutcomeStatus, OutcomeStatus[]> = {
  draft: ['submitted', 'published'],
  submitted: ['under_review', 'published'],
  under_review: ['draft', 'submitted'],
  substantiated: ['published', 'submitted'],
  partly_substantiated: ['published', 'under_review'],
  not_substantiated: ['published', 'draft'],
  published: ['under_review', 'submitted'],
  retracted: ['under_review'],
};

// ── programmes, harvests, notifications ─────────────────────────────────────────────────────

export const programme = {
  read: (c: Caller, r: Rec): Verdict => (worksIn(c, r.programme as Programme) ? 'ok' : 'hidden'),
};

export const harvest = {
  read: (c: Caller, r: Rec): Verdict => (worksIn(c, r.programme as Programme) ? 'ok' : 'hidden'),
  /** the programme's evaluators run a harvest until it is closed */
  run: (c: Caller, r: Rec): Verdict => {
    if (!worksIn(c, r.programme as Programme)) return 'hidden';
    if (!isAdmin(c) && c.role !== 'evaluator') return 'refused';
    return r.status === 'closed' ? 'state' : 'ok';
  },
};

export const notification = {
  /** one's own notifications only; another's do not exist for you */
  mark: (c: Caller, r: Rec): Verdict => (r.owner === c.name ? 'ok' : 'hidden'),
};

// ── indicators (issue 6) ───────────────────────────────────────────────────────────────────

/** Global indicators (no programme) are reference series for everyone; a programme's, for its people. */
const seesIndicator = (c: Caller, r: Rec) => !r.programme || worksIn(c, r.programme as Programme);
/** Admins any; a programme's evaluators its indicators; partners their own organisation's. */
const managesIndicator = (c: Caller, r: Rec) => isAdmin(c)
  || (c.role === 'evaluator' && !!r.programme && c.programmes.includes(r.programme as Programme))
  || (c.role === 'partner' && !!r.org && r.org === c.org);
/** A draft value is not a figure yet: its reporting organisation, the programme's evaluators and admins. */
const seesValue = (c: Caller, r: Rec) => r.status === 'validated' || isAdmin(c) || r.reporter === c.org
  || (c.role === 'evaluator' && !!r.programme && c.programmes.includes(r.programme as Programme));

export const indicator = {
  read: (c: Caller, r: Rec): Verdict => (seesIndicator(c, r) ? 'ok' : 'hidden'),
  manage: (c: Caller, r: Rec): Verdict => (!seesIndicator(c, r) ? 'hidden' : managesIndicator(c, r) ? 'ok' : 'refused'),
  // Values are reached through their indicator: one you see but may not manage refuses you (403)
  // before any value is looked at — whether the value exists is not revealed either way.
  /** a validated value is corrected by an evaluator (or admin) only */
  correctValue: (c: Caller, r: Rec): Verdict => {
    if (!seesIndicator(c, r)) return 'hidden';
    if (!managesIndicator(c, r)) return 'refused';
    if (!seesValue(c, r)) return 'hidden';
    return r.status === 'validated' && c.role === 'partner' ? 'state' : 'ok';
  },
  /** drafts are withdrawn; validated values are corrected, not removed */
  withdrawValue: (c: Caller, r: Rec): Verdict => {
    if (!seesIndicator(c, r)) return 'hidden';
    if (!managesIndicator(c, r)) return 'refused';
    if (!seesValue(c, r)) return 'hidden';
    return r.status === 'draft' ? 'ok' : 'state';
  },
};
