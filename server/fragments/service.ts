// The rules of research fragments: who may record, read, find, revise and move them.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created } from '../http/types';
import { notFound, Problem, ProblemPath } from '../http/problem';
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
import { fragmentFindings } from './disclosure';
import { filesOf } from '../storage/attachments';
import { goalsOf, setGoals } from '../stories/repository';
import { checkCountry, checkGoals } from '../domain/checks';
import { applyMove, canOf, checkEditable, checkMove, Mover, RecordStatus, requirePreconditions } from '../stories/lifecycle';
import { requireComplete } from '../records/completeness';
import { visibleSource } from './sources';
import * as repo from './repository';
import { canSeeFragment, isFragmentReviewer, seesFragmentPersonalData } from './access';
import { EDITABLE_FIELDS, Fragment, FragmentInput, fromRow, PERSONAL_FIELDS, redactField, redactFragment, toInput, toRow } from './representation';

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
  const from = q.from ? boundOf(q.from, 'from') : undefined;
  const to = q.to ? boundOf(q.to, 'to') : undefined;
  if ((q.from && !from) || (q.to && !to)) throw new Problem('validation_failed', 'from or to is not a date', [{ path: q.from && !from ? '/from' : '/to', message: 'is not a valid date' }]);
  return {
    sourceIds: listOf(q.source), sourceTypes: listOf(q.sourceType), themes: listOf(q.theme), goalCodes: goals && (await withDescendants(ctx.db, goals)),
    orgIds: listOf(q.org), programmeIds: listOf(q.programme), statuses: listOf(q.status), languages: listOf(q.language),
    countries: listOf(q.country), sensitivities: listOf(q.sensitivity), consents: listOf(q.consent), from, to, terms: q.q ? queryTerms(q.q) : undefined,
  };
}

export async function list(ctx: Ctx<unknown, Query>) {
  const page = pageOf(ctx.query);
  const filters = await filtersOf(ctx, ctx.query);
  if (filters.terms && filters.terms.length === 0) return listReply([], 0, page);
  // a full-text list runs on the searches' own connections, within their limits
  const db = filters.terms?.length ? searchDbFor(ctx) : ctx.db;
  const { rows, total } = await bounded(() => repo.list(db, ctx.app.keyring, ctx.user, filters, ctx.query.sort, page));
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
  await ctx.db('transitions').insert({ entity_type: 'fragment', entity_id: id, from_status: null, to_status: 'draft', actor_id: ctx.user.id, at: now });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'fragment.create', entityType: 'fragment', entityId: id });
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
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'fragment', entityId: before.id, actorId: ctx.user.id, action: 'update', changes, personal: PERSONAL_FIELDS });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'fragment.update', entityType: 'fragment', entityId: before.id, details: { fields: changes.map((c) => c.field) } });
  return withFiles(ctx, await load(ctx, before.id));
}

/** The fragment as it would be created: what was not given is left out rather than null. */
const givenOf = (f: FragmentInput): unknown => JSON.parse(JSON.stringify(f, (_, v) => (v === null ? undefined : v)));

export async function transition(ctx: Ctx<{ to: RecordStatus; comment?: string; confirmed?: string[] }>) {
  const f = await load(ctx, ctx.params.id);
  const from = f.status as RecordStatus;
  checkMove(ctx, moverOf(ctx, f), 'fragment', from, ctx.body.to, ctx.body.comment);
  await requirePreconditions(ctx.body.to, {
    complete: () => requireComplete(ctx.app.validator, 'fragment', givenOf(toInput(f))),
    'reviewed-findings': async () => requireReviewed(await fragmentFindings(ctx, f), ctx.body.confirmed),
  });
  await applyMove(ctx, 'fragments', 'fragment', f.id, from, ctx.body.to, ctx.body.comment);
  return withFiles(ctx, await load(ctx, f.id).catch(() => ({ ...f, status: ctx.body.to })));
}

export async function revisions(ctx: Ctx) {
  const f = await load(ctx, ctx.params.id);
  const full = seesFragmentPersonalData(ctx.user, { organisationId: f.organisation.id, programmeId: f.programmeId });
  if (!full) return { items: await correctionsOf(ctx.db, 'fragment', f.id) };
  const items = await revisionsOf(ctx.db, ctx.app.keyring, 'fragment', f.id);
  await auditRevisionViews(ctx, FRAGMENT, f, items);
  return { items };
}
