// Stories of change and research fragments as the API returns them (with what the reader may do: `can`).
import type { Consent, Profile } from '../components/consent';
import type { Can, GoalTag } from './outcome-model';

export type RecordStatus = 'draft' | 'submitted' | 'published';
export type Story = {
  // what a draft lacks yet is null (`missing` lists it)
  id: string; status: RecordStatus; title: string; story: string | null; whySignificant: string | null; domain: string | null; harvestId: string | null;
  collectedBy: string | null; collectedOn: string | null; location: { country: string | null; adminArea?: string }; language: string | null;
  storyteller: Profile | null; consent: Consent | null; goals: GoalTag[]; sensitivity: 'public' | 'restricted' | 'confidential' | null;
  organisation: { id: string; name: string }; translations?: Array<{ language: string; title: string; story: string; whySignificant?: string | null; translatedBy?: string | null }>;
  redacted?: boolean; can?: Can<RecordStatus>; createdAt: string; updatedAt: string; missing?: string[];
};
export type Source = { id: string; title: string; type: string; author: string | null; year: number; url: string | null; confidentiality: 'public' | 'internal' };
export type Fragment = {
  id: string; status: RecordStatus; source: Source; excerpt: string; locator: string | null; speaker: (Profile & { consent?: Consent | null }) | null;
  language: string; location: { country: string; adminArea?: string } | null; goals: GoalTag[]; themes: string[]; sensitivity: string;
  organisation: { id: string; name: string }; redacted?: boolean; can?: Can<RecordStatus>; createdAt?: string; updatedAt?: string;
};

export const RECOMMENDED_DOMAINS = ['any-other-change', 'negative-change'];
export const SOURCE_TYPES = ['interview', 'focus_group', 'report', 'survey_answer', 'media', 'other'];
