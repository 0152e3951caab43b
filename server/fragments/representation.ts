// How a research fragment is stored and shown. The speaker's pseudonymous profile and who
// recorded the speaker's consent are personal data: encrypted in the row and removed by
// redactFragment, the one redaction function for fragments, from everything a donor or another
// organisation receives (together with the fragment's files).
import { decryptJson, encryptJson, Keyring } from '../crypto/fields';
import { fold } from '../core/fold';
import { Consent, consentColumns, consentOf } from '../domain/consent';
import type { FileInfo } from '../storage/attachments';
import type { Can } from '../stories/lifecycle';
import { editableFieldsOf, personalFieldsOf } from '../records/schema-fields';

export type Speaker = { role: string; gender?: string; ageBand?: string; place?: string; consent?: Consent | null };
export type SourceRef = { id: string; title: string; type: string; author: string | null; year: number; url: string | null; confidentiality: string };

export type FragmentInput = {
  sourceId: string; excerpt: string; locator?: string | null; speaker?: Speaker | null; language: string;
  location?: { country: string; adminArea?: string } | null; goals?: Array<{ code: string; primary?: boolean }>;
  themes?: string[]; sensitivity?: 'public' | 'restricted' | 'confidential';
};

export type Fragment = Omit<FragmentInput, 'goals' | 'themes' | 'sourceId'> & {
  id: string; status: string; source: SourceRef; goals: Array<{ code: string; primary: boolean }>; themes: string[];
  sensitivity: string; organisation: { id: string; name: string }; programmeId: string; createdBy?: string | null;
  createdAt: string; updatedAt: string; submittedAt: string | null; publishedAt: string | null; redacted: boolean; can?: Can; files?: FileInfo[];
};

/** From the schemas: the fields holding personal data (`x-personal` inside), and those a patch may change. */
export const PERSONAL_FIELDS = personalFieldsOf<keyof FragmentInput>('fragments#/$defs/fragmentCreate');
export const EDITABLE_FIELDS = editableFieldsOf<keyof FragmentInput>('fragments#/$defs/fragmentPatch');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function searchTextOf(f: Pick<FragmentInput, 'excerpt' | 'locator' | 'location'>, sourceTitle: string): string {
  return fold([f.excerpt, sourceTitle, f.location?.adminArea ?? ''].join('\n'));
}

export function toRow(ring: Keyring, f: FragmentInput, sourceTitle: string): Row {
  const { consent, ...profile } = f.speaker ?? { role: '' };
  return {
    excerpt: f.excerpt, locator: f.locator ?? null, has_speaker: !!f.speaker,
    speaker_enc: f.speaker ? encryptJson(ring, profile) : null, ...consentColumns(ring, f.speaker ? consent : null),
    language: f.language, country: f.location?.country ?? null, admin_area: f.location?.adminArea ?? null,
    sensitivity: f.sensitivity ?? 'public', search_text: searchTextOf(f, sourceTitle),
  };
}

export const sourceRefOf = (r: Row, prefix = ''): SourceRef => ({
  id: r[`${prefix}id`], title: r[`${prefix}title`], type: r[`${prefix}type`], author: r[`${prefix}author`] ?? null,
  year: Number(r[`${prefix}year`]), url: r[`${prefix}url`] ?? null, confidentiality: r[`${prefix}confidentiality`],
});

/** The whole fragment as its organisation, its programme's evaluators and admins see it. */
export function fromRow(ring: Keyring, r: Row, goals: Fragment['goals'], themes: string[]): Fragment {
  const profile = decryptJson<Omit<Speaker, 'consent'>>(ring, r.speaker_enc);
  return {
    id: r.id, status: r.status, source: sourceRefOf(r, 'source_'), excerpt: r.excerpt, locator: r.locator ?? null,
    speaker: r.has_speaker ? { ...(profile ?? { role: '' }), consent: consentOf(ring, r) } : null,
    language: r.language, location: r.country ? { country: r.country, ...(r.admin_area != null && { adminArea: r.admin_area }) } : null,
    goals, themes, sensitivity: r.sensitivity, organisation: { id: r.organisation_id, name: r.organisation_name },
    programmeId: r.programme_id, createdBy: r.created_by ?? null, createdAt: r.created_at, updatedAt: r.updated_at,
    submittedAt: r.submitted_at ?? null, publishedAt: r.published_at ?? null, redacted: false,
  };
}

/** Removes the personal part of one field's value (records and revision values alike). */
export function redactField(field: string, value: unknown): unknown {
  return field === 'speaker' && value ? null : value;
}

/** The one redaction function for fragments: what a donor or another organisation may receive. */
export function redactFragment(f: Fragment): Fragment {
  const out: Fragment = { ...f, redacted: true, speaker: redactField('speaker', f.speaker) as null };
  delete out.files;
  delete out.createdBy;
  return out;
}

export function toInput(f: Fragment): FragmentInput {
  const { excerpt, locator, speaker, language, location, goals, themes, sensitivity } = f;
  return { sourceId: f.source.id, excerpt, locator, speaker, language, location, goals, themes, sensitivity: sensitivity as FragmentInput['sensitivity'] };
}
