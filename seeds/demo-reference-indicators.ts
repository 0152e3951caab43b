// The real indicator series of seeds/demo/indicators.json (a copy of ../shared/reference/
// demo-indicators.json) as global indicators: ISO alpha-3 countries become alpha-2 through
// i18n-iso-countries, period labels (2006, 2017/18, 1990-2000) become start and end dates, and
// what is context rather than a breakdown (reference dates, bounds, ranks, counts, a caveat) goes
// into the value's note. The rows pass the same checks as values entered through the API.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import countries from 'i18n-iso-countries';
import type { Db } from '../server/db/knex';
import { SEEDS_DIR } from '../server/core/paths';
import { checkIndicator, checkValues } from '../server/indicators/rules';
import { canonical, toRow, ValueInput, valueToRow } from '../server/indicators/representation';

type SourceValue = { period: string; value: number; disaggregation?: Record<string, string | number>; note?: string; unit?: string; verified?: boolean; qualifier?: string };
type SourceIndicator = { code: string; name: string; unit: string; source: string; source_url?: string; notes?: string; goals: string[]; values: SourceValue[] };

/** Keys that split a series; everything else in a source disaggregation is context for the note. */
const DIMENSIONS = new Set(['age', 'role', 'scope', 'marker']);
const CONTEXT_LABELS: Record<string, string> = {
  reference_date: 'reference date', lower_bound: 'lower bound', upper_bound: 'upper bound', rank: 'rank',
  agreements_with_provisions: 'agreements with provisions', agreements_total: 'agreements in total', usd_bn_per_year: 'USD bn per year', usd_bn: 'USD bn',
};
// Lower is better for violence; every other series here measures presence or resources.
const DECREASING = new Set(['SDG-5.2.1-IPV']);

/** A period label as dates: 2006 → the year; 2017/18 and 1990-2000 → from the first year to the end of the last. */
export function periodOfLabel(label: string): { start: string; end: string } | undefined {
  const one = /^(\d{4})$/.exec(label);
  if (one) return { start: `${one[1]}-01-01`, end: `${one[1]}-12-31` };
  const span = /^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/.exec(label);
  if (!span) return undefined;
  const first = Number(span[1]);
  let last = Number(span[2]);
  if (span[2].length === 2) last = Math.floor(first / 100) * 100 + last + (last < first % 100 ? 100 : 0);
  return last >= first ? { start: `${first}-01-01`, end: `${last}-12-31` } : undefined;
}

/** A country of the source as ISO alpha-2: from its alpha-3 code, else from its English name. */
export function countryOf(d: Record<string, string | number>): string | undefined {
  if (typeof d.iso3 === 'string') return countries.alpha3ToAlpha2(d.iso3) ?? undefined;
  return typeof d.area === 'string' ? countries.getAlpha2Code(d.area, 'en') ?? undefined : undefined;
}

function valueOf(v: SourceValue): ValueInput {
  const period = periodOfLabel(v.period);
  if (!period) throw new Error(`demo indicators: unreadable period ${v.period}`);
  const d = v.disaggregation ?? {};
  const country = countryOf(d);
  const disaggregation: Record<string, string> = {};
  if (country) disaggregation.country = country;
  else if (typeof d.area === 'string') disaggregation.area = d.area;
  for (const [k, val] of Object.entries(d)) if (DIMENSIONS.has(k)) disaggregation[k] = String(val);
  if (v.unit) disaggregation.measure = v.unit; // a value in another unit is another series, never mixed in
  const context = Object.entries(d).filter(([k]) => CONTEXT_LABELS[k]).map(([k, val]) => `${CONTEXT_LABELS[k]} ${val}`);
  const note = [...context, v.qualifier, v.verified === false ? 'not verified against the primary source' : undefined, v.note]
    .filter(Boolean).join('; ');
  return { periodStart: period.start, periodEnd: period.end, value: v.value, disaggregation, note: note || null, status: 'validated' };
}

/** Two source rows for one period and breakdown (two estimates): the first stays, the other is noted. */
function dedupe(values: ValueInput[]): ValueInput[] {
  const seen = new Map<string, ValueInput>();
  for (const v of values) {
    const key = `${v.periodStart}|${v.periodEnd}|${canonical(v.disaggregation)}`;
    const first = seen.get(key);
    if (first) first.note = [first.note, `another estimate: ${v.value}`].filter(Boolean).join('; ');
    else seen.set(key, v);
  }
  return [...seen.values()];
}

export function readReferenceIndicators(): SourceIndicator[] {
  return JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'demo', 'indicators.json'), 'utf8')) as SourceIndicator[];
}

/** Loads the reference series as global indicators with validated values; skips codes already there. */
export async function seedReferenceIndicators(db: Db, now = new Date().toISOString()): Promise<void> {
  for (const src of readReferenceIndicators()) {
    if (await db('indicators').where({ code: src.code }).first('id')) continue;
    const values = dedupe(src.values.map(valueOf));
    const disaggregations = [...new Set(values.flatMap((v) => Object.keys(v.disaggregation ?? {})))].sort();
    const input = {
      code: src.code, name: src.name, unit: src.unit, direction: DECREASING.has(src.code) ? 'decrease' as const : 'increase' as const,
      goals: src.goals, disaggregations, source: src.source, sourceUrl: src.source_url, notes: src.notes,
      iatiMeasure: /percent/i.test(src.unit) ? 2 : 1,
      // country figures of a global series: shares, indices and sums over unrelated countries, never one total
      aggregation: 'none' as const,
    };
    await checkIndicator(db, input);
    const id = randomUUID();
    await db('indicators').insert({ id, ...toRow(input), programme_id: null, organisation_id: null, created_at: now, updated_at: now });
    await db('indicator_goals').insert(src.goals.map((g) => ({ indicator_id: id, goal_code: g })));
    await checkValues(db, { id, disaggregations }, values, (k) => `/${src.code}/${k}`);
    const rows = values.map((v) => ({ id: randomUUID(), indicator_id: id, ...valueToRow(v), organisation_id: null, created_at: now, updated_at: now }));
    await db.batchInsert('indicator_values', rows, 200);
  }
}
