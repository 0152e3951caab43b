// Demo indicators: the real reference series (seeds/demo-reference-indicators.ts), the
// programme-level indicators of the two demo partners and their evaluator, with baselines,
// targets and values from 2021 through the third quarter of 2026, and the partners' rubrics
// (seeds/demo-rubrics.ts). Values up to 2025 are validated; the 2026 ones are drafts an
// evaluator has yet to check, so the donor's dashboard shows less than the partner's — as it would.
import { randomUUID } from 'node:crypto';
import type { Db } from '../server/db/knex';
import type { DemoIds } from './demo';
import { checkIndicator, checkValues } from '../server/indicators/rules';
import { toRow, ValueInput, valueToRow, IndicatorInput } from '../server/indicators/representation';
import { seedReferenceIndicators } from './demo-reference-indicators';
import { seedDemoRubrics } from './demo-rubrics';

type Periodicity = 'quarter' | 'half' | 'year';
type Series = { disaggregation: Record<string, string>; start: number; growth: number };
type DemoIndicator = IndicatorInput & { owner: 'partner1' | 'partner2' | null; every: Periodicity; series: Series[]; integer: boolean };

const DEMO: DemoIndicator[] = [
  {
    owner: 'partner1', every: 'half', integer: true, code: 'WLP-ML-COMMITTEE-WOMEN', name: 'Women members of the local reconciliation committees the programme supports',
    unit: 'women', direction: 'increase', goals: ['NL-IV-1.1', 'NL-IV-1.3'], disaggregations: ['country', 'region'], iatiMeasure: 1,
    baseline: { value: 6, date: '2021-01-01', note: 'Mopti and Ségou, count at programme start' }, targets: [{ value: 40, date: '2025-12-31' }, { value: 60, date: '2027-12-31' }],
    source: 'Committee membership lists collected by Femmes pour la Paix au Sahel each semester',
    series: [{ disaggregation: { country: 'ML', region: 'Mopti' }, start: 4, growth: 2.1 }, { disaggregation: { country: 'ML', region: 'Ségou' }, start: 2, growth: 1.4 }],
  },
  {
    owner: 'partner1', every: 'quarter', integer: true, code: 'WLP-ML-GBV-REFERRALS', name: 'Survivors of gender-based violence referred to legal, medical or psychosocial services',
    unit: 'people', direction: 'increase', goals: ['NL-IV-3.1', 'NL-IV-4.1'], disaggregations: ['country', 'sex'], iatiMeasure: 1,
    baseline: { value: 45, date: '2021-03-31' }, targets: [{ value: 120, date: '2025-12-31' }, { value: 150, date: '2027-12-31' }],
    source: "Referral register of the partner's listening centres in Mopti, Sévaré and Ségou",
    series: [{ disaggregation: { country: 'ML', sex: 'female' }, start: 41, growth: 3.2 }, { disaggregation: { country: 'ML', sex: 'male' }, start: 4, growth: 0.3 }],
  },
  {
    owner: 'partner2', every: 'year', integer: true, code: 'WLP-SD-MEDIATORS', name: 'Women mediators who led at least one community dispute resolution in the year',
    unit: 'women', direction: 'increase', goals: ['NL-IV-1.2', 'NL-IV-2.1'], disaggregations: ['country'], iatiMeasure: 1,
    baseline: { value: 12, date: '2021-01-01' }, targets: [{ value: 80, date: '2026-12-31' }],
    source: 'Mediation logbooks of the Nisaa Peace Network',
    series: [{ disaggregation: { country: 'SD' }, start: 9, growth: 9 }, { disaggregation: { country: 'SS' }, start: 3, growth: 4 }],
  },
  {
    owner: 'partner2', every: 'year', integer: false, code: 'WLP-SD-MARKET-SAFETY', name: 'Women in surveyed communities who avoid markets for fear of harassment',
    unit: 'percent of women surveyed', direction: 'decrease', goals: ['NL-IV-3.1', 'NL-IV-2.1'], disaggregations: ['country'], iatiMeasure: 2,
    baseline: { value: 62, date: '2021-06-30', note: 'household survey, n = 640' }, targets: [{ value: 40, date: '2026-12-31' }],
    source: 'Annual community safety survey (Khartoum, Kassala and White Nile states; Sudan survey suspended in 2023)',
    series: [{ disaggregation: {}, start: 61.5, growth: -3.6 }],
  },
  {
    owner: null, every: 'year', integer: true, code: 'WLP-POLICY-CHANGES', name: 'Laws, policies and by-laws adopted or amended with a contribution of the programme (cumulative)',
    unit: 'policies', direction: 'increase', goals: ['NL-IV-1', 'NL-IV-3'], disaggregations: ['country'], iatiMeasure: 1,
    baseline: { value: 0, date: '2021-01-01' }, targets: [{ value: 8, date: '2025-12-31' }, { value: 12, date: '2027-12-31' }],
    source: "Programme evaluators' register of policy outcomes, substantiated in the annual harvest",
    series: [{ disaggregation: {}, start: 1, growth: 1.6 }, { disaggregation: { country: 'ML' }, start: 1, growth: 0.9 }, { disaggregation: { country: 'SD' }, start: 0, growth: 0.5 }],
  },
];

const LAST_END = '2026-09-30';
const MONTHS: Record<Periodicity, number> = { quarter: 3, half: 6, year: 12 };
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

/** Periods from 2021 up to the end of Q3 2026 (a partial year is cut at the end of September). */
function periods(every: Periodicity): Array<{ start: string; end: string }> {
  const out: Array<{ start: string; end: string }> = [];
  for (let y = 2021; y <= 2026; y++) {
    for (let m = 1; m <= 12; m += MONTHS[every]) {
      const start = `${y}-${String(m).padStart(2, '0')}-01`;
      if (start > LAST_END) return out;
      const end = lastDay(y, m + MONTHS[every] - 1);
      out.push({ start, end: end > LAST_END ? LAST_END : end });
    }
  }
  return out;
}

function valuesOf(d: DemoIndicator): ValueInput[] {
  return d.series.flatMap((s) => periods(d.every).map((p, k) => {
    // a steady trend with a small, repeatable wobble; Sudan's 2023 survey did not happen
    const wobble = ((k * 7919) % 11) / 10 - 0.5;
    const raw = Math.max(0, s.start + s.growth * k + wobble * Math.abs(s.growth));
    return {
      periodStart: p.start, periodEnd: p.end, value: d.integer ? Math.round(raw) : Math.round(raw * 10) / 10, disaggregation: s.disaggregation,
      status: p.end < '2026-01-01' ? 'validated' as const : 'draft' as const,
      note: p.end === LAST_END && d.every !== 'quarter' ? 'partial period: January to September 2026' : null,
    };
  }).filter((v) => !(d.code === 'WLP-SD-MARKET-SAFETY' && v.periodStart.startsWith('2023'))));
}

async function seedProgrammeIndicators(db: Db, ids: DemoIds, now: string): Promise<void> {
  for (const d of DEMO) {
    if (await db('indicators').where({ code: d.code }).first('id')) continue;
    const { owner, every: _e, series: _s, integer: _i, ...rest } = d;
    const input: IndicatorInput = { ...rest, wholeNumbers: d.integer, aggregation: d.integer ? 'sum' : 'none' };
    await checkIndicator(db, input);
    const id = randomUUID();
    const orgId = owner ? ids.orgs[owner] : null;
    const author = owner ? ids.users[owner === 'partner1' ? 'partner@oogst.test' : 'partner2@oogst.test'] : ids.users['evaluator@oogst.test'];
    await db('indicators').insert({ id, ...toRow(input), programme_id: ids.programmeId, organisation_id: orgId, created_by: author, created_at: now, updated_at: now });
    await db('indicator_goals').insert((input.goals ?? []).map((g) => ({ indicator_id: id, goal_code: g })));
    const values = valuesOf(d);
    await checkValues(db, { id, disaggregations: input.disaggregations ?? [], wholeNumbers: d.integer }, values, (k) => `/${d.code}/${k}`);
    // reported by the partner whose indicator it is, else by the evaluators' organisation
    const reporter = orgId ?? ids.orgs.evaluator;
    await db.batchInsert('indicator_values', values.map((v) => ({
      id: randomUUID(), indicator_id: id, ...valueToRow(v), organisation_id: reporter, created_by: author, created_at: now, updated_at: now,
    })), 200);
  }
}

export async function seedDemoIndicators(db: Db, ids: DemoIds): Promise<void> {
  const now = new Date().toISOString();
  await seedReferenceIndicators(db, now);
  await seedProgrammeIndicators(db, ids, now);
  await seedDemoRubrics(db, ids, now);
}
