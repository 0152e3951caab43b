// Checks of indicators and values that need the database or the indicator itself: known goal
// codes, a programme the author works in, a partner of that programme, real countries, periods
// in order, declared disaggregations (fixed lists for country and sex; one spelling of each other
// breakdown value), whole numbers where the indicator counts, a rubric's levels
// (rubric.ts), no two values for one period and breakdown. Every failure names its path; a batch
// of values is checked whole, so each bad row is named at once.
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import { Problem, ProblemPath } from '../http/problem';
import { checkCountry } from '../domain/checks';
import type { IndicatorInput, Level, ValueInput } from './representation';
import { canonical } from './representation';
import { breakdownValuesOf, existingKeys, keyOf } from './repository';
import { checkRubric, checkScore } from './rubric';

const SEX = new Set(['female', 'male', 'other', 'total']);
/** Breakdowns whose values come from a fixed list; the others (regions, age groups, roles …) are kept to one spelling each. */
const FIXED = new Set(['country', 'sex']);

/** A breakdown value as compared: no accents, case, or differences of spaces, hyphens and apostrophes. */
export const spellingKey = (v: string) => v.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s\-_'’.]+/g, ' ').trim();

/**
 * "Segou" beside "Ségou" would make two series of one place: a value that differs from one the
 * indicator uses already (or an earlier row of the batch) only in accents, case or punctuation is
 * refused with the spelling in use. A value new in every way is a new breakdown value.
 */
function checkSpellings(rows: ValueInput[], known: Map<string, Set<string>>, prefix: (k: number) => string, errors: ProblemPath[]): void {
  const spelled = new Map<string, Map<string, string>>();
  for (const [key, values] of known) spelled.set(key, new Map([...values].map((v) => [spellingKey(v), v])));
  rows.forEach((v, k) => {
    for (const [key, value] of Object.entries(v.disaggregation ?? {})) {
      if (FIXED.has(key)) continue;
      const seen = spelled.get(key) ?? spelled.set(key, new Map()).get(key)!;
      const used = seen.get(spellingKey(value));
      if (used === undefined) seen.set(spellingKey(value), value);
      else if (used !== value) errors.push({ path: `${prefix(k)}/disaggregation/${key}`, message: `is written "${used}" in this indicator's values: use that spelling`, code: 'spelling' });
    }
  });
}

export async function checkIndicator(db: Db, i: IndicatorInput, errors: ProblemPath[] = []): Promise<void> {
  const goals = i.goals ?? [];
  const known = new Set<string>(goals.length ? await db('goals').whereIn('code', goals).pluck('code') : []);
  goals.forEach((c, k) => {
    if (!known.has(c)) errors.push({ path: `/goals/${k}`, message: `unknown goal code ${c}`, code: 'unknown_goal' });
  });
  const targets = i.targets ?? [];
  if (i.baseline && targets.some((t) => t.date < i.baseline!.date)) {
    errors.push({ path: '/targets', message: 'a target is dated before the baseline' });
  }
  checkRubric(i, errors);
  if (errors.length) throw new Problem('unprocessable', 'The indicator breaks a rule of the domain', errors);
}

/** Where a new indicator belongs, from the body and the author: 422 naming the field when it cannot. */
export async function placement(db: Db, user: CurrentUser, programmeId?: string, organisationId?: string) {
  const errors: ProblemPath[] = [];
  const orgId = user.role === 'partner' ? (organisationId ?? user.organisationId) : organisationId;
  if (user.role === 'partner' && orgId !== user.organisationId) errors.push({ path: '/organisationId', message: 'a partner records indicators of its own organisation' });
  if (user.role !== 'admin' && !programmeId) errors.push({ path: '/programmeId', message: 'is required: the programme the indicator belongs to' });
  if (programmeId && user.role !== 'admin' && !user.programmeIds.includes(programmeId)) {
    errors.push({ path: '/programmeId', message: 'no such programme among yours' });
  } else if (programmeId && !(await db('programmes').where({ id: programmeId }).first('id'))) {
    errors.push({ path: '/programmeId', message: 'no such programme' });
  }
  if (orgId && !programmeId) errors.push({ path: '/organisationId', message: "an organisation's indicator belongs to one of its programmes" });
  if (orgId && programmeId && !(await db('programme_partners').where({ programme_id: programmeId, organisation_id: orgId }).first('organisation_id'))) {
    errors.push({ path: '/organisationId', message: 'is not a partner organisation of the programme' });
  }
  return { programmeId: programmeId ?? null, organisationId: orgId ?? null, errors };
}

/** `levels`: the scale of a rubric, whose scores checkScore judges; undefined for a number. */
function checkOne(v: ValueInput, declared: Set<string>, whole: boolean, levels: Level[] | undefined, at: string, errors: ProblemPath[]): void {
  if (v.periodEnd < v.periodStart) errors.push({ path: `${at}/periodEnd`, message: 'is before periodStart', code: 'period_order' });
  if (!Number.isFinite(v.value)) errors.push({ path: `${at}/value`, message: 'is not a finite number', code: 'not_a_number' });
  else if (whole && !levels && !Number.isInteger(v.value)) errors.push({ path: `${at}/value`, message: 'is not a whole number: the indicator counts', code: 'not_whole' });
  checkScore(v, levels, at, errors);
  if (levels) return;
  for (const [key, val] of Object.entries(v.disaggregation ?? {})) {
    if (!declared.has(key)) errors.push({ path: `${at}/disaggregation/${key}`, message: `the indicator is not disaggregated by ${key}`, code: 'unknown_breakdown' });
    else if (key === 'country') checkCountry(val, `${at}/disaggregation/country`, errors);
    else if (key === 'sex' && !SEX.has(val)) errors.push({ path: `${at}/disaggregation/sex`, message: 'is not female, male, other or total', code: 'not_allowed' });
  }
}

/**
 * Checks a batch of values for one indicator (paths `/<row>/<field>`; `prefix` '' for a single
 * value). `ignore` is the value being edited, which may keep its own period; `found` are failures
 * found before (the evidence a scorer may not see), reported with these.
 */
export async function checkValues(
  db: Db, indicator: { id: string; disaggregations: string[]; wholeNumbers?: boolean; kind?: string; levels?: Level[] }, rows: ValueInput[], prefix: (k: number) => string,
  ignore?: string, found: ProblemPath[] = [],
): Promise<void> {
  const errors: ProblemPath[] = [];
  const levels = indicator.kind === 'rubric' ? indicator.levels ?? [] : undefined;
  const declared = new Set(indicator.disaggregations);
  const keys = rows.map((v) => ({ period_start: v.periodStart, period_end: v.periodEnd, disaggregation: canonical(v.disaggregation) }));
  const firstAt = new Map<string, number>();
  rows.forEach((v, k) => {
    checkOne(v, declared, !!indicator.wholeNumbers, levels, prefix(k), errors);
    const key = keyOf(keys[k]);
    if (firstAt.has(key)) errors.push({ path: prefix(k) || '/', message: `same period and disaggregation as row ${firstAt.get(key)}`, code: 'duplicate_row' });
    else firstAt.set(key, k);
  });
  if (!levels) checkSpellings(rows, await breakdownValuesOf(db, indicator.id, ignore), prefix, errors);
  errors.push(...found);
  if (errors.length) throw new Problem('unprocessable', 'Some values break a rule of the domain; none was saved', errors);
  const stored = await existingKeys(db, indicator.id, keys);
  if (ignore) stored.delete(ignore);
  const clashes: ProblemPath[] = keys.flatMap((k, i) => (stored.has(keyOf(k)) ? [{ path: prefix(i) || '/', message: 'a value for this period and disaggregation exists already', code: 'exists' }] : []));
  if (clashes.length) throw new Problem('already_exists', 'Some values exist already; none was saved', clashes);
}
