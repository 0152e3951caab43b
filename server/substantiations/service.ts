// The rules of substantiation: the programme's evaluators ask independent people about an outcome
// under review, record their answers or hand them a single-use link, and see who they are;
// everyone else who may see the outcome gets the verdicts and the conclusion only.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created } from '../http/types';
import { forbidden, notFound, Problem, unprocessable } from '../http/problem';
import { listReply, pageOf } from '../http/paging';
import { nowIso } from '../core/clock';
import { issueToken } from '../auth/tokens';
import { audit } from '../audit/log';
import { diff, recordRevision } from '../revisions/log';
import { load } from '../outcomes/service';
import { isReviewer } from '../domain/readers';
import type { Outcome } from '../outcomes/representation';
import { conclusionsOf } from '../outcomes/conclusions';
import { Answer, answerColumns, fromRow, PERSONAL_FIELDS, redactSubstantiation, Substantiation, substantiatorColumn } from './representation';
import type { SubstantiationCreate } from '../generated/schemas';

/** How long a substantiation link stays valid: long enough for a slow channel, short enough to lapse. */
export const LINK_TTL_HOURS = 14 * 24;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const present = (ctx: Ctx, o: Outcome, s: Substantiation) => (isReviewer(ctx.user, o.organisation.id) ? s : redactSubstantiation(s));

/** The outcome, for one of its evaluators, while it is under review. */
async function reviewing(ctx: Ctx, what: string): Promise<Outcome> {
  const o = await load(ctx, ctx.params.id);
  if (!isReviewer(ctx.user, o.organisation.id)) throw forbidden("Only the programme's evaluators substantiate its outcomes");
  if (o.status !== 'under_review') throw new Problem('conflict', `${what} only while the outcome is under review (it is ${o.status})`);
  return o;
}

async function row(ctx: Ctx, o: Outcome): Promise<Row> {
  const r = await ctx.db('substantiations').where({ id: ctx.params.sid, outcome_id: o.id }).first();
  if (!r) throw notFound('substantiation');
  return r;
}

export async function list(ctx: Ctx<unknown, { page?: string; pageSize?: string }>) {
  const o = await load(ctx, ctx.params.id);
  const page = pageOf(ctx.query);
  const all = ctx.db('substantiations').where({ outcome_id: o.id });
  const [{ n }] = await all.clone().count({ n: '*' });
  const rows = await all.orderBy([{ column: 'created_at' }, { column: 'id' }]).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const conclusion = (await conclusionsOf(ctx.db, [o])).get(o.id) ?? null;
  return { ...listReply(rows.map((r) => present(ctx, o, fromRow(ctx.app.keyring, r))), Number(n), page), conclusion };
}

export async function create(ctx: Ctx<SubstantiationCreate>) {
  const o = await reviewing(ctx, 'Substantiators are asked');
  const now = nowIso();
  const id = randomUUID();
  await ctx.db('substantiations').insert({
    id, outcome_id: o.id, substantiator_enc: substantiatorColumn(ctx.app.keyring, ctx.body.substantiator), independent: ctx.body.independent,
    created_by: ctx.user.id, created_at: now, updated_at: now,
  });
  const changes = [{ field: 'substantiator', old: null, new: ctx.body.substantiator }, { field: 'independent', old: null, new: ctx.body.independent }];
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'substantiation', entityId: id, actorId: ctx.user.id, action: 'create', changes, personal: PERSONAL_FIELDS });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'substantiation.create', entityType: 'substantiation', entityId: id, details: { outcomeId: o.id } });
  return created(fromRow(ctx.app.keyring, await ctx.db('substantiations').where({ id }).first()));
}

const answerOf = (s: Substantiation) => (s.answer ? { description: s.answer.description, significance: s.answer.significance, contribution: s.answer.contribution, comments: s.answer.comments ?? null, answeredOn: s.answer.answeredOn } : {});
const ANSWER_FIELDS = ['description', 'significance', 'contribution', 'comments', 'answeredOn'];

/** The evaluator enters (or corrects their own entry of) an answer given by phone, in person, … */
export async function answer(ctx: Ctx<Answer>) {
  const o = await reviewing(ctx, 'Answers are recorded');
  const r = await row(ctx, o);
  if (r.answered_via === 'link') throw new Problem('conflict', 'The substantiator answered through the link; their answer stays as given');
  if (ctx.body.answeredOn > nowIso().slice(0, 10)) throw unprocessable('/answeredOn', 'is in the future');
  const before = fromRow(ctx.app.keyring, r);
  const now = nowIso();
  await ctx.db('substantiations').where({ id: r.id }).update(answerColumns(ctx.app.keyring, ctx.body, 'evaluator', ctx.user.id, now));
  // an answer is in: an outstanding link must not overwrite it
  await ctx.db('tokens').where({ purpose: 'substantiation', subject_id: r.id }).whereNull('used_at').update({ used_at: now });
  const changes = diff(answerOf(before), { ...ctx.body, comments: ctx.body.comments ?? null }, ANSWER_FIELDS);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'substantiation', entityId: r.id, actorId: ctx.user.id, action: 'answer', changes, personal: PERSONAL_FIELDS });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'substantiation.answer', entityType: 'substantiation', entityId: r.id, details: { outcomeId: o.id, via: 'evaluator' } });
  return fromRow(ctx.app.keyring, await ctx.db('substantiations').where({ id: r.id }).first());
}

/** A single-use, expiring link for the substantiator; a new link replaces the previous one. */
export async function link(ctx: Ctx) {
  const o = await reviewing(ctx, 'Links are made');
  const r = await row(ctx, o);
  if (r.answered_at) throw new Problem('conflict', 'This substantiation is answered already');
  const { token, expiresAt } = await issueToken(ctx.app, ctx.db, { purpose: 'substantiation', subjectId: r.id, createdBy: ctx.user.id, ttlHours: LINK_TTL_HOURS });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'substantiation.link', entityType: 'substantiation', entityId: r.id, details: { outcomeId: o.id, expiresAt } });
  return created({ url: `${ctx.app.config.publicUrl ?? ''}/substantiate/${token}`, expiresAt });
}
