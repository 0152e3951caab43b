// The outcome record as the API returns it, and what the client derives from it: its period,
// its lifecycle moves per role, the labels of its enumerations.

import { formatDate, t } from './i18n';

export type Status = 'draft' | 'submitted' | 'under_review' | 'substantiated' | 'partly_substantiated' | 'not_substantiated' | 'published' | 'retracted';
export const STATUSES: Status[] = ['draft', 'submitted', 'under_review', 'substantiated', 'partly_substantiated', 'not_substantiated', 'published', 'retracted'];
export type Precision = 'day' | 'month' | 'year';
export type EvidenceItem = { kind: 'document' | 'link' | 'informant'; title?: string; url?: string; date?: string; role?: string; name?: string; contact?: string };
export type GoalTag = { code: string; primary?: boolean };
export type Translation = { language: string; title: string; description: string | null; significance: string | null; contribution: string | null; createdAt: string; translatedBy?: string | null };

export type Can<S = Status> = { edit: boolean; transitions: Array<{ to: S; comment: boolean }> };
export type Outcome = {
  id: string; status: Status; title: string; description: string;
  socialActor: { name?: string | null; type: string | null }; changeType: string | null; quadrant: string | null;
  /** null in a draft that has no date yet (what a draft lacks is null; `missing` lists it) */
  occurredOn: { date: string; precision: Precision } | null;
  location: { country: string | null; adminArea?: string; lat?: number; lon?: number };
  significance: string; contribution: string; positive: boolean; intended: boolean;
  sensitivity: 'public' | 'restricted' | 'confidential'; language: string; goals: GoalTag[];
  harvestId: string | null; evidence?: EvidenceItem[]; organisation: { id: string; name: string };
  /** what the reader may do now, as the server will check it */
  can?: Can; redacted?: boolean; createdAt: string; updatedAt: string; submittedAt?: string | null; publishedAt?: string | null;
  conclusion?: string | null; translations?: Translation[];
  /** a draft's: what it still needs before it is submitted, as JSON pointers */
  missing?: string[];
};

/** What the form edits: every field present (a draft's gaps filled with the form's blanks). */
export type OutcomeInput = Omit<Outcome, 'id' | 'status' | 'organisation' | 'redacted' | 'createdAt' | 'updatedAt' | 'submittedAt' | 'publishedAt' | 'translations' | 'conclusion' | 'missing' | 'socialActor' | 'changeType' | 'quadrant' | 'occurredOn' | 'location'> & {
  socialActor: { name?: string; type: string }; changeType: string; quadrant: string;
  occurredOn: { date: string; precision: Precision }; location: { country: string; adminArea?: string; lat?: number; lon?: number };
};

export const ACTOR_TYPES = ['individual', 'community', 'civil_society', 'womens_organisation', 'youth_group', 'religious_leaders', 'traditional_authority',
  'local_government', 'national_government', 'security_sector', 'justice_sector', 'armed_group', 'private_sector', 'media', 'international_organisation', 'other'] as const;

export const CONTENT_LANGUAGES = ['en', 'fr', 'ar', 'nl', 'es', 'pt', 'uk', 'ru', 'so', 'sw', 'ha', 'am', 'ti', 'ff', 'bm'];

/** The whole period an outcome's date stands for, as UTC dates [start, end]. */
export function periodOf(on: { date: string; precision: Precision }): [Date, Date] {
  const [y, m = 1, d = 1] = on.date.split('-').map(Number);
  if (on.precision === 'year') return [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y, 11, 31))];
  if (on.precision === 'month') return [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 0))];
  const day = new Date(Date.UTC(y, m - 1, d));
  return [day, day];
}

/** An outcome placed in time: every outcome once submitted, a draft once it has its date. */
export type Dated<T extends { occurredOn: Outcome['occurredOn'] }> = T & { occurredOn: NonNullable<Outcome['occurredOn']> };
export const isDated = <T extends { occurredOn: Outcome['occurredOn'] }>(o: T): o is Dated<T> => !!o.occurredOn;

/** When it happened, as precisely as known — or that a draft does not say yet. */
export const whenOf = (o: { occurredOn: Outcome['occurredOn'] }) => (o.occurredOn ? formatDate(o.occurredOn.date, o.occurredOn.precision) : t('draft.noDate'));

export const midpoint = ([a, b]: [Date, Date]) => new Date((a.getTime() + b.getTime()) / 2);

export function blankOutcome(language: string): OutcomeInput {
  return {
    title: '', description: '', socialActor: { name: '', type: 'community' }, changeType: '', quadrant: '',
    occurredOn: { date: '', precision: 'day' }, location: { country: '' }, significance: '', contribution: '',
    positive: true, intended: true, sensitivity: 'restricted', language, goals: [], harvestId: null, evidence: [],
  };
}

/** Only the fields the API accepts on create/patch (the record also carries read-only fields); what a draft lacks, as the form's blanks. */
export function toInput(o: Outcome | OutcomeInput, language = o.language ?? 'en'): OutcomeInput {
  const blank = blankOutcome(language);
  const { title, description, socialActor, changeType, quadrant, occurredOn, location, significance, contribution, positive, intended, sensitivity, goals, harvestId, evidence } = o;
  return {
    title, description: description ?? '', socialActor: { name: socialActor?.name ?? '', type: socialActor?.type ?? blank.socialActor.type },
    changeType: changeType ?? '', quadrant: quadrant ?? '', occurredOn: occurredOn ?? blank.occurredOn,
    location: { ...location, country: location?.country ?? '' }, significance: significance ?? '', contribution: contribution ?? '',
    positive: positive ?? blank.positive, intended: intended ?? blank.intended, sensitivity: sensitivity ?? blank.sensitivity, language: o.language ?? language,
    goals, harvestId, evidence,
  };
}

/**
 * What is sent when a draft is saved: what is filled in. A draft may lack anything but its title;
 * the codes and the date it lacks are left out rather than sent empty, so the server's
 * completeness check (on submission) names each of them.
 */
export function draftBody(o: OutcomeInput): Partial<OutcomeInput> {
  const { changeType, quadrant, occurredOn, location, socialActor, ...rest } = o;
  const { country, ...place } = location;
  return {
    ...rest, ...(changeType && { changeType }), ...(quadrant && { quadrant }), ...(occurredOn.date && { occurredOn }),
    location: { ...place, ...(country && { country }) } as OutcomeInput['location'],
    socialActor: { type: socialActor.type, ...(socialActor.name?.trim() && { name: socialActor.name }) },
  };
}
