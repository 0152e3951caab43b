// The rules of research fragments: who may record, read, find, revise and move them.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created } from '../http/types';
import { notFound, Problem, ProblemPath } from '../http/problem';
import { nowIso } from '../core/clock';
import { auditViews } from '../audit/personal-views';
import { listOf, listReply, pageOf } from '../http/paging';
import { queryTerms } from '../core/fold';
import { withDescendants } from '../frameworks/service';
import { diff } from '../revisions/log';
import { requireReviewed } from '../domain/disclosure';
import { fragmentFindings } from './disclosure';
import { filesOf } from '../storage/attachments';
import { goalsOf, setGoals } from '../stories/repository';
import { checkCountry, checkGoals } from '../domain/checks';
import { canOf, checkEditable, moveRecord, Mover, RecordStatus } from '../stories/lifecycle';
import { requireComplete } from '../records/completeness';
import { logCreated, logUpdated } from '../records/log';
import { revisionsFor } from '../records/revisions';
import { periodFilter, readPage } from '../records/lists';
import { visibleSource } from './sources';
import * as repo from './repository';
import { canSeeFragment, isFragmentReviewer, seesFragmentPersonalData } from './access';
import { EDITABLE_FIELDS, Fragment, FragmentInput, fromRow, PERSONAL_FIELDS, redactField, redactFragment, toInput, toRow } from './representation';
import type { StoriesTransition } from '../generated/schemas';

type Query = Record<string, string | undefined>;

/** The fragment as this user receives it: redacted unless they get its personal data, with what they may do. */
export const present = (ctx: Ctx, f: Fragment): Fragment => ({
  ...(seesFragmentPersonalData(ctx.user, { organisationId: f.organisation.id, programmeId: f.programmeId }) ? f : redactFragment(f)),
  can: canOf(ctx.user.role, moverOf(ctx, f), f.status as RecordStatus),
});

export async function load(ctx: Ctx, id: string): Promise<Fragment> {
  const row = await repo.findRow(ctx.db, ctx.app.keyring, id);
  if (!row || !canSeeFragment(ctx.user, row as never)) throw notFound('fragment');
  const [goals, themes] = await Promise.all([goalsOf(ctx.db, 'fragment_goals', 'fragment_id', [id]), repo.themesOf(ctx.db, [id])]);
  return fromRow(ctx.app.keyring, row, goals.get(id) ?? [], themes.get(id) ?? []);
}

export const moverOf = (ctx: Ctx, f: Fragment): Mover =>
  ({ own: f.organisation.id === ctx.user.organisationId, reviewer: isFragmentReviewer(ctx.user, f.programmeId), directPublish: true });

async function withFiles(ctx: Ctx, f: Fragment): Promise<Fragment> {
  return present(ctx, { ...f, files: (await filesOf(ctx.db, ctx.app.keyring, 'fragment', [f.id])).get(f.id) ?? [] });
}

/** The kind's personal fields, for auditing who read them (audit/personal-views.ts). */
export const FRAGMENT = { entityType: 'fragment', fields: PERSONAL_FIELDS, redactField };

export async function get(ctx: Ctx) {
  const shown = await withFiles(ctx, await load(ctx, ctx.params.id));
  await auditViews(ctx, FRAGMENT, [shown], true); // the speaker's data read from outside its organisation
  return shown;
}

async function checkFragment(ctx: Ctx, f: FragmentInput): Promise<void> {
  const errors: ProblemPath[] = [];
  await checkGoals(ctx.db, f.goals ?? [], errors);
  const themes = f.themes ?? [];
  const known = new Set<string>(themes.length ? await ctx.db('themes').whereIn('code', themes).pluck('code') : []);
  themes.forEach((t, i) => {
    if (!known.has(t)) errors.push({ path: `/themes/${i}`, message: `unknown theme ${t}` });
    if (themes.indexOf(t) !== i) errors.push({ path: `/themes/${i}`, message: `theme ${t} is coded twice` });
  });
  if (f.location) checkCountry(f.location.country, '/location/country', errors);
  if (errors.length) throw new Problem('unprocessable', 'The fragment breaks a rule of the domain', errors);
}

async function filtersOf(ctx: Ctx, q: Query): Promise<repo.FragmentFilters> {
  const goals = listOf(q.goal);
  const { from, to } = periodFilter(q);
  return {
    sourceIds: listOf(q.source), sourceTypes: listOf(q.sourceType), themes: listOf(q.theme), goalCodes: goals && (await withDescendants(ctx.db, goals)),
    orgIds: listOf(q.org), programmeIds: listOf(q.programme), statuses: listOf(q.status), languages: listOf(q.language),
    countries: listOf(q.country), sensitivities: listOf(q.sensitivity), consents: listOf(q.consent), from, to, terms: q.q ? queryTerms(q.q) : undefined,
  };
}

export async function list(ctx: Ctx<unknown, Query>) {
  const page = pageOf(ctx.query);
  const filters = await filtersOf(ctx, ctx.query);
  const { rows, total } = await readPage(ctx, filters.terms, (db) => repo.list(db, ctx.app.keyring, ctx.user, filters, ctx.query.sort, page));
  const ids = rows.map((r) => r.id);
  const [goals, themes] = await Promise.all([goalsOf(ctx.db, 'fragment_goals', 'fragment_id', ids), repo.themesOf(ctx.db, ids)]);
  const items = rows.map((r) => present(ctx, fromRow(ctx.app.keyring, r, goals.get(r.id) ?? [], themes.get(r.id) ?? [])));
  await auditViews(ctx, FRAGMENT, items);
  return listReply(items, total, page);
}

export async function create(ctx: Ctx<FragmentInput>) {
  const input = ctx.body;
  const source = await visibleSource(ctx, input.sourceId);
  if (!source) throw new Problem('unprocessable', 'No such source', [{ path: '/sourceId', message: 'no such source, or not visible to you' }]);
  await checkFragment(ctx, input);
  const id = randomUUID();
  const now = nowIso();
  await ctx.db('fragments').insert({
    id, source_id: source.id, organisation_id: ctx.user.organisationId, programme_id: source.programme_id, created_by: ctx.user.id,
    status: 'draft', ...await repo.sealFragmentRow(ctx.db, ctx.app.keyring, id, toRow(ctx.app.keyring, input, source.title)), created_at: now, updated_at: now,
  });
  await setGoals(ctx.db, 'fragment_goals', 'fragment_id', id, input.goals ?? []);
  await repo.setThemes(ctx.db, id, input.themes ?? []);
  await logCreated(ctx, 'fragment', id, now);
  return created(await withFiles(ctx, await load(ctx, id)));
}

export async function update(ctx: Ctx<Partial<FragmentInput>>) {
  const before = await load(ctx, ctx.params.id);
  checkEditable(ctx, moverOf(ctx, before), 'fragment', before.status as RecordStatus);
  const merged: FragmentInput = { ...toInput(before), ...ctx.body };
  await checkFragment(ctx, merged);
  const changes = diff(toInput(before), merged, EDITABLE_FIELDS);
  if (!changes.length) return withFiles(ctx, before);
  await ctx.db('fragments').where({ id: before.id }).update({ ...await repo.sealFragmentRow(ctx.db, ctx.app.keyring, before.id, toRow(ctx.app.keyring, merged, before.source.title)), updated_at: nowIso() });
  if (ctx.body.goals) await setGoals(ctx.db, 'fragment_goals', 'fragment_id', before.id, merged.goals ?? []);
  if (ctx.body.themes) await repo.setThemes(ctx.db, before.id, merged.themes ?? []);
  await logUpdated(ctx, 'fragment', before.id, changes, PERSONAL_FIELDS);
  return withFiles(ctx, await load(ctx, before.id));
}

/** The fragment as it would be created: what was not given is left out rather than null. */
const givenOf = (f: FragmentInput): unknown => JSON.parse(JSON.stringify(f, (_, v) => (v === null ? undefined : v)));

export async function transition(ctx: Ctx<StoriesTransition>) {
  const f = await load(ctx, ctx.params.id);
  await moveRecord(ctx, { table: 'fragments', entityType: 'fragment' }, f, moverOf(ctx, f), {
    complete: () => requireComplete(ctx.app.validator, 'fragment', givenOf(toInput(f))),
    'reviewed-findings': async () => requireReviewed(await fragmentFindings(ctx, f), ctx.body.confirmed),
  });
  return withFiles(ctx, await load(ctx, f.id).catch(() => ({ ...f, status: ctx.body.to })));
}

export async function revisions(ctx: Ctx) {
  const f = await load(ctx, ctx.params.id);
  return revisionsFor(ctx, FRAGMENT, f, seesFragmentPersonalData(ctx.user, { organisationId: f.organisation.id, programmeId: f.programmeId }));
}
