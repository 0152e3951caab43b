// The rules of stories of change: who may record, read, find, revise and move them.
import { missingOf, requireComplete } from '../records/completeness';
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created } from '../http/types';
import { notFound, Problem } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { auditRevisionViews, auditViews } from '../audit/personal-views';
import { listOf, listReply, pageOf } from '../http/paging';
import { boundOf } from '../domain/dates';
import { queryTerms } from '../core/fold';
import { bounded, searchDbFor } from '../db/search-connection';
import { withDescendants } from '../frameworks/service';
import { correctionsOf, diff, recordRevision, revisionsOf } from '../revisions/log';
import { requireReviewed } from '../domain/disclosure';
import { storyFindings } from './disclosure';
import { consentColumns } from '../domain/consent';
import { filesOf } from '../storage/attachments';
import * as repo from './repository';
import { canSeeStory, isReviewer, seesPersonalData } from './access';
import { NO_MOVES, type ReaderCtx } from '../domain/readers';
import { checkStory } from './rules';
import { applyMove, canOf, checkEditable, checkMove, Mover, RecordStatus, requirePreconditions } from './lifecycle';
import { EDITABLE_FIELDS, fromRow, PERSONAL_FIELDS, redactField, redactStory, Story, StoryDraft, StoryInput, toInput, toRow, translationOf } from './representation';

type Query = Record<string, string | undefined>;

/** The story as this user receives it: redacted unless they get its personal data, with what they may do. */
export const present = (ctx: ReaderCtx, s: Story): Story => ({
  ...(seesPersonalData(ctx.user, s.organisation.id) ? s : redactStory(s)),
  can: 'view' in ctx.user ? NO_MOVES : canOf(ctx.user.role, moverOf({ user: ctx.user }, s), s.status as RecordStatus),
  // a draft says what it still needs before submission
  ...(s.status === 'draft' && { missing: missingOf(ctx.app.validator, 'story', toInput(s)).map((e) => e.path) }),
});

/** The story if the user may see it; 404 otherwise (never reveal that it exists). */
export async function load(ctx: Ctx, id: string): Promise<Story> {
  const row = await repo.findRow(ctx.db, ctx.app.keyring, id);
  if (!row || !canSeeStory(ctx.user, row as never)) throw notFound('story');
  const goals = await repo.goalsOf(ctx.db, 'story_goals', 'story_id', [id]);
  return fromRow(ctx.app.keyring, row, goals.get(id) ?? []);
}

export function moverOf(ctx: Pick<Ctx, 'user'>, s: Story): Mover {
  return { own: s.organisation.id === ctx.user.organisationId, reviewer: isReviewer(ctx.user, s.organisation.id), directPublish: false };
}

/** The story with its translations and files, as this user may receive it. */
export async function withDetails(ctx: Ctx, s: Story): Promise<Story> {
  const translations = (await repo.translationsOf(ctx.db, ctx.app.keyring, [s.id])).map((t) => translationOf(ctx.app.keyring, t));
  const files = (await filesOf(ctx.db, ctx.app.keyring, 'story', [s.id])).get(s.id) ?? [];
  return present(ctx, { ...s, translations, files });
}

/** The kind's personal fields, for auditing who read them (audit/personal-views.ts). */
export const STORY = { entityType: 'story', fields: PERSONAL_FIELDS, redactField };

export async function get(ctx: Ctx) {
  const shown = await withDetails(ctx, await load(ctx, ctx.params.id));
  await auditViews(ctx, STORY, [shown], true); // the storyteller's data read from outside its organisation
  return shown;
}

async function filtersOf(ctx: Ctx, q: Query): Promise<repo.StoryFilters> {
  const goals = listOf(q.goal);
  const from = q.from ? boundOf(q.from, 'from') : undefined;
  const to = q.to ? boundOf(q.to, 'to') : undefined;
  if (q.from && !from) throw new Problem('validation_failed', 'from is not a date', [{ path: '/from', message: 'is not a valid date' }]);
  if (q.to && !to) throw new Problem('validation_failed', 'to is not a date', [{ path: '/to', message: 'is not a valid date' }]);
  return {
    goalCodes: goals && (await withDescendants(ctx.db, goals)), orgIds: listOf(q.org), programmeIds: listOf(q.programme),
    harvestIds: listOf(q.harvest), domains: listOf(q.domain), countries: listOf(q.country), statuses: listOf(q.status),
    sensitivities: listOf(q.sensitivity), languages: listOf(q.language), consents: listOf(q.consent), from, to,
    terms: q.q ? queryTerms(q.q) : undefined,
  };
}

export async function list(ctx: Ctx<unknown, Query>) {
  const page = pageOf(ctx.query);
  const filters = await filtersOf(ctx, ctx.query);
  if (filters.terms && filters.terms.length === 0) return listReply([], 0, page);
  // a full-text list runs on the searches' own connections, within their limits
  const db = filters.terms?.length ? searchDbFor(ctx) : ctx.db;
  const { rows, total } = await bounded(() => repo.list(db, ctx.app.keyring, ctx.user, filters, ctx.query.sort, page));
  const goals = await repo.goalsOf(ctx.db, 'story_goals', 'story_id', rows.map((r) => r.id));
  const items = rows.map((r) => present(ctx, fromRow(ctx.app.keyring, r, goals.get(r.id) ?? [])));
  await auditViews(ctx, STORY, items);
  return listReply(items, total, page);
}

/** A draft saves with a title at least (its completeness is checked when it is submitted). */
export async function create(ctx: Ctx<StoryDraft>) {
  const input = ctx.body;
  await checkStory(ctx.db, input, ctx.user.organisationId);
  const id = randomUUID();
  const now = nowIso();
  await ctx.db('stories').insert({
    id, organisation_id: ctx.user.organisationId, created_by: ctx.user.id, status: 'draft',
    ...await repo.sealStoryRow(ctx.db, ctx.app.keyring, id, toRow(ctx.app.keyring, input)), ...consentColumns(ctx.app.keyring, input.consent), created_at: now, updated_at: now,
  });
  await repo.setGoals(ctx.db, 'story_goals', 'story_id', id, input.goals ?? []);
  await ctx.db('transitions').insert({ entity_type: 'story', entity_id: id, from_status: null, to_status: 'draft', actor_id: ctx.user.id, at: now });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'story.create', entityType: 'story', entityId: id });
  return created(await withDetails(ctx, await load(ctx, id)));
}

export async function update(ctx: Ctx<Partial<StoryInput>>) {
  const before = await load(ctx, ctx.params.id);
  checkEditable(ctx, moverOf(ctx, before), 'story', before.status as RecordStatus);
  const merged: StoryInput = { ...toInput(before), ...ctx.body };
  // a submitted story stays complete through every edit
  if (before.status !== 'draft') requireComplete(ctx.app.validator, 'story', merged);
  await checkStory(ctx.db, merged, before.organisation.id);
  const changes = diff(toInput(before), merged, EDITABLE_FIELDS);
  if (!changes.length) return withDetails(ctx, before);
  const translations = await repo.translationsOf(ctx.db, ctx.app.keyring, [before.id]);
  await ctx.db('stories').where({ id: before.id }).update({ ...await repo.sealStoryRow(ctx.db, ctx.app.keyring, before.id, toRow(ctx.app.keyring, merged, translations)), updated_at: nowIso() });
  if (ctx.body.goals) await repo.setGoals(ctx.db, 'story_goals', 'story_id', before.id, merged.goals);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'story', entityId: before.id, actorId: ctx.user.id, action: 'update', changes, personal: PERSONAL_FIELDS });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'story.update', entityType: 'story', entityId: before.id, details: { fields: changes.map((c) => c.field) } });
  return withDetails(ctx, await load(ctx, before.id));
}

export async function transition(ctx: Ctx<{ to: RecordStatus; comment?: string; confirmed?: string[] }>) {
  const s = await load(ctx, ctx.params.id);
  const from = s.status as RecordStatus;
  checkMove(ctx, moverOf(ctx, s), 'story', from, ctx.body.to, ctx.body.comment);
  await requirePreconditions(ctx.body.to, {
    complete: () => requireComplete(ctx.app.validator, 'story', toInput(s)),
    'reviewed-findings': async () => requireReviewed(await storyFindings(ctx, s), ctx.body.confirmed),
  });
  await applyMove(ctx, 'stories', 'story', s.id, from, ctx.body.to, ctx.body.comment);
  // an evaluator who returns a story to draft no longer sees it: answer with what was done
  return withDetails(ctx, await load(ctx, s.id).catch(() => ({ ...s, status: ctx.body.to })));
}

export async function revisions(ctx: Ctx) {
  const s = await load(ctx, ctx.params.id);
  const full = seesPersonalData(ctx.user, s.organisation.id);
  if (!full) return { items: await correctionsOf(ctx.db, 'story', s.id) };
  const items = await revisionsOf(ctx.db, ctx.app.keyring, 'story', s.id);
  await auditRevisionViews(ctx, STORY, s, items);
  return { items };
}
