// How an outcome is stored and how it is shown. Personal data (an individual actor's name, exact
// coordinates, informants' names and contacts) is encrypted in the row and removed by
// redactOutcome — the one redaction function for outcomes — from everything a donor or another
// organisation receives.
import { decrypt, decryptJson, encrypt, encryptJson, Keyring } from '../crypto/fields';
import { fold } from '../core/fold';
import { periodOf, Precision } from '../domain/dates';
import type { Can } from './lifecycle';

/**
 * The column an outcome row carries its reader's evidence count in (evidence-count.ts); a row
 * read without it counts 0 — never the stored whole, which may count what the reader may not see.
 */
export const READER_COUNT = 'reader_evidence_count';

export type EvidenceItem =
  | { kind: 'document'; title: string; url?: string; date?: string }
  | { kind: 'link'; title: string; url: string }
  | { kind: 'informant'; role: string; name?: string; contact?: string; consent?: Consent };

/** How an informant agreed to be named or quoted; who recorded it is personal data. */
type Consent = { level: 'named' | 'anonymous' | 'internal_only'; method: string; givenOn: string; recordedBy: string };

export type OutcomeInput = {
  title: string; description: string; socialActor: { name: string; type: string }; changeType: string; quadrant: string;
  occurredOn: { date: string; precision: Precision }; location: { country: string; adminArea?: string; lat?: number; lon?: number };
  significance: string; contribution: string; positive: boolean; intended: boolean;
  sensitivity: 'public' | 'restricted' | 'confidential'; language: string;
  goals: Array<{ code: string; primary?: boolean }>; harvestId?: string | null; evidence?: EvidenceItem[];
};

export type Outcome = Omit<OutcomeInput, 'goals' | 'harvestId' | 'evidence'> & {
  id: string; status: string; goals: Array<{ code: string; primary: boolean }>; harvestId: string | null;
  evidence: EvidenceItem[]; evidenceCount: number; organisation: { id: string; name: string }; createdBy?: string | null;
  createdAt: string; updatedAt: string; submittedAt: string | null; publishedAt: string | null; retractedAt?: string | null;
  redacted: boolean;
  /** the conclusion it stands on — its state while concluded, the last one once published; null before (service.ts) */
  conclusion?: string | null;
  /** what the reader may do now (added where the record is presented to a reader) */
  can?: Can;
};

/** The fields of an outcome that carry personal data somewhere inside them. */
export const PERSONAL_FIELDS = ['socialActor', 'location', 'evidence'] as const;
export const EDITABLE_FIELDS = [
  'title', 'description', 'socialActor', 'changeType', 'quadrant', 'occurredOn', 'location', 'significance',
  'contribution', 'positive', 'intended', 'sensitivity', 'language', 'goals', 'harvestId', 'evidence',
] as const;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function storedEvidence(ring: Keyring, items: EvidenceItem[]): string {
  return JSON.stringify(items.map((e) => {
    if (e.kind !== 'informant') return e;
    // the informant's name, contact and consent record travel together, encrypted
    const personal = e.name || e.contact || e.consent ? encryptJson(ring, { name: e.name, contact: e.contact, consent: e.consent }) : undefined;
    return { kind: 'informant', role: e.role, ...(personal && { personal }) };
  }));
}

function evidenceOf(ring: Keyring, stored: string): EvidenceItem[] {
  return (JSON.parse(stored) as Array<Record<string, string>>).map((e) => {
    if (e.kind !== 'informant') return e as EvidenceItem;
    const p = decryptJson<{ name?: string; contact?: string; consent?: Consent }>(ring, e.personal) ?? {};
    return { kind: 'informant', role: e.role, ...(p.name && { name: p.name }), ...(p.contact && { contact: p.contact }), ...(p.consent && { consent: p.consent }) };
  });
}

export function searchTextOf(o: Pick<OutcomeInput, 'title' | 'description' | 'significance' | 'contribution' | 'socialActor' | 'location'>): string {
  const actor = o.socialActor.type === 'individual' ? '' : o.socialActor.name;
  return fold([o.title, o.description, o.significance, o.contribution, actor, o.location.adminArea ?? ''].join('\n'));
}

/** Column values for a complete outcome (create, or the result of a patch). */
export function toRow(ring: Keyring, o: OutcomeInput): Row {
  const period = periodOf(o.occurredOn.date, o.occurredOn.precision)!;
  const individual = o.socialActor.type === 'individual';
  const coords = o.location.lat !== undefined && o.location.lon !== undefined ? { lat: o.location.lat, lon: o.location.lon } : null;
  return {
    title: o.title, description: o.description,
    social_actor_type: o.socialActor.type,
    social_actor_name: individual ? null : o.socialActor.name,
    social_actor_name_enc: individual ? encrypt(ring, o.socialActor.name) : null,
    change_type: o.changeType, quadrant: o.quadrant,
    occurred_date: o.occurredOn.date, occurred_precision: o.occurredOn.precision,
    occurred_start: period.start, occurred_end: period.end,
    country: o.location.country, admin_area: o.location.adminArea ?? null, coordinates_enc: encryptJson(ring, coords),
    significance: o.significance, contribution: o.contribution, positive: o.positive, intended: o.intended,
    sensitivity: o.sensitivity, language: o.language, harvest_id: o.harvestId ?? null,
    evidence: storedEvidence(ring, o.evidence ?? []), search_text: searchTextOf(o),
  };
}

/** The whole outcome as its own organisation and its evaluators see it. */
export function fromRow(ring: Keyring, r: Row, goals: Array<{ code: string; primary: boolean }>): Outcome {
  const coords = decryptJson<{ lat: number; lon: number }>(ring, r.coordinates_enc);
  return {
    id: r.id, status: r.status, title: r.title, description: r.description,
    socialActor: { type: r.social_actor_type, name: r.social_actor_name_enc ? decrypt(ring, r.social_actor_name_enc) : r.social_actor_name },
    changeType: r.change_type, quadrant: r.quadrant,
    occurredOn: { date: r.occurred_date, precision: r.occurred_precision },
    location: { country: r.country, ...(r.admin_area && { adminArea: r.admin_area }), ...(coords ?? {}) },
    significance: r.significance, contribution: r.contribution, positive: !!r.positive, intended: !!r.intended,
    sensitivity: r.sensitivity, language: r.language, goals, harvestId: r.harvest_id ?? null,
    evidence: evidenceOf(ring, r.evidence), evidenceCount: Number(r[READER_COUNT] ?? 0), organisation: { id: r.organisation_id, name: r.organisation_name },
    createdBy: r.created_by ?? null, createdAt: r.created_at, updatedAt: r.updated_at,
    submittedAt: r.submitted_at ?? null, publishedAt: r.published_at ?? null, retractedAt: r.retracted_at ?? null,
    redacted: false,
  };
}

/** Removes the personal part of one field's value (used for records and for revision values). */
export function redactField(field: string, value: any): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (value === null || value === undefined) return value;
  if (field === 'socialActor') return { type: value.type, name: value.type === 'individual' ? null : value.name };
  if (field === 'location') return { country: value.country, ...(value.adminArea && { adminArea: value.adminArea }) };
  if (field === 'evidence') {
    return (value as EvidenceItem[]).map((e) => (e.kind === 'informant' ? { kind: 'informant', role: e.role } : e));
  }
  return value;
}

/** The one redaction function for outcomes: what a donor or another organisation may receive. */
export function redactOutcome(o: Outcome): Outcome {
  const out: Outcome = { ...o, redacted: true };
  for (const f of PERSONAL_FIELDS) (out as Record<string, unknown>)[f] = redactField(f, o[f]);
  delete out.createdBy;
  delete out.retractedAt;
  return out;
}

/** The outcome as editable input, so a patch can be merged and validated as a whole. */
export function toInput(o: Outcome): OutcomeInput {
  const { title, description, socialActor, changeType, quadrant, occurredOn, location, significance, contribution, positive, intended, sensitivity, language, goals, harvestId, evidence } = o;
  return { title, description, socialActor, changeType, quadrant, occurredOn, location, significance, contribution, positive, intended, sensitivity, language, goals, harvestId, evidence };
}
