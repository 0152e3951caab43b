// The access policy for the other kinds of evidence (issue 5: stories, fragments, their sources,
// files, evidence links, selection rounds) and for imports (issue 8) — rules 4 and 5 of
// policy-rules.ts, written from DESIGN.md and the issues.
import type { Caller, Programme, Rec, Verdict } from './policy-rules';
import { seesOutcome, reviews, worksIn, OutcomeRec } from './policy-rules';

export type StoryStatus = 'draft' | 'submitted' | 'published';
/**
 * A story or a fragment: `shared` says whether everything beyond the state allows it to travel
 * (the storyteller's or speaker's consent is named or anonymous; a fragment's source is public).
 */
export type EvidenceRec = Rec & { org: string; programme: Programme; status: StoryStatus; sensitivity: string; shared: boolean };

const isAdmin = (c: Caller) => c.role === 'admin';
const own = (c: Caller, r: EvidenceRec) => c.org === r.org;
const reviewer = (c: Caller, r: EvidenceRec) => isAdmin(c) || (c.role === 'evaluator' && c.programmes.includes(r.programme));

/** Rule 4 for stories and fragments: as outcomes, and consent (and the source) must allow sharing. */
export function seesEvidence(c: Caller, r: EvidenceRec): boolean {
  if (isAdmin(c) || own(c, r)) return true;
  if (!c.programmes.includes(r.programme)) return false;
  if (c.role === 'evaluator') return r.status !== 'draft';
  return r.status === 'published' && r.sensitivity === 'public' && r.shared;
}

const NEXT: Record<StoryStatus, StoryStatus[]> = { draft: ['submitted'], submitted: ['published', 'draft'], published: ['draft'] };
const seen = (c: Caller, r: Rec, then: (e: EvidenceRec) => Verdict): Verdict => (seesEvidence(c, r as EvidenceRec) ? then(r as EvidenceRec) : 'hidden');

export const evidenceRecord = {
  read: (c: Caller, r: Rec): Verdict => seen(c, r, () => 'ok'),
  /** its organisation edits drafts, the programme's evaluators submitted ones; admins any */
  edit: (c: Caller, r: Rec): Verdict => seen(c, r, (e) => {
    if (!own(c, e) && !reviewer(c, e)) return 'refused';
    return isAdmin(c) || (own(c, e) && e.status === 'draft') || (reviewer(c, e) && e.status === 'submitted') ? 'ok' : 'state';
  }),
  /** the organisation submits; the programme's evaluators publish or return to draft */
  move: (to: StoryStatus) => (c: Caller, r: Rec): Verdict => seen(c, r, (e) => {
    const mover = to === 'submitted' ? own(c, e) || isAdmin(c) : reviewer(c, e);
    if (!mover) return 'refused';
    return NEXT[e.status].includes(to) ? 'ok' : 'state';
  }),
  /** translation, consent, links and withdrawal: its organisation and its evaluators */
  tend: (c: Caller, r: Rec): Verdict => seen(c, r, (e) => (own(c, e) || reviewer(c, e) ? 'ok' : 'refused')),
};

export const EVIDENCE_MOVES: Record<StoryStatus, StoryStatus[]> = {
  draft: ['submitted', 'published'],
  submitted: ['published', 'submitted'],
  published: ['draft', 'submitted'],
};

/** Research sources: its organisation; the programme's evaluators; the programme's people when public. */
export const source = {
  read: (c: Caller, r: Rec): Verdict => (isAdmin(c) || r.org === c.org
    || (c.programmes.includes(r.programme as Programme) && (c.role === 'evaluator' || r.confidentiality === 'public')) ? 'ok' : 'hidden'),
  edit: (c: Caller, r: Rec): Verdict => {
    if (source.read(c, r) === 'hidden') return 'hidden';
    return r.org === c.org || isAdmin(c) || (c.role === 'evaluator' && c.programmes.includes(r.programme as Programme)) ? 'ok' : 'refused';
  },
};

/** Files are personal data: only for those who see the record's personal data (its organisation, its evaluators). */
export const file = {
  read: (c: Caller, r: Rec): Verdict => (seesOutcome(c, r as OutcomeRec) && (c.org === r.org || reviews(c, r as OutcomeRec)) ? 'ok' : 'hidden'),
};

/** Evidence links of an outcome: its organisation and its evaluators add and remove them. */
export const evidenceLink = {
  change: (c: Caller, r: Rec): Verdict => {
    if (!seesOutcome(c, r as OutcomeRec)) return 'hidden';
    return (c.role === 'partner' && c.org === r.org) || reviews(c, r as OutcomeRec) ? 'ok' : 'refused';
  },
};

/** A selection round shows to whoever sees one of its stories; feedback comes from their organisations and evaluators. */
export const selectionRound = {
  read: (c: Caller, r: Rec): Verdict => (seesEvidence(c, r as EvidenceRec) ? 'ok' : 'hidden'),
  feedback: (c: Caller, r: Rec): Verdict => seen(c, r, (e) => (own(c, e) || reviewer(c, e) ? 'allowed' : 'refused')),
};

/** Imports and form mappings belong to the organisation that made them (and admins see all). */
export const imported = {
  read: (c: Caller, r: Rec): Verdict => (isAdmin(c) || r.org === c.org ? 'ok' : 'hidden'),
  /** the person who checked the file commits it */
  commit: (c: Caller, r: Rec): Verdict => (imported.read(c, r) === 'hidden' ? 'hidden' : r.by === c.name ? 'ok' : 'refused'),
  /** a mapping is changed by its organisation's partners (and admins) */
  change: (c: Caller, r: Rec): Verdict => (imported.read(c, r) === 'hidden' ? 'hidden' : isAdmin(c) || c.role === 'partner' ? 'ok' : 'refused'),
};

/** Domains of change are added by the harvest's evaluators; its people read them. */
export const domains = {
  add: (c: Caller, r: Rec): Verdict => (!worksIn(c, r.programme as Programme) ? 'hidden' : isAdmin(c) || c.role === 'evaluator' ? 'allowed' : 'refused'),
};
