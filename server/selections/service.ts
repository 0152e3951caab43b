// Selection rounds of Most Significant Change: a panel at a level (partner → country →
// programme → donor) considers the stories of one domain, selects the most significant and writes
// down why. Only stories selected at a lower level go up to a higher level's round. Evaluators
// (and admins) record the rounds, including donor-level ones, and the feedback to storytellers.
import { randomUUID } from 'node:crypto';
import { recordKey, seal } from '../crypto/record-keys';
import type { Ctx } from '../http/types';
import { created } from '../http/types';
import { forbidden, notFound, Problem, ProblemPath } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit, auditPersonalAccess } from '../audit/log';
import { listOf, listReply, pageOf } from '../http/paging';
import { canSeeStory, isReviewer, seesPersonalData } from '../stories/access';
import * as stories from '../stories/service';
import * as repo from './repository';

export const LEVELS = ['partner', 'country', 'programme', 'donor'] as const;
export type Level = (typeof LEVELS)[number];

type RoundBody = {
  level: Level; domain: string; harvestId?: string | null; panel: Array<{ role: string; count?: number }>; storyIds: string[];
  selectedStoryId: string; reasons: string; dissent?: string | null; heldOn?: string;
  scores?: Array<{ storyId: string; votes?: number; score?: number }>;
};

async function checkStories(ctx: Ctx<RoundBody>): Promise<void> {
  const b = ctx.body;
  const errors: ProblemPath[] = [];
  const rows = await ctx.db('stories').whereIn('id', b.storyIds).select('id', 'organisation_id', 'status', 'sensitivity', 'consent_level', 'domain', 'harvest_id');
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const lower = LEVELS.slice(0, LEVELS.indexOf(b.level));
  const risen = new Set(await repo.selectedAt(ctx.db, b.storyIds, lower, b.domain));
  b.storyIds.forEach((id, i) => {
    const s = byId.get(id);
    const path = `/storyIds/${i}`;
    if (!s || !canSeeStory(ctx.user, s)) return void errors.push({ path, message: 'no such story, or not visible to you' });
    if (!isReviewer(ctx.user, s.organisation_id)) throw forbidden('Only evaluators of the stories’ programmes may select among them');
    if (s.domain !== b.domain) errors.push({ path, message: `the story is in domain ${s.domain}` });
    if (b.harvestId && s.harvest_id !== b.harvestId) errors.push({ path, message: 'the story belongs to another harvest' });
    if (s.status === 'draft') throw new Problem('conflict', 'Only submitted or published stories are considered', [{ path, message: 'is a draft' }]);
    if (lower.length && !risen.has(id)) throw new Problem('conflict', `Only stories selected at a lower level go up to a ${b.level}-level round`, [{ path, message: 'was not selected at a lower level' }]);
  });
  if (!b.storyIds.includes(b.selectedStoryId)) errors.push({ path: '/selectedStoryId', message: 'is not among the stories considered' });
  (b.scores ?? []).forEach((s, i) => { if (!b.storyIds.includes(s.storyId)) errors.push({ path: `/scores/${i}/storyId`, message: 'is not among the stories considered' }); });
  if (errors.length) throw new Problem('unprocessable', 'The selection round breaks a rule of the domain', errors);
}

export async function create(ctx: Ctx<RoundBody>) {
  const b = ctx.body;
  await checkStories(ctx);
  const id = randomUUID();
  await ctx.db('selection_rounds').insert({
    id, level: b.level, domain: b.domain, harvest_id: b.harvestId ?? null, panel: JSON.stringify(b.panel), selected_story_id: b.selectedStoryId,
    reasons: b.reasons, dissent: b.dissent ?? null, held_on: b.heldOn ?? nowIso().slice(0, 10), recorded_by: ctx.user.id, created_at: nowIso(),
  });
  const scores = new Map((b.scores ?? []).map((s) => [s.storyId, s]));
  await ctx.db('selection_round_stories').insert(b.storyIds.map((storyId) => ({
    round_id: id, story_id: storyId, selected: storyId === b.selectedStoryId, votes: scores.get(storyId)?.votes ?? null, score: scores.get(storyId)?.score ?? null,
  })));
  await audit(ctx.db, { actorId: ctx.user.id, action: 'selection_round.create', entityType: 'selection_round', entityId: id, details: { level: b.level, stories: b.storyIds.length } });
  return created(await repo.present(ctx, (await repo.findRound(ctx.db, id))!));
}

/**
 * Feedback notes say what storytellers were told, how and when: personal data of the stories'
 * organisations. Read by someone outside those (their evaluators, admins), it is recorded.
 */
async function auditFeedbackViews(ctx: Ctx, storyIds: string[]): Promise<void> {
  if (!storyIds.length) return;
  const ids: string[] = await ctx.db('stories').whereIn('id', [...new Set(storyIds)]).whereNot('organisation_id', ctx.user.organisationId).pluck('id');
  if (ids.length) await auditPersonalAccess(ctx.db, { actorId: ctx.user.id, entityType: 'story', count: ids.length, ids });
}

export async function get(ctx: Ctx) {
  const r = await repo.findRound(ctx.db, ctx.params.id);
  const view = r && (await repo.present(ctx, r));
  if (!view || !repo.shownTo(ctx.user, view)) throw notFound('selection round');
  await auditFeedbackViews(ctx, view.feedback.map((f) => f.storyId));
  return view;
}

export async function list(ctx: Ctx<unknown, Record<string, string | undefined>>) {
  const page = pageOf(ctx.query);
  const { rows, total } = await repo.listRounds(ctx.db, ctx.user, { domains: listOf(ctx.query.domain), levels: listOf(ctx.query.level), harvestIds: listOf(ctx.query.harvest) }, page);
  const items = await Promise.all(rows.map((r) => repo.present(ctx, r)));
  await auditFeedbackViews(ctx, items.flatMap((v) => v.feedback.map((f) => f.storyId)));
  return listReply(items, total, page);
}

type FeedbackBody = { storyIds?: string[]; method: string; givenOn: string; note: string };

/** Feedback to the storytellers of a round: what they were told, how and when, story by story. */
export async function addFeedback(ctx: Ctx<FeedbackBody>) {
  const r = await repo.findRound(ctx.db, ctx.params.id);
  if (!r) throw notFound('selection round');
  const candidates = await repo.candidatesOf(ctx.db, [r.id]);
  const visible = candidates.filter((c) => canSeeStory(ctx.user, c as never));
  if (!visible.length && ctx.user.role !== 'admin') throw notFound('selection round');
  const ids = ctx.body.storyIds ?? visible.map((c) => c.story_id);
  const errors = ids.flatMap((id, i) => (visible.some((c) => c.story_id === id) ? [] : [{ path: `/storyIds/${i}`, message: 'was not considered in this round' }]));
  if (errors.length) throw new Problem('unprocessable', 'Feedback goes to storytellers of the round', errors);
  if (visible.some((c) => ids.includes(c.story_id) && !isReviewer(ctx.user, c.organisation_id) && c.organisation_id !== ctx.user.organisationId)) {
    throw forbidden('Only the storytellers’ organisations or their evaluators record feedback');
  }
  const now = nowIso();
  // what a storyteller was told is sealed under the story's key: it goes when consent is withdrawn
  for (const storyId of ids) {
    const key = await recordKey(ctx.db, ctx.app.keyring, 'story', storyId);
    await ctx.db('selection_feedback').insert({
      id: randomUUID(), round_id: r.id, story_id: storyId, given_on: ctx.body.givenOn, method: ctx.body.method, note: seal(key, ctx.body.note), recorded_by: ctx.user.id, created_at: now,
    });
  }
  await audit(ctx.db, { actorId: ctx.user.id, action: 'selection_round.feedback', entityType: 'selection_round', entityId: r.id, details: { stories: ids.length } });
  return created(await repo.present(ctx, r));
}

/** A story's path up the levels: every round that considered it, with the reasons given. */
export async function pathOf(ctx: Ctx) {
  const s = await stories.load(ctx, ctx.params.id);
  const rounds = await repo.roundsOf(ctx.db, s.id);
  const full = seesPersonalData(ctx.user, s.organisation.id);
  const views = await Promise.all(rounds.map(async (r) => ({ view: await repo.present(ctx, r) })));
  const items = views.filter(({ view }) => repo.shownTo(ctx.user, view)).map(({ view }) => {
    const mine = view.stories.find((x) => x.id === s.id);
    return {
      roundId: view.id, level: view.level, domain: view.domain, heldOn: view.heldOn, panel: view.panel, selected: !!mine?.selected,
      votes: mine?.votes ?? null, score: mine?.score ?? null, selectedStoryId: view.selectedStoryId, selectedWithdrawn: view.selectedWithdrawn,
      reasons: view.reasons, dissent: view.dissent, feedback: full ? view.feedback.filter((f) => f.storyId === s.id) : [],
    };
  });
  items.sort((a, b) => LEVELS.indexOf(a.level as Level) - LEVELS.indexOf(b.level as Level) || a.heldOn.localeCompare(b.heldOn));
  const highest = items.filter((i) => i.selected).map((i) => i.level).pop() ?? null;
  await auditFeedbackViews(ctx, items.some((i) => i.feedback.length) ? [s.id] : []);
  return { storyId: s.id, selectedUpTo: highest, items, total: items.length };
}
