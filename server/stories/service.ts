// The rules of stories of change: who may record, read, find, revise and move them.
import { missingOf, requireComplete } from '../records/completeness';
import { logCreated, logUpdated } from '../records/log';
import { revisionsFor } from '../records/revisions';
import { periodFilter, readPage } from '../records/lists';
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created } from '../http/types';
import { notFound } from '../http/problem';
import { nowIso } from '../core/clock';
import { auditViews } from '../audit/personal-views';
import { listOf, listReply, pageOf } from '../http/paging';
import { queryTerms } from '../core/fold';
import { withDescendants } from '../frameworks/service';
import { diff } from '../revisions/log';
import { requireReviewed } from '../domain/disclosure';
import { storyFindings } from './disclosure';
import { consentColumns } from '../domain/consent';
import { filesOf } from '../storage/attachments';
import * as repo from './repository';
import { canSeeStory, isReviewer, seesPersonalData } from './access';
import { NO_MOVES, type ReaderCtx } from '../domain/readers';
import { checkStory } from './rules';
import { canOf, checkEditable, moveRecord, Mover, RecordStatus } from './lifecycle';
import { EDITABLE_FIELDS, fromRow, PERSONAL_FIELDS, redactField, redactStory, Story, StoryDraft, StoryInput, toInput, toRow, translationOf } from './representation';
import type { StoriesTransition } from '../generated/schemas';

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
  const { from, to } = periodFilter(q);
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
  const { rows, total } = await readPage(ctx, filters.terms, (db) => repo.list(db, ctx.app.keyring, ctx.user, filters, ctx.query.sort, page));
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
  await logCreated(ctx, 'story', id, now);
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
  await logUpdated(ctx, 'story', before.id, changes, PERSONAL_FIELDS);
  return withDetails(ctx, await load(ctx, before.id));
}

export async function transition(ctx: Ctx<StoriesTransition>) {
  const s = await load(ctx, ctx.params.id);
  await moveRecord(ctx, { table: 'stories', entityType: 'story' }, s, moverOf(ctx, s), {
    complete: () => requireComplete(ctx.app.validator, 'story', toInput(s)),
    'reviewed-findings': async () => requireReviewed(await storyFindings(ctx, s), ctx.body.confirmed),
  });
  // an evaluator who returns a story to draft no longer sees it: answer with what was done
  return withDetails(ctx, await load(ctx, s.id).catch(() => ({ ...s, status: ctx.body.to })));
}

export async function revisions(ctx: Ctx) {
  const s = await load(ctx, ctx.params.id);
  return revisionsFor(ctx, STORY, s, seesPersonalData(ctx.user, s.organisation.id));
}
