// The rules of outcome statements: who may record, read, edit, move and translate them.
import { missingOf, requireComplete } from '../records/completeness';
import { logCreated, logUpdated } from '../records/log';
import { periodFilter, readPage } from '../records/lists';
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created, noContent } from '../http/types';
import { forbidden, notFound, Problem } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { listOf, listReply, pageOf } from '../http/paging';
import { queryTerms } from '../core/fold';
import { withDescendants } from '../frameworks/service';
import { decrypt, encrypt } from '../crypto/fields';
import { diff, recordRevision } from '../revisions/log';
import { onlyOf, requireReviewed } from '../domain/disclosure';
import { outcomeFindings } from './disclosure';
import * as repo from './repository';
import { canSee } from './access';
import { isReviewer, NO_MOVES, seesPersonalData, type ReaderCtx } from '../domain/readers';
import { checkOutcome } from './rules';
import { conclusionsOf } from './conclusions';
import { DraftInput, EDITABLE_FIELDS, fromRow, Outcome, OutcomeInput, PERSONAL_FIELDS, redactOutcome, toInput, toRow } from './representation';
import { canOf, mayEdit, mayMove, needsComment, Status, TRANSITIONS } from './lifecycle';
import { auditOutcomeViews, OUTCOME } from './view-audit';
import { revisionsFor } from '../records/revisions';
import { EFFECTS, PRECONDITIONS } from './moves';
import { withoutHiddenLinks } from './linked-revisions';
import type { OutcomesTransition, OutcomesTranslationCreate } from '../generated/schemas';

type ListQuery = Record<string, string | undefined>;

/** The outcome as this user receives it: redacted unless they get its personal data, with what they may do. */
/** A draft says what it still needs before submission (`missing`: JSON pointers). */
export function present(ctx: ReaderCtx, o: Outcome): Outcome {
  const shown = seesPersonalData(ctx.user, o.organisation.id) ? o : redactOutcome(o);
  return { ...shown, can: 'view' in ctx.user ? NO_MOVES : canOf(ctx.user, o), ...(o.status === 'draft' && { missing: missingOf(ctx.app.validator, 'outcome', toInput(o)).map((e) => e.path) }) };
}

/** The outcome if the user may see it; 404 otherwise (never reveal that it exists). */
export async function load(ctx: Ctx, id: string): Promise<Outcome> {
  const found = await repo.findWithGoals(ctx.db, id, { user: ctx.user });
  if (!found || !canSee(ctx.user, found.row as { organisation_id: string; status: string; sensitivity: string })) throw notFound('outcome');
  return fromRow(ctx.app.keyring, found.row, found.goals);
}

async function withTranslations(ctx: Ctx, o: Outcome) {
  const full = seesPersonalData(ctx.user, o.organisation.id);
  const translations = (await repo.translationsOf(ctx.db, o.id)).map((t) => ({
    language: t.language, title: t.title, description: t.description ?? null, significance: t.significance ?? null,
    contribution: t.contribution ?? null, createdAt: t.created_at,
    ...(full && { translatedBy: t.translated_by_enc ? decrypt(ctx.app.keyring, t.translated_by_enc) : null }),
  }));
  return { ...present(ctx, o), translations };
}

/** Each outcome with the conclusion it stands on (null while not concluded): one read per page. */
export async function withConclusions<T extends Outcome>(ctx: Ctx, items: T[]): Promise<T[]> {
  const found = await conclusionsOf(ctx.db, items);
  return items.map((o) => ({ ...o, conclusion: found.get(o.id)?.status ?? null }));
}

export async function get(ctx: Ctx) {
  const [shown] = await withConclusions(ctx, [await withTranslations(ctx, await load(ctx, ctx.params.id))]);
  await auditOutcomeViews(ctx, [shown], true); // personal data read from outside its organisation
  return shown;
}

export async function filtersOf(ctx: Ctx, q: ListQuery): Promise<repo.OutcomeFilters> {
  const goals = listOf(q.goal);
  const bool = (v?: string) => (v === undefined ? undefined : v === 'true');
  const { from, to } = periodFilter(q);
  return {
    goalCodes: goals && (await withDescendants(ctx.db, goals)), frameworks: listOf(q.framework), orgIds: listOf(q.org),
    programmeIds: listOf(q.programme), harvestIds: listOf(q.harvest), countries: listOf(q.country), statuses: listOf(q.status),
    changeTypes: listOf(q.changeType), quadrants: listOf(q.quadrant), sensitivities: listOf(q.sensitivity),
    languages: listOf(q.language), from, to, positive: bool(q.positive), intended: bool(q.intended),
    terms: q.q ? queryTerms(q.q) : undefined,
    evidenceMin: q.evidenceMin === undefined ? undefined : Number(q.evidenceMin),
    evidenceMax: q.evidenceMax === undefined ? undefined : Number(q.evidenceMax),
  };
}

export async function list(ctx: Ctx<unknown, ListQuery>) {
  const page = pageOf(ctx.query);
  const filters = await filtersOf(ctx, ctx.query);
  const { rows, total } = await readPage(ctx, filters.terms, (db) => repo.list(db, ctx.user, filters, ctx.query.sort, page));
  const goals = await repo.goalsOf(ctx.db, rows.map((r) => r.id));
  const items = await withConclusions(ctx, rows.map((r) => present(ctx, fromRow(ctx.app.keyring, r, goals.get(r.id) ?? []))));
  await auditOutcomeViews(ctx, items);
  return listReply(items, total, page);
}

/** A draft saves with a title at least (its completeness is checked when it is submitted). */
export async function create(ctx: Ctx<DraftInput>) {
  const input = ctx.body;
  await checkOutcome(ctx.db, input, ctx.user.organisationId);
  const id = randomUUID();
  const now = nowIso();
  await repo.insert(ctx.db, {
    id, organisation_id: ctx.user.organisationId, created_by: ctx.user.id, status: 'draft',
    ...toRow(ctx.app.keyring, input), created_at: now, updated_at: now,
  });
  await repo.setGoals(ctx.db, id, input.goals ?? []);
  await repo.refreshEvidenceCount(ctx.db, [id]);
  await logCreated(ctx, 'outcome', id, now);
  return created(present(ctx, await load(ctx, id)));
}

function checkEditable(ctx: Ctx, o: Outcome): void {
  const own = o.organisation.id === ctx.user.organisationId;
  if (!own && !isReviewer(ctx.user, o.organisation.id)) throw forbidden('Only the organisation that recorded it, or its evaluators, may edit this outcome');
  if (!mayEdit(ctx.user, o)) {
    throw new Problem('conflict', o.status === 'draft' ? 'Drafts are edited by their organisation' : `An outcome in state ${o.status} cannot be edited by you`);
  }
}

/**
 * An evaluator files outcomes only into, and out of, harvests of the programmes they evaluate: a
 * partner in two programmes must not find its outcome moved between them by a stranger to one.
 */
async function checkHarvestRunner(ctx: Ctx<Partial<OutcomeInput>>, before: Outcome): Promise<void> {
  if (ctx.user.role !== 'evaluator' || !('harvestId' in ctx.body) || (ctx.body.harvestId ?? null) === (before.harvestId ?? null)) return;
  const touched = [before.harvestId, ctx.body.harvestId].filter((x): x is string => !!x);
  const programmes: string[] = await ctx.db('harvests').whereIn('id', touched).pluck('programme_id');
  if (programmes.some((p) => !ctx.user.programmeIds.includes(p))) {
    throw new Problem('forbidden', 'Only the evaluators of its programme file outcomes into or out of this harvest', [{ path: '/harvestId', message: 'concerns a harvest of a programme you do not evaluate' }]);
  }
}

export async function update(ctx: Ctx<Partial<OutcomeInput>>) {
  const before = await load(ctx, ctx.params.id);
  // assigning an outcome to a harvest changes none of its text: its evaluators may do it in any state
  const harvestOnly = Object.keys(ctx.body).every((k) => k === 'harvestId') && isReviewer(ctx.user, before.organisation.id);
  if (!harvestOnly) checkEditable(ctx, before);
  const merged: OutcomeInput = { ...toInput(before), ...ctx.body };
  // a submitted outcome stays complete through every edit
  if (before.status !== 'draft') requireComplete(ctx.app.validator, 'outcome', merged);
  await checkOutcome(ctx.db, merged, before.organisation.id);
  await checkHarvestRunner(ctx, before);
  const changes = diff(toInput(before), merged, EDITABLE_FIELDS);
  if (!changes.length) return withTranslations(ctx, before);
  await repo.update(ctx.db, before.id, { ...toRow(ctx.app.keyring, merged), updated_at: nowIso() });
  if (ctx.body.goals) await repo.setGoals(ctx.db, before.id, merged.goals);
  if (ctx.body.evidence) await repo.refreshEvidenceCount(ctx.db, [before.id]);
  await logUpdated(ctx, 'outcome', before.id, changes, PERSONAL_FIELDS);
  return withTranslations(ctx, await load(ctx, before.id));
}

export async function moveTo(ctx: Ctx, o: Outcome, to: Status, comment?: string, confirmed?: string[]): Promise<void> {
  if (!mayMove(ctx.user, o, to)) throw forbidden(`You may not move this outcome to ${to}`);
  const from = o.status as Status;
  if (!TRANSITIONS[to].from.includes(from)) {
    throw new Problem('invalid_transition', `An outcome cannot go from ${from} to ${to}`, [{ path: '/to', message: `not possible from ${from}` }]);
  }
  if (needsComment(from, to) && !comment?.trim()) {
    throw new Problem('unprocessable', 'This transition needs a comment', [{ path: '/comment', message: 'is required for this transition' }]);
  }
  for (const condition of TRANSITIONS[to].requires ?? []) await PRECONDITIONS[condition](ctx, o, confirmed);
  const now = nowIso();
  const stamp = to === 'submitted' ? { submitted_at: now } : to === 'published' ? { published_at: now } : to === 'retracted' ? { retracted_at: now } : {};
  // the status check in the WHERE makes a concurrent move of the same outcome lose, not double up
  const n = await ctx.db('outcomes').where({ id: o.id, status: from }).update({ status: to, updated_at: now, ...stamp });
  if (n !== 1) throw new Problem('conflict', 'The outcome changed meanwhile; reload it');
  await ctx.db('transitions').insert({ entity_type: 'outcome', entity_id: o.id, from_status: from, to_status: to, actor_id: ctx.user.id, comment: comment ?? null, at: now });
  await audit(ctx.db, { actorId: ctx.user.id, action: `outcome.${to}`, entityType: 'outcome', entityId: o.id, details: { from } });
  for (const effect of TRANSITIONS[to].then ?? []) await EFFECTS[effect](ctx, o);
}

export async function transition(ctx: Ctx<OutcomesTransition>) {
  const o = await load(ctx, ctx.params.id);
  await moveTo(ctx, o, ctx.body.to, ctx.body.comment, ctx.body.confirmed);
  return withTranslations(ctx, await load(ctx, o.id).catch(() => ({ ...o, status: ctx.body.to })));
}

/** A partner withdraws its own draft: kept for the audit, hidden from all but admins. */
export async function retractDraft(ctx: Ctx) {
  const o = await load(ctx, ctx.params.id);
  if (ctx.user.role !== 'admin' && o.organisation.id !== ctx.user.organisationId) throw forbidden('Only its organisation may withdraw this draft');
  if (ctx.user.role === 'evaluator' || ctx.user.role === 'donor') throw forbidden('Evaluators retract through a transition, with a reason');
  if (o.status !== 'draft') throw new Problem('invalid_transition', 'Only drafts are withdrawn this way; ask an evaluator to retract it');
  const now = nowIso();
  await ctx.db('outcomes').where({ id: o.id, status: 'draft' }).update({ status: 'retracted', retracted_at: now, updated_at: now });
  await ctx.db('transitions').insert({ entity_type: 'outcome', entity_id: o.id, from_status: 'draft', to_status: 'retracted', actor_id: ctx.user.id, at: now });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'outcome.retracted', entityType: 'outcome', entityId: o.id, details: { from: 'draft' } });
  return noContent();
}

export async function revisions(ctx: Ctx) {
  const o = await load(ctx, ctx.params.id);
  return revisionsFor(ctx, OUTCOME, o, seesPersonalData(ctx.user, o.organisation.id), (items) => withoutHiddenLinks(ctx, items));
}

type TranslationBody = OutcomesTranslationCreate;

export async function addTranslation(ctx: Ctx<TranslationBody>) {
  const o = await load(ctx, ctx.params.id);
  if (o.organisation.id !== ctx.user.organisationId && !isReviewer(ctx.user, o.organisation.id)) {
    throw forbidden('Only its organisation or its evaluators may translate this outcome');
  }
  const b = ctx.body;
  if (b.language === o.language) {
    throw new Problem('unprocessable', 'A translation is in another language than the original', [{ path: '/language', message: 'is the language of the original' }]);
  }
  const exists = await ctx.db('outcome_translations').where({ outcome_id: o.id, language: b.language }).first('id');
  if (exists) throw new Problem('already_exists', `There is a ${b.language} translation already`, [{ path: '/language', message: 'has a translation' }]);
  await ctx.db('outcome_translations').insert({
    id: randomUUID(), outcome_id: o.id, language: b.language, title: b.title, description: b.description ?? null,
    significance: b.significance ?? null, contribution: b.contribution ?? null,
    translated_by_enc: b.translatedBy ? encrypt(ctx.app.keyring, b.translatedBy) : null, created_by: ctx.user.id, created_at: nowIso(),
  });
  // a translation of a published outcome is published at once: it passes the check before publishing
  if (o.status === 'published') requireReviewed(onlyOf(await outcomeFindings(ctx, o), b.language), b.confirmed);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'outcome', entityId: o.id, actorId: ctx.user.id, action: 'translate', changes: [{ field: `translations.${b.language}`, old: null, new: b.title }], personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'outcome.translate', entityType: 'outcome', entityId: o.id, details: { language: b.language } });
  return created(await withTranslations(ctx, o));
}
