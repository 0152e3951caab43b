// The rubrics of the change-over-time chart: each as a row of the indicator band, drawn as steps
// over its levels (client/charts/timeline.ts), and the table that says the same in words — per
// indicator and period, the level, the reason and how many records it rests on (those the reader
// may open: the server sends no others).
import { formatDate, localName, t } from '../core/i18n';
import { targetFor } from '../core/indicator-model';
import { levelName, type Level } from '../core/rubric-model';
import type { TimelineIndicator } from '../charts/timeline';
import type { TimelineIndicatorApi } from './data';

export type RubricApi = TimelineIndicatorApi & {
  kind: 'rubric'; levels: Level[];
  scores: Array<{ bucket: string; period: { start: string; end: string }; level: number; reason: string | null; evidence: Array<{ kind: string; id: string }> }>;
};
export const isRubricLine = (i: TimelineIndicatorApi): i is RubricApi => (i as { kind?: string }).kind === 'rubric';

const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** A rubric as a row of the band: its scores held across their periods, the baseline and the target level that applies after the last one. */
export function rubricRow(i: RubricApi): TimelineIndicator {
  const names = i.levels.map((l) => levelName(i.levels, l.level));
  const last = i.scores.at(-1)?.period.end;
  const target = targetFor(i.targets, last);
  return {
    key: i.code, label: localName(i), unit: t('rubric.kindText', { count: i.levels.length }), total: true, levels: names,
    series: [{ label: '', points: i.scores.map((s) => ({ date: day(s.period.end), start: day(s.period.start), value: s.level })) }],
    baseline: i.baseline ? { date: day(i.baseline.date), value: i.baseline.value } : null,
    target: target ? { date: day(target.date), value: target.value } : null,
    note: target ? t('rubric.targetBy', { level: levelName(i.levels, target.value), year: formatDate(target.date, 'year') }) : undefined,
  };
}

/** The rubrics' scores in words, for the table view of the chart. */
export function rubricScoresTable(lines: RubricApi[]) {
  return {
    columns: [t('dash.col.indicator'), t('ind.period'), t('rubric.level'), t('rubric.reason'), t('rubric.evidence')],
    rows: lines.flatMap((i) => i.scores.map((s) => [localName(i), `${formatDate(s.period.start, 'month')} – ${formatDate(s.period.end, 'month')}`,
      levelName(i.levels, s.level), s.reason ?? '', t('rubric.evidenceCount', { count: s.evidence.length })])),
    numeric: [],
  };
}
