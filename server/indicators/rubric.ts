// The rules of a rubric — a qualitative indicator whose value is a level on an ordered scale:
// levels numbered 1 … n, the lowest first; a baseline and targets that are levels of it; no
// breakdowns; each score a level of the scale with the reason for it. A scale is locked once a
// period is scored: the number of levels and their English wording stay as they were scored
// against (a changed scale would change the meaning of every score), while translations may still
// be added or corrected. A number takes neither levels nor reasons.
import type { ProblemPath } from '../http/problem';
import { RUBRIC_SHAPE, type Indicator, type IndicatorInput, type Level, type ValueInput } from './representation';

const isLevel = (v: number, n: number) => Number.isInteger(v) && v >= 1 && v <= n;

/** A new rubric as stored: the fields a number has, fixed. */
export function rubricInput(i: IndicatorInput): IndicatorInput {
  return i.kind === 'rubric' ? { ...i, ...RUBRIC_SHAPE, disaggregations: [] } : i;
}

function checkScale(levels: Level[], errors: ProblemPath[]): void {
  levels.forEach((l, k) => {
    if (l.level !== k + 1) errors.push({ path: `/levels/${k}/level`, message: `is ${l.level}: the levels are numbered 1 to ${levels.length}, the lowest first`, code: 'level_order' });
  });
}

/** The rubric's own rules on an indicator (created, or a revision merged with what it was). */
export function checkRubric(i: IndicatorInput, errors: ProblemPath[]): void {
  if (i.kind !== 'rubric') {
    if (i.levels?.length) errors.push({ path: '/levels', message: 'only a rubric has levels', code: 'not_rubric' });
    return;
  }
  const levels = i.levels ?? [];
  checkScale(levels, errors);
  const not = (path: string, what: string) => errors.push({ path, message: `a rubric has levels, not ${what}`, code: 'rubric_shape' });
  if (i.unit !== RUBRIC_SHAPE.unit) not('/unit', 'a unit');
  if (i.direction !== RUBRIC_SHAPE.direction) not('/direction', 'a direction (its levels go up)');
  if (i.disaggregations?.length) not('/disaggregations', 'breakdowns');
  if (i.aggregation && i.aggregation !== RUBRIC_SHAPE.aggregation) not('/aggregation', 'an aggregation');
  if (i.wholeNumbers === false) not('/wholeNumbers', 'fractions');
  const off = (path: string, v: number) => {
    if (!isLevel(v, levels.length)) errors.push({ path, message: `is not a level of the rubric: a whole number from 1 to ${levels.length}`, code: 'not_a_level' });
  };
  if (i.baseline) off('/baseline/value', i.baseline.value);
  (i.targets ?? []).forEach((t, k) => off(`/targets/${k}/value`, t.value));
}

/** Once a period is scored, a revision may translate the levels but not change the scale. */
export function lockedScale(before: Indicator, levels: Level[] | undefined, scored: boolean): ProblemPath[] {
  if (!scored || !levels || before.kind !== 'rubric') return [];
  const was = before.levels ?? [];
  const same = was.length === levels.length && was.every((l, k) => l.label === levels[k].label && l.descriptor === levels[k].descriptor);
  return same ? [] : [{ path: '/levels', message: 'periods are scored against this scale: its levels and their English wording stay; translations may change', code: 'levels_locked' }];
}

/** One value against the kind of its indicator: a level with its reason, or a number without. */
export function checkScore(v: ValueInput, levels: Level[] | undefined, at: string, errors: ProblemPath[]): void {
  if (!levels) {
    if (v.reason) errors.push({ path: `${at}/reason`, message: 'only a rubric\'s score has a reason: use the note', code: 'not_rubric' });
    if (v.evidence?.length) errors.push({ path: `${at}/evidence`, message: 'only a rubric\'s score has evidence', code: 'not_rubric' });
    return;
  }
  if (Number.isFinite(v.value) && !isLevel(v.value, levels.length)) {
    errors.push({ path: `${at}/value`, message: `is not a level of the rubric: a whole number from 1 to ${levels.length}`, code: 'not_a_level' });
  }
  if (!v.reason?.trim()) errors.push({ path: `${at}/reason`, message: 'is required: why this level', code: 'required' });
  if (Object.keys(v.disaggregation ?? {}).length) errors.push({ path: `${at}/disaggregation`, message: 'a rubric is scored as a whole, without breakdowns', code: 'no_breakdowns' });
}
