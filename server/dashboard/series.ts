// The indicator lines of the change-over-time chart: the visible indicators linked to the lanes'
// goals — the reader's own programmes' first, then other programmes', then the global reference
// series (`programmeId` null), which the chart keeps in a context band of its own — and per series
// (one disaggregation) the value of each bucket: the one whose period ends last in it, since most
// indicators are levels (a share, an index) that must not be summed over time. A value belongs to
// the bucket holding its period's end, and to the range when its whole period lies within it, as
// dated records do. Picked in SQL. The total of each bucket follows the one rule of
// indicators/totals.ts (reported, else the sum of a complete breakdown where they add up). A
// rubric (kind 'rubric') also brings its levels and, per bucket, the score its total stands for:
// the level, the reason and the evidence as ids of the records this reader may open, nothing more.
import type { Knex } from 'knex';
import { Db, isPostgres } from '../db/knex';
import type { CurrentUser } from '../http/types';
import { whereIndicatorVisible, whereValueVisible } from '../indicators/access';
import { totalsByPeriod, type Cell } from '../indicators/totals';
import { levelsOf } from '../indicators/repository';
import { scoresOf, type Score } from '../indicators/scores';
import type { EvidenceRef, Level } from '../indicators/representation';
import { Bucket, bucketSql, labelOf } from './buckets';
import { namesOf } from '../reference/language';

type Options = { bucket: Bucket; from: string; to: string; countries?: string[]; programmeIds?: string[] };
type Series = { disaggregation: Record<string, string>; values: Array<{ bucket: string; value: number }> };
type Dated = { value: number; date: string };
type BucketScore = { bucket: string; period: { start: string; end: string }; level: number; reason: string | null; evidence: EvidenceRef[] };
export type IndicatorLine = {
  code: string; name: string; unit: string; direction: string; programmeId: string | null; aggregation: 'sum' | 'none';
  /** the name and the unit in French, Arabic and Dutch where given */
  names: Record<string, string>; unitNames: Record<string, string>;
  /** the words among the breakdowns' values in those languages: {area: {World: {fr: 'Monde'}}} */
  breakdownNames: Record<string, Record<string, Record<string, string>>>;
  baseline: Dated | null; targets: Dated[]; goals: string[]; series: Series[];
  total: Array<{ bucket: string; value: number; computed?: 'sum'; differs?: true }>;
  kind: 'number' | 'rubric'; levels?: Level[]; scores?: BucketScore[];
};

/** Visible indicators linked to a goal under one of the lanes (programme filter: theirs and global ones). */
async function linkedIndicators(db: Db, user: CurrentUser, lanes: () => Knex.QueryBuilder, programmeIds?: string[]) {
  const qb = lanes().from('indicators as i').join('indicator_goals as ig', 'ig.indicator_id', 'i.id').join('lane_map as lm', 'lm.code', 'ig.goal_code');
  whereIndicatorVisible(qb, user);
  if (programmeIds) qb.where((w) => w.whereNull('i.programme_id').orWhereIn('i.programme_id', programmeIds));
  const rows = await qb.distinct('i.id', 'i.code', 'i.name', 'i.unit', 'i.direction', 'i.programme_id', 'i.aggregation', 'i.baseline_value', 'i.baseline_date', 'i.targets', 'i.kind', 'i.names', 'i.unit_names', 'i.breakdown_names', 'lm.lane')
    .orderBy(['i.code', 'lm.lane']);
  const rank = (programmeId: string | null) => (!programmeId ? 2 : user.programmeIds.includes(programmeId) ? 0 : 1);
  rows.sort((a, b) => rank(a.programme_id) - rank(b.programme_id));
  const byId = new Map<string, IndicatorLine & { id: string }>();
  for (const r of rows) {
    const line: IndicatorLine & { id: string } = byId.get(r.id) ?? {
      id: r.id, code: r.code, name: r.name, unit: r.unit, direction: r.direction, programmeId: r.programme_id ?? null, aggregation: r.aggregation,
      names: namesOf(r.names), unitNames: namesOf(r.unit_names), breakdownNames: JSON.parse(r.breakdown_names ?? '{}'),
      baseline: r.baseline_date ? { value: Number(r.baseline_value), date: r.baseline_date } : null,
      targets: (JSON.parse(r.targets ?? '[]') as Dated[]).map((t) => ({ value: t.value, date: t.date })), goals: [], series: [], total: [], kind: r.kind ?? 'number',
    };
    line.goals.push(r.lane);
    byId.set(r.id, line);
  }
  return byId;
}

export async function indicatorSeries(db: Db, user: CurrentUser, lanes: () => Knex.QueryBuilder, o: Options): Promise<IndicatorLine[]> {
  const lines = await linkedIndicators(db, user, lanes, o.programmeIds);
  if (!lines.size) return [];
  const cell = bucketSql(o.bucket, 'v.period_end');
  const inner = db('indicator_values as v').join('indicators as i', 'i.id', 'v.indicator_id')
    .whereIn('v.indicator_id', [...lines.keys()]).where('v.period_start', '>=', o.from).where('v.period_end', '<=', o.to)
    .where('v.period_end', '>=', o.from); // implied, but lets the index seek the range by period end
  whereValueVisible(inner, user);
  if (o.countries) inner.whereIn('v.country', o.countries);
  const rows: Array<{ indicator_id: string; disaggregation: string; cell: string; value: number }> = isPostgres(db)
    ? await db.from(inner.select('v.indicator_id', 'v.disaggregation', 'v.value', db.raw(`${cell} as cell`))
      .select(db.raw(`row_number() over (partition by v.indicator_id, v.disaggregation, ${cell} order by v.period_end desc, v.period_start desc) as rn`)).as('x'))
      .where('rn', 1).orderBy(['indicator_id', 'disaggregation', 'cell']).select('indicator_id', 'disaggregation', 'cell', 'value')
    // SQLite takes the bare columns of a max() group from the row holding the max: the latest value, without a window
    : await inner.select('v.indicator_id', 'v.disaggregation', db.raw(`${cell} as cell`), 'v.value', db.raw("max(v.period_end || v.period_start) as latest"))
      .groupBy('v.indicator_id', 'v.disaggregation', 'cell').orderBy(['v.indicator_id', 'v.disaggregation', 'cell']);
  let current: Series | undefined;
  let key = '';
  for (const r of rows) {
    if (`${r.indicator_id}|${r.disaggregation}` !== key) {
      key = `${r.indicator_id}|${r.disaggregation}`;
      current = { disaggregation: JSON.parse(r.disaggregation), values: [] };
      lines.get(r.indicator_id)!.series.push(current);
    }
    current!.values.push({ bucket: r.cell, value: Number(r.value) });
  }
  for (const line of lines.values()) line.total = totalLine(line);
  await addScores(db, user, lines, o);
  return [...lines.values()].map(({ id: _id, ...line }) => line);
}

/**
 * A rubric's levels, and per bucket the score its total shows (the one whose period ends last in
 * it). A rubric is scored as a whole, so a country filter leaves it without scores, as its total.
 */
async function addScores(db: Db, user: CurrentUser, lines: Map<string, IndicatorLine & { id: string }>, o: Options): Promise<void> {
  const rubrics = [...lines.values()].filter((l) => l.kind === 'rubric');
  if (!rubrics.length) return;
  const ids = rubrics.map((l) => l.id);
  const levels = await levelsOf(db, ids);
  const scores = o.countries ? new Map<string, Score[]>() : await scoresOf(db, user, ids, { from: o.from, to: o.to });
  for (const line of rubrics) {
    const byBucket = new Map<string, BucketScore>();
    for (const s of scores.get(line.id) ?? []) {
      const bucket = labelOf(o.bucket, s.periodEnd);
      byBucket.set(bucket, { bucket, period: { start: s.periodStart, end: s.periodEnd }, level: s.level, reason: s.reason, evidence: s.evidence.map(({ kind, id }) => ({ kind, id })) });
    }
    line.levels = levels.get(line.id) ?? [];
    line.scores = [...byBucket.values()];
  }
}

/** The total of each bucket, from the value each series has there. */
function totalLine(line: IndicatorLine): IndicatorLine['total'] {
  const buckets = new Map<string, Cell[]>();
  for (const s of line.series) for (const v of s.values) buckets.set(v.bucket, [...(buckets.get(v.bucket) ?? []), { disaggregation: s.disaggregation, value: v.value }]);
  return [...totalsByPeriod(buckets, line.aggregation)].sort(([a], [b]) => a.localeCompare(b))
    .map(([bucket, t]) => ({ bucket, value: t.value, ...(t.computed && { computed: t.computed }), ...(t.differs && { differs: true as const }) }));
}
