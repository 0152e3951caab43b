// How a story of change is stored and shown. Personal data — the storyteller's profile (and name
// under named consent), who collected it, who recorded the consent, who translated it, its
// files — is encrypted in the row and removed by redactStory, the one redaction function for
// stories, from everything a donor or another organisation receives.
import { decryptJson, encrypt, encryptJson, decrypt, Keyring } from '../crypto/fields';
import { fold } from '../core/fold';
import { Consent, consentOf, redactConsent } from '../domain/consent';
import type { Can } from './lifecycle';
import { editableFieldsOf, personalFieldsOf } from '../records/schema-fields';

export type Storyteller = { role: string; ageBand?: string; gender?: string; place?: string; name?: string };
export type GoalTag = { code: string; primary?: boolean };

export type StoryInput = {
  title: string; story: string; whySignificant: string; domain: string; harvestId?: string | null;
  collectedBy: string; collectedOn: string; location: { country: string; adminArea?: string }; language: string;
  storyteller: Storyteller; consent?: Consent | null; goals: GoalTag[]; sensitivity: 'public' | 'restricted' | 'confidential';
};

/** A draft as it may be saved (stories#/$defs/storyCreate): a title at least; what it lacks is NULL until submission checks storyComplete. */
export type StoryDraft = Pick<StoryInput, 'title'> & Partial<Omit<StoryInput, 'title' | 'location'>> & { location?: Partial<StoryInput['location']> };

export type Translation = { language: string; title: string; story: string; whySignificant: string | null; translatedBy?: string | null; createdAt: string };

export type Story = Omit<StoryInput, 'goals' | 'collectedBy' | 'storyteller' | 'consent'> & {
  id: string; status: string; harvestId: string | null; goals: Array<{ code: string; primary: boolean }>;
  collectedBy: string | null; storyteller: Storyteller | null; consent: Consent | null;
  organisation: { id: string; name: string }; createdBy?: string | null;
  createdAt: string; updatedAt: string; submittedAt: string | null; publishedAt: string | null; redacted: boolean; can?: Can;
  translations?: Translation[]; files?: unknown[];
  /** a draft's: what it still needs before it is submitted, as JSON pointers */
  missing?: string[];
};

/** From the schemas: the fields holding personal data (`x-personal` inside), and those a patch may change. */
export const PERSONAL_FIELDS = personalFieldsOf<keyof StoryInput>('stories#/$defs/storyCreate');
export const EDITABLE_FIELDS = editableFieldsOf<keyof StoryInput>('stories#/$defs/storyPatch');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type TranslationText = { title: string; story: string; why_significant?: string | null };

/** Folded text for full-text search: the story and its translations, never the personal fields. */
export function searchTextOf(s: Pick<StoryDraft, 'title' | 'story' | 'whySignificant' | 'location'>, translations: TranslationText[] = []): string {
  const parts = [s.title, s.story ?? '', s.whySignificant ?? '', s.location?.adminArea ?? ''];
  for (const t of translations) parts.push(t.title, t.story, t.why_significant ?? '');
  return fold(parts.join('\n'));
}

/** Column values for a story; what a draft lacks is NULL. */
export function toRow(ring: Keyring, s: StoryDraft, translations: TranslationText[] = []): Row {
  return {
    title: s.title, story: s.story ?? null, why_significant: s.whySignificant ?? null, domain: s.domain ?? null, harvest_id: s.harvestId ?? null,
    collected_by_enc: s.collectedBy ? encrypt(ring, s.collectedBy) : null, collected_on: s.collectedOn ?? null,
    country: s.location?.country ?? null, admin_area: s.location?.adminArea ?? null, language: s.language ?? null,
    storyteller_enc: s.storyteller ? encryptJson(ring, s.storyteller) : null, sensitivity: s.sensitivity ?? null,
    search_text: searchTextOf(s, translations),
  };
}

/** The whole story as its organisation, its evaluators and admins see it. */
export function fromRow(ring: Keyring, r: Row, goals: Array<{ code: string; primary: boolean }>): Story {
  return {
    id: r.id, status: r.status, title: r.title, story: r.story ?? null, whySignificant: r.why_significant ?? null, domain: r.domain ?? null,
    harvestId: r.harvest_id ?? null, collectedBy: r.collected_by_enc ? decrypt(ring, r.collected_by_enc) : null,
    collectedOn: r.collected_on ?? null, location: { country: r.country ?? null, ...(r.admin_area != null && { adminArea: r.admin_area }) },
    language: r.language ?? null, storyteller: decryptJson<Storyteller>(ring, r.storyteller_enc) ?? null,
    consent: consentOf(ring, r), goals, sensitivity: r.sensitivity ?? null,
    organisation: { id: r.organisation_id, name: r.organisation_name }, createdBy: r.created_by ?? null,
    createdAt: r.created_at, updatedAt: r.updated_at, submittedAt: r.submitted_at ?? null, publishedAt: r.published_at ?? null,
    redacted: false,
  };
}

export function translationOf(ring: Keyring, t: Row): Translation {
  return {
    language: t.language, title: t.title, story: t.story, whySignificant: t.why_significant ?? null, createdAt: t.created_at,
    translatedBy: t.translated_by_enc ? decrypt(ring, t.translated_by_enc) : null,
  };
}

/** Removes the personal part of one field's value (records and revision values alike). */
export function redactField(field: string, value: unknown): unknown {
  if (field === 'collectedBy' || field === 'storyteller') return null;
  if (field === 'consent') return redactConsent(value as Consent | null);
  return value;
}

/** The one redaction function for stories: what a donor or another organisation may receive. */
export function redactStory(s: Story): Story {
  const out: Story = { ...s, redacted: true };
  for (const f of PERSONAL_FIELDS) (out as Record<string, unknown>)[f] = redactField(f, s[f]);
  if (s.translations) out.translations = s.translations.map(({ translatedBy: _t, ...t }) => t);
  delete out.files;
  delete out.createdBy;
  return out;
}

/** The story as editable input, so a patch can be merged and validated as a whole; what a draft lacks is left out. */
export function toInput(s: Story): StoryInput {
  const { title, story, whySignificant, domain, harvestId, collectedBy, collectedOn, location, language, storyteller, consent, goals, sensitivity } = s;
  const all: Record<string, unknown> = { title, story, whySignificant, domain, harvestId, collectedBy, collectedOn, language, storyteller, consent, goals, sensitivity };
  const kept = Object.fromEntries(Object.entries(all).filter(([k, v]) => v !== null || k === 'harvestId' || k === 'consent'));
  return { ...kept, location: Object.fromEntries(Object.entries(location ?? {}).filter(([, v]) => v !== null)) } as StoryInput;
}
