// Pathways: the outcome-chain graph under the current filters — the links (outcome_links, issue 4)
// whose two ends are both outcomes this caller counts with these filters, and those outcomes as
// nodes. Selected in SQL; the client never pulls raw records to draw it.
import type { Ctx } from '../http/types';
import { conclusionsOf } from '../outcomes/conclusions';
import { goalsOf } from '../outcomes/repository';
import { countable, DashboardQuery, outcomeFilters } from './scope';

const MAX_LINKS = 5000;

export async function pathways(ctx: Ctx<unknown, DashboardQuery>) {
  const f = await outcomeFilters(ctx, ctx.query, false);
  const ends = () => countable(ctx.db('outcomes as o'), ctx.db, ctx.user, f).select('o.id');
  const links = await ctx.db('outcome_links as l').whereIn('l.source_id', ends()).whereIn('l.target_id', ends())
    .orderBy(['l.created_at', 'l.id']).limit(MAX_LINKS + 1).select('l.id', 'l.source_id', 'l.target_id', 'l.relation', 'l.created_at');
  const truncated = links.length > MAX_LINKS;
  if (truncated) links.pop();
  const ids = [...new Set(links.flatMap((l) => [l.source_id, l.target_id]))];
  const rows = [];
  for (let k = 0; k < ids.length; k += 500) {
    rows.push(...(await ctx.db('outcomes as o').join('organisations as org', 'org.id', 'o.organisation_id').whereIn('o.id', ids.slice(k, k + 500))
      .select('o.id', 'o.title', 'o.status', 'o.change_type', 'o.quadrant', 'o.occurred_date', 'o.occurred_precision', 'o.country', 'o.harvest_id', 'o.organisation_id', 'org.name as organisation_name')));
  }
  const goals = await goalsOf(ctx.db, ids);
  const conclusions = await conclusionsOf(ctx.db, rows);
  const nodes = rows.sort((a, b) => a.id.localeCompare(b.id)).map((r) => ({
    id: r.id, title: r.title, status: r.status, conclusion: conclusions.get(r.id)?.status ?? null, changeType: r.change_type, quadrant: r.quadrant,
    occurredOn: { date: r.occurred_date, precision: r.occurred_precision }, country: r.country, harvestId: r.harvest_id ?? null,
    organisation: { id: r.organisation_id, name: r.organisation_name }, goals: goals.get(r.id) ?? [],
  }));
  return {
    nodes, truncated,
    links: links.map((l) => ({ id: l.id, sourceId: l.source_id, targetId: l.target_id, relation: l.relation, createdAt: l.created_at })),
  };
}
