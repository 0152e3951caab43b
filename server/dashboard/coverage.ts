// Goal coverage: the goal tree of a framework with, per goal (its subtree included), the outcomes,
// how many are substantiated, the stories, fragments and indicators — so thin evidence shows.
// One GROUP BY per kind over a lane map in which every goal is its own lane.
import type { Ctx } from '../http/types';
import { Problem } from '../http/problem';
import { whereIndicatorVisible } from '../indicators/access';
import { frameworkAnchor, DEFAULT_FRAMEWORK, withLaneMap } from './lanes';
import { countable, DashboardQuery, outcomeFilters } from './scope';
import { countEvidence, evidenceKinds } from './evidence';

type Counts = { outcomes: number; substantiated: number; partlySubstantiated: number; notSubstantiated: number; stories: number; fragments: number; indicators: number };
type Node = { code: string; name: string } & Counts & { substantiatedShare: number | null; children: Node[] };

const CONCLUSIONS = ['substantiated', 'partly_substantiated', 'not_substantiated'];
// The conclusion lives on the outcome while it is concluded; once published, it is the last
// conclusion the outcome reached on its way there (the lifecycle publishes only concluded outcomes).
const CONCLUSION_SQL = `CASE WHEN o.status IN ('substantiated', 'partly_substantiated', 'not_substantiated') THEN o.status
  WHEN o.status = 'published' THEN (SELECT t.to_status FROM transitions t WHERE t.entity_type = 'outcome' AND t.entity_id = o.id
    AND t.to_status IN ('substantiated', 'partly_substantiated', 'not_substantiated') ORDER BY t.id DESC LIMIT 1) END`;

const zero = (): Counts => ({ outcomes: 0, substantiated: 0, partlySubstantiated: 0, notSubstantiated: 0, stories: 0, fragments: 0, indicators: 0 });

export async function coverage(ctx: Ctx<unknown, DashboardQuery>) {
  const id = ctx.query.framework ?? DEFAULT_FRAMEWORK;
  const framework = await ctx.db('frameworks').where({ id }).first('id', 'name');
  if (!framework) throw new Problem('unprocessable', `Unknown framework ${id}`, [{ path: '/framework', message: `unknown framework ${id}` }]);
  const f = await outcomeFilters(ctx, ctx.query, true);
  const mapped = () => withLaneMap(ctx.db, frameworkAnchor(id));
  const counts = new Map<string, Counts>();
  const at = (code: string) => counts.get(code) ?? counts.set(code, zero()).get(code)!;

  const outcomes = mapped().from('outcomes as o').join('outcome_goals as og', 'og.outcome_id', 'o.id').join('lane_map as lm', 'lm.code', 'og.goal_code');
  countable(outcomes, ctx.db, ctx.user, f);
  outcomes.select('lm.lane', 'o.id', ctx.db.raw(`${CONCLUSION_SQL} as conclusion`));
  // grouped outside: PostgreSQL refuses to group by an expression holding a correlated subquery
  const grouped = ctx.db.from(outcomes.as('x')).select('lane', 'conclusion').countDistinct({ n: 'id' }).groupBy('lane', 'conclusion');
  for (const r of await grouped) {
    const c = at(r.lane);
    const n = Number(r.n);
    c.outcomes += n;
    if (r.conclusion === CONCLUSIONS[0]) c.substantiated += n;
    if (r.conclusion === CONCLUSIONS[1]) c.partlySubstantiated += n;
    if (r.conclusion === CONCLUSIONS[2]) c.notSubstantiated += n;
  }
  for (const kind of await evidenceKinds(ctx.db)) {
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
    const node: Node = { code: g.code, name: g.name, ...c, substantiatedShare: c.outcomes ? Math.round((c.substantiated / c.outcomes) * 1000) / 1000 : null, children: [] };
    nodes.set(g.code, node);
    (g.parent_code ? nodes.get(g.parent_code)!.children : roots).push(node);
  }
  return { framework, from: f.from ?? null, to: f.to ?? null, goals: roots };
}
