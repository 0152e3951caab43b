// How an outcome is stored and how it is shown. Personal data (an individual actor's name, exact
// coordinates, informants' names and contacts) is encrypted in the row and removed by
// redactOutcome — the one redaction function for outcomes — from everything a donor or another
// organisation receives.
import { decrypt, decryptJson, encrypt, encryptJson, Keyring } from '../crypto/fields';
import { fold } from '../core/fold';
import { periodOf, Precision } from '../domain/dates';
import type { Can } from './lifecycle';
import { editableFieldsOf, personalFieldsOf } from '../records/schema-fields';

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

/** A complete outcome (outcomes#/$defs/outcomeComplete): what every submitted outcome has. */
export type OutcomeInput = {
  title: string; description: string; socialActor: { name: string; type: string }; changeType: string; quadrant: string;
  occurredOn: { date: string; precision: Precision }; location: { country: string; adminArea?: string; lat?: number; lon?: number };
  significance: string; contribution: string; positive: boolean; intended: boolean;
  sensitivity: 'public' | 'restricted' | 'confidential'; language: string;
  goals: Array<{ code: string; primary?: boolean }>; harvestId?: string | null; evidence?: EvidenceItem[];
};

/**
 * A draft as it may be saved (outcomes#/$defs/outcomeCreate): a title at least. What it lacks is
 * stored as NULL and answered as null (`socialActor: {name: null, type: null}`, `occurredOn: null`),
 * until its submission checks the completeness rule.
 */
export type DraftInput = Pick<OutcomeInput, 'title'> & Partial<Omit<OutcomeInput, 'title' | 'socialActor' | 'location'>> & {
  socialActor?: Partial<OutcomeInput['socialActor']>; location?: Partial<OutcomeInput['location']>;
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
  /** a draft's: what it still needs before it is submitted, as JSON pointers */
  missing?: string[];
};

/** The fields of an outcome that carry personal data somewhere inside them. */
/** From the schemas: the fields holding personal data (`x-personal` inside), and those a patch may change. */
export const PERSONAL_FIELDS = personalFieldsOf<keyof OutcomeInput>('outcomes#/$defs/outcomeCreate');
export const EDITABLE_FIELDS = editableFieldsOf<keyof OutcomeInput>('outcomes#/$defs/outcomePatch');

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

export function searchTextOf(o: Pick<DraftInput, 'title' | 'description' | 'significance' | 'contribution' | 'socialActor' | 'location'>): string {
  // an actor of unknown type yet is kept out too: it may be an individual
  const actor = o.socialActor?.type && o.socialActor.type !== 'individual' ? o.socialActor.name : '';
  return fold([o.title, o.description, o.significance, o.contribution, actor, o.location?.adminArea].map((x) => x ?? '').join('\n'));
}

/** Column values for an outcome (create, or the result of a patch); what a draft lacks is NULL. */
export function toRow(ring: Keyring, o: DraftInput): Row {
  const period = o.occurredOn ? periodOf(o.occurredOn.date, o.occurredOn.precision) : null;
  // a name is sealed unless the actor is known to be a collective: an individual's, or one not yet typed
  const sealed = !o.socialActor?.type || o.socialActor.type === 'individual';
  const name = o.socialActor?.name ?? null;
  const coords = o.location?.lat !== undefined && o.location?.lon !== undefined ? { lat: o.location.lat, lon: o.location.lon } : null;
  return {
    title: o.title, description: o.description ?? null,
    social_actor_type: o.socialActor?.type ?? null,
    social_actor_name: sealed ? null : name,
    social_actor_name_enc: sealed && name ? encrypt(ring, name) : null,
    change_type: o.changeType ?? null, quadrant: o.quadrant ?? null,
    occurred_date: o.occurredOn?.date ?? null, occurred_precision: o.occurredOn?.precision ?? null,
    occurred_start: period?.start ?? null, occurred_end: period?.end ?? null,
    country: o.location?.country ?? null, admin_area: o.location?.adminArea ?? null, coordinates_enc: encryptJson(ring, coords),
    significance: o.significance ?? null, contribution: o.contribution ?? null, positive: o.positive ?? null, intended: o.intended ?? null,
    sensitivity: o.sensitivity ?? null, language: o.language ?? null, harvest_id: o.harvestId ?? null,
    evidence: storedEvidence(ring, o.evidence ?? []), search_text: searchTextOf(o),
  };
}

const nullableBool = (v: unknown) => (v === null || v === undefined ? null as never : !!v);

/** The whole outcome as its own organisation and its evaluators see it; what a draft lacks yet is null. */
export function fromRow(ring: Keyring, r: Row, goals: Array<{ code: string; primary: boolean }>): Outcome {
  const coords = decryptJson<{ lat: number; lon: number }>(ring, r.coordinates_enc);
  return {
    id: r.id, status: r.status, title: r.title, description: r.description,
    socialActor: { type: r.social_actor_type ?? null, name: (r.social_actor_name_enc ? decrypt(ring, r.social_actor_name_enc) : r.social_actor_name) ?? null },
    changeType: r.change_type ?? null, quadrant: r.quadrant ?? null,
    occurredOn: r.occurred_date ? { date: r.occurred_date, precision: r.occurred_precision } : null as never,
    location: { country: r.country ?? null, ...(r.admin_area && { adminArea: r.admin_area }), ...(coords ?? {}) },
    significance: r.significance ?? null, contribution: r.contribution ?? null, positive: nullableBool(r.positive), intended: nullableBool(r.intended),
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
  // a name is shown only for an actor known to be a collective
  if (field === 'socialActor') return { type: value.type ?? null, name: value.type && value.type !== 'individual' ? value.name : null };
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

/** The outcome as editable input, so a patch can be merged and validated as a whole; what a draft lacks is left out. */
export function toInput(o: Outcome): OutcomeInput {
  const { title, description, socialActor, changeType, quadrant, occurredOn, location, significance, contribution, positive, intended, sensitivity, language, goals, harvestId, evidence } = o;
  const all = { title, description, socialActor, changeType, quadrant, occurredOn, location, significance, contribution, positive, intended, sensitivity, language, goals, harvestId, evidence };
  const kept: Record<string, unknown> = Object.fromEntries(Object.entries(all).filter(([k, v]) => v !== null || k === 'harvestId'));
  if (socialActor) kept.socialActor = Object.fromEntries(Object.entries(socialActor).filter(([, v]) => v !== null));
  if (location) kept.location = Object.fromEntries(Object.entries(location).filter(([, v]) => v !== null));
  return kept as OutcomeInput;
}
