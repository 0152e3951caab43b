// Evidence of an outcome: its documents, links and informants (kept on the outcome), its files,
// and the stories and fragments linked to it as evidence that supports, contradicts or gives
// context. Each reader sees only the linked records they may see, redacted as for them.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created, noContent } from '../http/types';
import { forbidden, notFound, Problem } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { recordRevision } from '../revisions/log';
import * as outcomes from '../outcomes/service';
import { refreshEvidenceCount } from '../outcomes/repository';
import { isReviewer, seesPersonalData } from '../domain/readers';
import * as stories from '../stories/service';
import * as fragments from '../fragments/service';
import { openRows, recordKey, sealNullable } from '../crypto/record-keys';
import { filesOf } from '../storage/attachments';
import type { Outcome } from '../outcomes/representation';
import { auditOutcomeViews } from '../outcomes/view-audit';
import { auditViews } from '../audit/personal-views';

type LinkBody = { storyId?: string; fragmentId?: string; relation: 'supports' | 'contradicts' | 'context'; note?: string | null };

function checkMayLink(ctx: Ctx, o: Outcome): void {
  const org = o.organisation.id;
  if (ctx.user.role !== 'admin' && org !== ctx.user.organisationId && !isReviewer(ctx.user, org)) {
    throw forbidden('Only its organisation or its evaluators may link evidence to this outcome');
  }
}

const hidden = () => undefined;

export async function evidence(ctx: Ctx) {
  const o = outcomes.present(ctx, await outcomes.load(ctx, ctx.params.id));
  const links = await ctx.db('evidence_links').where({ outcome_id: o.id }).orderBy('created_at');
  // a link's note speaks of the story or fragment: sealed under its key
  await openRows(ctx.db, ctx.app.keyring, 'story', links.filter((l) => l.story_id), ['note'], (l) => l.story_id);
  await openRows(ctx.db, ctx.app.keyring, 'fragment', links.filter((l) => l.fragment_id), ['note'], (l) => l.fragment_id);
  const linked = await Promise.all(links.map(async (l) => {
    const base = { linkId: l.id, relation: l.relation, note: l.note ?? null, linkedAt: l.created_at };
    if (l.story_id) {
      const s = await stories.load(ctx, l.story_id).then((x) => stories.present(ctx, x), hidden);
      return s && { kind: 'story' as const, ...base, story: s };
    }
    const f = await fragments.load(ctx, l.fragment_id).then((x) => fragments.present(ctx, x), hidden);
    return f && { kind: 'fragment' as const, ...base, fragment: f };
  }));
  const visible = linked.filter((x) => !!x);
  const files = seesPersonalData(ctx.user, o.organisation.id) ? (await filesOf(ctx.db, ctx.app.keyring, 'outcome', [o.id])).get(o.id) ?? [] : [];
  const of = (kind: string) => o.evidence.filter((e) => e.kind === kind);
  const result = {
    outcomeId: o.id, documents: of('document'), links: of('link'), informants: of('informant'), files,
    stories: visible.filter((x) => x.kind === 'story'), fragments: visible.filter((x) => x.kind === 'fragment'),
  };
  // personal data read from outside the organisation that recorded it: the outcome's informants,
  // place and files, and each linked story's storyteller and fragment's speaker
  await auditOutcomeViews(ctx, [{ ...o, files }], true);
  await auditViews(ctx, stories.STORY, result.stories.map((x) => x.story));
  await auditViews(ctx, fragments.FRAGMENT, result.fragments.map((x) => x.fragment));
  const counts = Object.fromEntries(Object.entries(result).filter(([k]) => k !== 'outcomeId').map(([k, v]) => [k, (v as unknown[]).length]));
  return { ...result, counts: { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) } };
}

export async function link(ctx: Ctx<LinkBody>) {
  const o = await outcomes.load(ctx, ctx.params.id);
  checkMayLink(ctx, o);
  const b = ctx.body;
  const kind = b.storyId ? 'story' : 'fragment';
  const targetId = (b.storyId ?? b.fragmentId)!;
  const found = await (kind === 'story' ? stories.load(ctx, targetId) : fragments.load(ctx, targetId)).catch(hidden);
  if (!found) throw new Problem('unprocessable', `No such ${kind}`, [{ path: `/${kind}Id`, message: `no such ${kind}, or not visible to you` }]);
  const column = kind === 'story' ? 'story_id' : 'fragment_id';
  if (await ctx.db('evidence_links').where({ outcome_id: o.id, [column]: targetId }).first('id')) {
    throw new Problem('already_exists', `The ${kind} is linked to this outcome already`, [{ path: `/${kind}Id`, message: 'is linked already' }]);
  }
  const id = randomUUID();
  const key = await recordKey(ctx.db, ctx.app.keyring, kind, targetId);
  await ctx.db('evidence_links').insert({ id, outcome_id: o.id, [column]: targetId, relation: b.relation, note: sealNullable(key, b.note), created_by: ctx.user.id, created_at: nowIso() });
  await refreshEvidenceCount(ctx.db, [o.id]);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'outcome', entityId: o.id, actorId: ctx.user.id, action: 'link_evidence', changes: [{ field: 'evidenceLinks', old: null, new: { [`${kind}Id`]: targetId, relation: b.relation } }], personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'outcome.evidence_link', entityType: 'outcome', entityId: o.id, details: { linkId: id, kind, relation: b.relation } });
  return created({ id, outcomeId: o.id, [`${kind}Id`]: targetId, relation: b.relation, note: b.note ?? null });
}

export async function unlink(ctx: Ctx) {
  const o = await outcomes.load(ctx, ctx.params.id);
  const l = await ctx.db('evidence_links').where({ id: ctx.params.linkId, outcome_id: o.id }).first();
  if (!l) throw notFound('evidence link');
  checkMayLink(ctx, o);
  await ctx.db('evidence_links').where({ id: l.id }).del();
  await refreshEvidenceCount(ctx.db, [o.id]);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'outcome', entityId: o.id, actorId: ctx.user.id, action: 'unlink_evidence', changes: [{ field: 'evidenceLinks', old: { storyId: l.story_id ?? undefined, fragmentId: l.fragment_id ?? undefined, relation: l.relation }, new: null }], personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'outcome.evidence_unlink', entityType: 'outcome', entityId: o.id, details: { linkId: l.id } });
  return noContent();
}
