// Stories of change and research fragments as the API returns them, and who may move them.
import type { Me } from './session';
import type { Consent, Profile } from '../components/consent';
import type { GoalTag } from './outcome-model';

export type RecordStatus = 'draft' | 'submitted' | 'published';
export type Story = {
  id: string; status: RecordStatus; title: string; story: string; whySignificant: string; domain: string; harvestId: string | null;
  collectedBy: string | null; collectedOn: string; location: { country: string; adminArea?: string }; language: string;
  storyteller: Profile | null; consent: Consent | null; goals: GoalTag[]; sensitivity: 'public' | 'restricted' | 'confidential';
  organisation: { id: string; name: string }; translations?: Array<{ language: string; title: string; story: string; whySignificant?: string | null; translatedBy?: string | null }>;
  redacted?: boolean; createdAt: string; updatedAt: string;
};
export type Source = { id: string; title: string; type: string; author: string | null; year: number; url: string | null; confidentiality: 'public' | 'internal' };
export type Fragment = {
  id: string; status: RecordStatus; source: Source; excerpt: string; locator: string | null; speaker: (Profile & { consent?: Consent | null }) | null;
  language: string; location: { country: string; adminArea?: string } | null; goals: GoalTag[]; themes: string[]; sensitivity: string;
  organisation: { id: string; name: string }; redacted?: boolean; createdAt?: string; updatedAt?: string;
};

/** draft → submitted (its organisation), submitted → published or back to draft (evaluators). */
export function recordMoves(user: Me | null, r: { status: RecordStatus; organisation: { id: string } }): Array<{ to: RecordStatus; comment: boolean }> {
  if (!user) return [];
  const own = user.organisation.id === r.organisation.id;
  const reviewer = user.role === 'evaluator' || user.role === 'admin';
  const moves: Array<{ to: RecordStatus; comment: boolean }> = [];
  if (r.status === 'draft' && (own || user.role === 'admin') && user.role !== 'donor') moves.push({ to: 'submitted', comment: false });
  if (r.status === 'draft' && reviewer && own) moves.push({ to: 'published', comment: false });
  if (r.status === 'submitted' && reviewer) moves.push({ to: 'published', comment: false }, { to: 'draft', comment: true });
  return moves;
}

export const RECOMMENDED_DOMAINS = ['any-other-change', 'negative-change'];
export const SOURCE_TYPES = ['interview', 'focus_group', 'report', 'survey_answer', 'media', 'other'];
