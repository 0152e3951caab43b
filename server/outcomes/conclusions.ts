// The conclusion an outcome stands on — substantiated, partly or not — read from its transitions,
// so that it has one source: the state itself while concluded, and once published the last
// conclusion before publication. The evaluator's reasoning is that transition's comment.
import type { Db } from '../db/knex';
import * as lifecycle from './lifecycle';

/** The lifecycle's conclusions, as strings any status read from a row can be checked against. */
export const CONCLUSIONS: readonly string[] = lifecycle.CONCLUSIONS;
export type Conclusion = { status: string; reasoning: string | null; at: string };

const CHUNK = 500; // stays far below SQLite's limit on bound parameters

export async function conclusionsOf(db: Db, outcomes: Array<{ id: string; status: string }>): Promise<Map<string, Conclusion>> {
  const out = new Map<string, Conclusion>();
  const concluded = outcomes.filter((o) => o.status === 'published' || CONCLUSIONS.includes(o.status));
  for (let i = 0; i < concluded.length; i += CHUNK) {
    const ids = concluded.slice(i, i + CHUNK).map((o) => o.id);
    const rows = await db('transitions').where({ entity_type: 'outcome' }).whereIn('entity_id', ids)
      .whereIn('to_status', CONCLUSIONS).orderBy('id').select('entity_id', 'to_status', 'comment', 'at');
    // in order, so the last conclusion of each outcome wins
    for (const r of rows) out.set(r.entity_id, { status: r.to_status, reasoning: r.comment ?? null, at: r.at });
  }
  return out;
}
