// Goal coverage: the goal tree of a framework with, per goal (its subtree included), the outcomes,
// how they are concluded, the stories, fragments and indicators — so thin evidence shows.
// Outcomes: one GROUP BY over outcome_facts, where each goal of the framework is its own lane.
import type { Ctx } from '../http/types';
import { Problem } from '../http/problem';
import { whereIndicatorVisible } from '../indicators/access';
import { DEFAULT_FRAMEWORK, frameworkGoals, withLaneMap } from './lanes';
import { DashboardQuery, outcomeFilters } from './scope';
import { factsOf } from './facts';
import { countEvidence, evidenceKinds } from './evidence';

type Counts = { outcomes: number; substantiated: number; partlySubstantiated: number; notSubstantiated: number; stories: number; fragments: number; indicators: number };
type Node = { code: string; name: string } & Counts & { pending: number; substantiatedShare: number | null; children: Node[] };

// The conclusion lives on the outcome while it is concluded; once published, it is the last
// conclusion it reached on the way there (kept in outcome_facts.conclusion by a trigger).
const concluded = (c: string) => `sum(case when o.status = '${c}' or (o.status = 'published' and o.conclusion = '${c}') then 1 else 0 end)`;

/**
 * Work not yet concluded stands apart (pending) and out of the share, so a partner's drafts never
 * lower it; a partly substantiated outcome counts as half. null when nothing is concluded.
 */
function shareOf(c: Counts) {
  const concluded = c.substantiated + c.partlySubstantiated + c.notSubstantiated;
  const share = concluded ? (c.substantiated + c.partlySubstantiated / 2) / concluded : null;
  return { pending: c.outcomes - concluded, substantiatedShare: share === null ? null : Math.round(share * 1000) / 1000 };
}

const zero = (): Counts => ({ outcomes: 0, substantiated: 0, partlySubstantiated: 0, notSubstantiated: 0, stories: 0, fragments: 0, indicators: 0 });

export async function coverage(ctx: Ctx<unknown, DashboardQuery>) {
  const id = ctx.query.framework ?? DEFAULT_FRAMEWORK;
  const framework = await ctx.db('frameworks').where({ id }).first('id', 'name');
  if (!framework) throw new Problem('unprocessable', `Unknown framework ${id}`, [{ path: '/framework', message: `unknown framework ${id}` }]);
  const f = await outcomeFilters(ctx, ctx.query, true);
  const counts = new Map<string, Counts>();
  const at = (code: string) => counts.get(code) ?? counts.set(code, zero()).get(code)!;

  const outcomes = factsOf(ctx.db, ctx.user, f, frameworkGoals(ctx.db, id)).select('o.goal_code').count({ n: '*' })
    .select(ctx.db.raw(`${concluded('substantiated')} as s, ${concluded('partly_substantiated')} as p, ${concluded('not_substantiated')} as ns`))
    .groupBy('o.goal_code');
  for (const r of await outcomes) {
    Object.assign(at(r.goal_code), { outcomes: Number(r.n), substantiated: Number(r.s), partlySubstantiated: Number(r.p), notSubstantiated: Number(r.ns) });
  }
  const mapped = () => withLaneMap(ctx.db, frameworkGoals(ctx.db, id));
  for (const kind of evidenceKinds()) {
    for (const r of await countEvidence(ctx.db, ctx.user, f, kind, { by: 'lane' }, mapped)) at(r.lane)[kind] += Number(r.n);
  }
  const indicators = mapped().from('indicators as i').join('indicator_goals as ig', 'ig.indicator_id', 'i.id').join('lane_map as lm', 'lm.code', 'ig.goal_code');
  whereIndicatorVisible(indicators, ctx.user);
  if (f.programmeIds) indicators.where((w) => w.whereNull('i.programme_id').orWhereIn('i.programme_id', f.programmeIds!));
  for (const r of await indicators.select('lm.lane').countDistinct({ n: 'i.id' }).groupBy('lm.lane')) at(r.lane).indicators += Number(r.n);

  const goals = await ctx.db('goals').where({ framework_id: id }).orderBy(['depth', 'position']).select('code', 'name', 'parent_code');
  const nodes = new Map<string, Node>();
  const roots: Node[] = [];
  for (const g of goals) {
    const c = counts.get(g.code) ?? zero();
    const node: Node = { code: g.code, name: g.name, ...c, ...shareOf(c), children: [] };
    nodes.set(g.code, node);
    (g.parent_code ? nodes.get(g.parent_code)!.children : roots).push(node);
  }
  return { framework, from: f.from ?? null, to: f.to ?? null, goals: roots };
}
