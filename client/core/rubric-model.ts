// Rubric indicators as the client sees them: the scale (each level's label and descriptor in the
// interface language, the English where no translation was given), the scores with their reason
// and evidence (server/indicators/scores.ts), and the words every rubric screen writes the same way.
import { lang, t } from './i18n';
import type { MessageKey } from '../i18n/en';

export type LevelTexts = Partial<Record<'fr' | 'ar' | 'nl', string>>;
export type Level = { level: number; label: string; descriptor: string; labels?: LevelTexts; descriptors?: LevelTexts };
export type EvidenceKind = 'outcome' | 'story' | 'fragment';
export const EVIDENCE_KINDS: EvidenceKind[] = ['outcome', 'story', 'fragment'];
export type EvidenceRef = { kind: EvidenceKind; id: string };
/** Evidence as the server gives it to this reader: only records they may open, titled. */
export type EvidenceItem = EvidenceRef & { title?: string };
export type Score = { periodStart: string; periodEnd: string; level: number; status: 'draft' | 'validated'; reason: string | null; evidence: EvidenceItem[] };
export const TRANSLATIONS = ['fr', 'ar', 'nl'] as const;

const local = (english: string, texts?: LevelTexts) => {
  const l = lang();
  return (l !== 'en' && texts?.[l]) || english;
};
export const levelLabel = (l: Level) => local(l.label, l.labels);
export const levelDescriptor = (l: Level) => local(l.descriptor, l.descriptors);
/** Whether the level's words are shown in English for want of a translation. */
export const inEnglish = (l: Level) => lang() !== 'en' && !l.labels?.[lang() as keyof LevelTexts];

/** "2 — Women speak"; the level number alone where the scale does not have it. */
export function levelName(levels: Level[], n: number): string {
  const l = levels.find((x) => x.level === n);
  return l ? t('rubric.levelName', { n, label: levelLabel(l) }) : t('rubric.levelN', { n });
}

/** "Level 2 of 4: Women speak", for text that is read out of context (tooltips, screen readers). */
export function levelOutOf(levels: Level[], n: number): string {
  const l = levels.find((x) => x.level === n);
  return t('rubric.levelOutOf', { n, count: levels.length, label: l ? levelLabel(l) : '' });
}

/** A translation's language named in the interface language ("French", "français", "الفرنسية"). */

export const evidenceHref = (e: EvidenceRef) => `/${e.kind === 'story' ? 'stories' : `${e.kind}s`}/${e.id}`;
export const evidenceKindLabel = (k: EvidenceKind) => t(`rubric.evidence.${k}` as MessageKey);
