// A rubric's scored series: each score the reader may see, in period order, with its level, its
// reason and the evidence the reader may open — read by the indicator's progress and by the
// change-over-time chart. Visibility of the scores is that of values (drafts stay with their
// reporter and the evaluators), of the evidence that of each record kind (evidence.ts).
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import { whereValueVisible } from './access';
import { evidenceFor } from './evidence';
import type { Evidence } from './representation';

export type Score = { periodStart: string; periodEnd: string; level: number; status: string; reason: string | null; evidence: Evidence[] };
type Range = { from?: string; to?: string };
/** Periods read per rubric: a scale is scored a few times a year, so this is decades of scores. */
const MAX_SCORES = 1000;

/** The scores of each rubric, oldest first. */
export async function scoresOf(db: Db, user: CurrentUser, ids: string[], range: Range = {}): Promise<Map<string, Score[]>> {
  const out = new Map<string, Score[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const qb = db('indicator_values as v').join('indicators as i', 'i.id', 'v.indicator_id').whereIn('v.indicator_id', ids).where('i.kind', 'rubric');
  whereValueVisible(qb, user);
  // a score belongs to a range when its whole period lies within it, as every dated record does
  if (range.from) qb.where('v.period_start', '>=', range.from);
  if (range.to) qb.where('v.period_end', '<=', range.to);
  const rows: Array<{ id: string; indicator_id: string; period_start: string; period_end: string; value: number; status: string; reason: string | null }> = await qb
    .orderBy(['v.indicator_id', 'v.period_end', 'v.period_start']).limit(MAX_SCORES * ids.length)
    .select('v.id', 'v.indicator_id', 'v.period_start', 'v.period_end', 'v.value', 'v.status', 'v.reason');
  const evidence = await evidenceFor(db, user, rows.map((r) => r.id));
  for (const r of rows) {
    out.get(r.indicator_id)!.push({
      periodStart: r.period_start, periodEnd: r.period_end, level: Number(r.value), status: r.status, reason: r.reason ?? null, evidence: evidence.get(r.id) ?? [],
    });
  }
  return out;
}
