// The analysis of a harvest: its outcomes per goal and status, per type of change, per Gender at
// Work quadrant, and how much of each goal is substantiated — of the outcomes the caller may see
// (whereVisible), confidential ones left out as from every aggregate.
import type { Ctx } from '../http/types';
import { whereVisible } from '../outcomes/access';
import { conclusionsOf } from '../outcomes/conclusions';
import { loadRow } from './service';

type Counted<K extends string> = Array<Record<K, string> & { count: number }>;

function tally<K extends string>(keys: Array<Record<K, string>>, names: K[]): Counted<K> {
  const counts = new Map<string, { key: Record<K, string>; count: number }>();
  for (const k of keys) {
    const id = names.map((n) => k[n]).join('\u0000');
    const entry = counts.get(id) ?? { key: k, count: 0 };
    entry.count += 1;
    counts.set(id, entry);
  }
  return [...counts.values()].map((e) => ({ ...e.key, count: e.count }))
    .sort((a, b) => names.map((n) => a[n].localeCompare(b[n])).find((c) => c !== 0) ?? 0);
}

export async function summary(ctx: Ctx) {
  const h = await loadRow(ctx, ctx.params.id);
  const qb = ctx.db('outcomes as o').where('o.harvest_id', h.id).whereNot('o.sensitivity', 'confidential');
  whereVisible(qb, ctx.user);
  const rows: Array<{ id: string; status: string; change_type: string; quadrant: string }> = await qb.select('o.id', 'o.status', 'o.change_type', 'o.quadrant');
  const goals: Array<{ outcome_id: string; goal_code: string }> = rows.length
    ? await ctx.db('outcome_goals').whereIn('outcome_id', ctx.db('outcomes as o').where('o.harvest_id', h.id).select('o.id')).select('outcome_id', 'goal_code')
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tagged = goals.filter((g) => byId.has(g.outcome_id)).map((g) => ({ goal: g.goal_code, outcome: byId.get(g.outcome_id)! }));
  const conclusions = await conclusionsOf(ctx.db, rows);
  const perGoal = new Map<string, { goal: string; outcomes: number; substantiated: number; partlySubstantiated: number; notSubstantiated: number }>();
  for (const { goal, outcome } of tagged) {
    const g = perGoal.get(goal) ?? { goal, outcomes: 0, substantiated: 0, partlySubstantiated: 0, notSubstantiated: 0 };
    g.outcomes += 1;
    const c = conclusions.get(outcome.id)?.status;
    if (c === 'substantiated') g.substantiated += 1;
    else if (c === 'partly_substantiated') g.partlySubstantiated += 1;
    else if (c === 'not_substantiated') g.notSubstantiated += 1;
    perGoal.set(goal, g);
  }
  return {
    harvest: { id: h.id, title: h.title, status: h.status },
    total: rows.length,
    // an outcome counts under every goal it is tagged with, so goal rows may add up to more than total
    byGoalAndStatus: tally(tagged.map((t) => ({ goal: t.goal, status: t.outcome.status })), ['goal', 'status']),
    byChangeType: tally(rows.map((r) => ({ changeType: r.change_type })), ['changeType']),
    byQuadrant: tally(rows.map((r) => ({ quadrant: r.quadrant })), ['quadrant']),
    substantiationByGoal: [...perGoal.values()].sort((a, b) => a.goal.localeCompare(b.goal))
      .map((g) => ({ ...g, share: Math.round((g.substantiated / g.outcomes) * 1000) / 1000 })),
  };
}
