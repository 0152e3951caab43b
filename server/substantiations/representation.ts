// How a substantiation is stored and shown. The substantiator's name, relationship and contact,
// and their comments, are encrypted in the row. redactSubstantiation — the one redaction function
// for substantiations — leaves the verdicts only, for everyone but the programme's evaluators
// and admins (partners included: they never see who substantiated their outcome).
import { decryptJson, encryptJson, Keyring } from '../crypto/fields';

export type Verdict = 'agree' | 'partly' | 'disagree' | 'unknown';
export type Substantiator = { name: string; relationship: string; contact?: string };
export type Answer = { description: Verdict; significance: Verdict; contribution: Verdict; comments?: string; answeredOn: string };

export type Substantiation = {
  id: string; outcomeId: string; status: 'pending' | 'answered'; independent: boolean;
  substantiator?: Substantiator | null;
  answer: (Partial<Answer> & { description: Verdict; significance: Verdict; contribution: Verdict; via?: string; enteredBy?: string | null }) | null;
  createdAt: string; updatedAt?: string; erasedAt?: string | null; redacted: boolean;
};

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const substantiatorColumn = (ring: Keyring, s: Substantiator) => encryptJson(ring, s);

export function answerColumns(ring: Keyring, a: Answer, via: 'evaluator' | 'link', by: string | null, now: string): Row {
  return {
    description: a.description, significance: a.significance, contribution: a.contribution,
    comments_enc: a.comments ? encryptJson(ring, a.comments) : null, answered_on: a.answeredOn, answered_at: now,
    answered_via: via, answered_by: by, updated_at: now,
  };
}

/** The whole substantiation, as the programme's evaluators and admins see it. */
export function fromRow(ring: Keyring, r: Row): Substantiation {
  const answered = !!r.answered_at;
  return {
    id: r.id, outcomeId: r.outcome_id, status: answered ? 'answered' : 'pending', independent: !!r.independent,
    substantiator: decryptJson<Substantiator>(ring, r.substantiator_enc) ?? null,
    answer: answered ? {
      description: r.description, significance: r.significance, contribution: r.contribution,
      comments: decryptJson<string>(ring, r.comments_enc) ?? undefined, answeredOn: r.answered_on,
      via: r.answered_via, enteredBy: r.answered_by ?? null,
    } : null,
    createdAt: r.created_at, updatedAt: r.updated_at, erasedAt: r.erased_at ?? null, redacted: false,
  };
}

/** The one redaction function for substantiations: the verdicts, never the people or their words. */
export function redactSubstantiation(s: Substantiation): Substantiation {
  return {
    id: s.id, outcomeId: s.outcomeId, status: s.status, independent: s.independent,
    answer: s.answer && { description: s.answer.description, significance: s.answer.significance, contribution: s.answer.contribution, answeredOn: s.answer.answeredOn },
    createdAt: s.createdAt, redacted: true,
  };
}

/** The answer as it goes into a revision: the substantiator's comments are personal data. */
export const PERSONAL_FIELDS = ['substantiator', 'comments'] as const;
