// The substantiator's side: GET /substantiate/:token shows the form, POST records the answer.
// No account, no script: the token is the only key, single-use and expiring. Problems a person
// can meet (a used, expired or wrong link; an answered request) are pages in their language,
// not JSON.
import type { PublicCtx } from '../http/types';
import { Reply } from '../http/types';
import { Problem } from '../http/problem';
import { nowIso } from '../auth/session';
import { consumeToken, peekToken } from '../auth/tokens';
import { audit } from '../audit/log';
import { recordRevision } from '../revisions/log';
import { evaluatorsOf } from '../review/people';
import { notify } from '../review/notifications';
import { pageLanguage, PageLanguage } from './i18n';
import { formPage, Notice, noticePage, PageOutcome } from './page';
import { Answer, answerColumns, PERSONAL_FIELDS } from './representation';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type PageCtx<B = unknown> = PublicCtx<B, { lang?: string }>;
type Open = { s: Row; o: Row } | Exclude<Notice, 'thanks'>;

const languageOf = (ctx: PageCtx) => pageLanguage(ctx.query.lang, ctx.headers['accept-language'] as string | undefined);
// same-origin, not the app's no-referrer: under no-referrer a browser sends "Origin: null" with the
// form, which the origin check refuses; other sites still never see the link with its token
const page = (status: number, lang: PageLanguage, html: string) =>
  new Reply(status, html, { 'Cache-Control': 'no-store', 'Content-Language': lang, 'Referrer-Policy': 'same-origin' });
const notice = (lang: PageLanguage, n: Notice) => page(n === 'thanks' ? 200 : n === 'gone' ? 410 : 409, lang, noticePage(lang, n));

/** The request behind a token, if it can still be answered. */
async function open(ctx: PageCtx): Promise<Open> {
  let token;
  try {
    token = await peekToken(ctx.app, ctx.db, 'substantiation', ctx.params.token);
  } catch (err) {
    if (err instanceof Problem && err.code === 'token_invalid') return 'gone';
    throw err;
  }
  const s = await ctx.db('substantiations').where({ id: token.subject_id }).first();
  if (!s) return 'gone';
  if (s.answered_at) return 'answered';
  const o = await ctx.db('outcomes').where({ id: s.outcome_id })
    .first('id', 'organisation_id', 'status', 'description', 'significance', 'contribution', 'language');
  // answers count while the outcome is under review; a link into a closed review has lapsed
  if (!o || o.status !== 'under_review') return 'gone';
  return { s, o };
}

export async function show(ctx: PageCtx) {
  const lang = languageOf(ctx);
  const found = await open(ctx);
  if (typeof found === 'string') return notice(lang, found);
  return page(200, lang, formPage(lang, ctx.params.token, found.o as PageOutcome));
}

export async function submit(ctx: PageCtx<Omit<Answer, 'answeredOn'>>) {
  const lang = languageOf(ctx);
  const found = await open(ctx);
  if (typeof found === 'string') return notice(lang, found);
  try {
    await consumeToken(ctx.app, ctx.db, 'substantiation', ctx.params.token);
  } catch (err) {
    if (err instanceof Problem && err.code === 'token_invalid') return notice(lang, 'gone'); // lost a race with itself
    throw err;
  }
  const { s, o } = found;
  const now = nowIso();
  const answer: Answer = { ...ctx.body, comments: ctx.body.comments?.trim() ? ctx.body.comments : undefined, answeredOn: now.slice(0, 10) };
  const n = await ctx.db('substantiations').where({ id: s.id }).whereNull('answered_at').update(answerColumns(ctx.app.keyring, answer, 'link', null, now));
  if (n !== 1) return notice(lang, 'answered');
  const changes = Object.entries(answer).map(([field, value]) => ({ field, old: null, new: value ?? null }));
  // the substantiator has no account: the revision and the audit entry name no actor
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'substantiation', entityId: s.id, actorId: null as unknown as string, action: 'answer', changes, personal: PERSONAL_FIELDS });
  await audit(ctx.db, { actorId: null, action: 'substantiation.answer', entityType: 'substantiation', entityId: s.id, details: { outcomeId: o.id, via: 'link' } });
  const evaluators = await evaluatorsOf(ctx.db, o.organisation_id);
  await notify(ctx.db, { userIds: [...evaluators, ...(s.created_by ? [s.created_by] : [])], kind: 'substantiation.answered', outcomeId: o.id, actorId: null });
  return notice(lang, 'thanks');
}
