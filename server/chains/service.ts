// Outcome chains: one outcome contributes to another, or works against it (a setback, backlash or
// reversal). The programme's evaluators link any outcomes they see (a link changes no outcome's
// text); partners link their own. Contributions never close a cycle. A removed link stays in the
// history and the audit. A chain shows only what the caller may see, each node through the
// outcomes' redaction.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created, noContent } from '../http/types';
import { forbidden, notFound, Problem, unprocessable } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { recordRevision } from '../revisions/log';
import { load, present } from '../outcomes/service';
import { canSee } from '../outcomes/access';
import { isReviewer } from '../domain/readers';
import { fromRow } from '../outcomes/representation';
import * as outcomes from '../outcomes/repository';
import { conclusionsOf } from '../outcomes/conclusions';
import * as repo from './repository';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Visible = Parameters<typeof canSee>[1];
type Relation = 'contributes_to' | 'counteracts';

/** How far a chain is followed: enough for any real pathway, bounded for the response's sake. */
const MAX_NODES = 500;

const linkOf = (r: Row) => ({ id: r.id, sourceId: r.source_id, targetId: r.target_id, relation: r.relation, createdAt: r.created_at });

function mayLink(ctx: Ctx, organisationId: string): boolean {
  return isReviewer(ctx.user, organisationId) || (ctx.user.role === 'partner' && ctx.user.organisationId === organisationId);
}

export async function create(ctx: Ctx<{ targetId: string; relation: Relation }>) {
  const source = await load(ctx, ctx.params.id);
  if (!mayLink(ctx, source.organisation.id)) throw forbidden("Only the programme's evaluators, or its own organisation, link this outcome");
  const target = await outcomes.findRow(ctx.db, ctx.body.targetId);
  if (!target || !canSee(ctx.user, target as Visible)) throw unprocessable('/targetId', 'no such outcome, or not visible to you');
  if (!mayLink(ctx, target.organisation_id)) throw forbidden("Partners link only their own organisation's outcomes");
  if (target.id === source.id) throw unprocessable('/targetId', 'an outcome cannot contribute to itself');
  const { relation } = ctx.body;
  if (await ctx.db('outcome_links').where({ source_id: source.id, target_id: target.id, relation }).first('id')) {
    throw new Problem('already_exists', 'These outcomes are linked already', [{ path: '/targetId', message: 'is linked already' }]);
  }
  if (relation === 'contributes_to' && (await repo.reaches(ctx.db, target.id, source.id))) {
    throw new Problem('conflict', 'This link would close a cycle', [{ path: '/targetId', message: 'contributes already, directly or not, to this outcome' }]);
  }
  const row = { id: randomUUID(), source_id: source.id, target_id: target.id, relation, created_by: ctx.user.id, created_at: nowIso() };
  await ctx.db('outcome_links').insert(row);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'outcome_link', entityId: row.id, actorId: ctx.user.id, action: 'create', changes: [{ field: 'link', old: null, new: linkOf(row) }], personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'outcome.link', entityType: 'outcome', entityId: source.id, details: { linkId: row.id, targetId: target.id, relation } });
  return created(linkOf(row));
}

/** Removes a link that starts or ends at this outcome; who may make the link may remove it. */
export async function remove(ctx: Ctx) {
  const o = await load(ctx, ctx.params.id);
  const link = await ctx.db('outcome_links').where({ id: ctx.params.linkId }).where((w) => w.where({ source_id: o.id }).orWhere({ target_id: o.id })).first();
  if (!link) throw notFound('outcome link');
  const other = await outcomes.findRow(ctx.db, link.source_id === o.id ? link.target_id : link.source_id);
  // as when linking: a partner removes only links between their own organisation's outcomes
  if (!mayLink(ctx, o.organisation.id) || (other && !mayLink(ctx, other.organisation_id))) throw forbidden("Only the programme's evaluators, or the organisation of both outcomes, unlink them");
  await ctx.db('outcome_links').where({ id: link.id }).del();
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'outcome_link', entityId: link.id, actorId: ctx.user.id, action: 'delete', changes: [{ field: 'link', old: linkOf(link), new: null }], personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'outcome.unlink', entityType: 'outcome', entityId: o.id, details: { linkId: link.id, sourceId: link.source_id, targetId: link.target_id, relation: link.relation } });
  return noContent();
}

/** The chain around an outcome, walked in both directions through outcomes the caller may see. */
export async function chain(ctx: Ctx) {
  const start = await load(ctx, ctx.params.id);
  const seen = new Set([start.id]);
  const links = new Map<string, Row>();
  let frontier = [start.id];
  while (frontier.length && seen.size < MAX_NODES) {
    const touching = await repo.linksTouching(ctx.db, frontier);
    const candidates = [...new Set(touching.flatMap((l) => [l.source_id, l.target_id]))].filter((id) => !seen.has(id));
    const visible = (await repo.visibleIds(ctx.db, ctx.user, candidates)).slice(0, MAX_NODES - seen.size);
    visible.forEach((id) => seen.add(id));
    for (const l of touching) if (seen.has(l.source_id) && seen.has(l.target_id)) links.set(l.id, l);
    frontier = visible;
  }
  const ids = [...seen];
  const goals = await outcomes.goalsOf(ctx.db, ids);
  const rows = await repo.outcomeRows(ctx.db, ids);
  const conclusions = await conclusionsOf(ctx.db, rows as Array<{ id: string; status: string }>);
  const nodes = rows.map((r) => {
    const o = present(ctx, fromRow(ctx.app.keyring, r, goals.get(r.id) ?? []));
    return {
      id: o.id, title: o.title, status: o.status, conclusion: conclusions.get(o.id)?.status ?? null, changeType: o.changeType, quadrant: o.quadrant,
      occurredOn: o.occurredOn, location: o.location, organisation: o.organisation, goals: o.goals, harvestId: o.harvestId, redacted: o.redacted,
    };
  });
  return { nodes, links: [...links.values()].map(linkOf), canLink: mayLink(ctx, start.organisation.id), truncated: seen.size >= MAX_NODES };
}
