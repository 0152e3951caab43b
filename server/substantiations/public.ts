// The substantiator's side, reached by a single-use link /substantiate/<token>. Its first request
// moves the token into a cookie (server/http/link-cookie.ts) and answers 303 to /substantiate, so
// that the token is in no log, history or Referer; GET /substantiate shows the form and POST
// /substantiate records the answer, both reading the cookie. POST /substantiate/:token stays for
// forms and clients made before. No account, no script: the token is the only key, single-use and
// expiring. Problems a person can meet (a used, expired or wrong link; an answered request; no
// cookie) are pages in their language, not JSON.
import type { PublicCtx } from '../http/types';
import { Reply } from '../http/types';
import { Problem } from '../http/problem';
import { nowIso } from '../core/clock';
import { consumeToken, landOnLink, liveToken } from '../auth/tokens';
import { clearedLinkCookie, linkTokenOf, secureFor } from '../http/link-cookie';
import { audit } from '../audit/log';
import { recordRevision } from '../revisions/log';
import { evaluatorsOf } from '../notifications/recipients';
import { notify } from '../notifications/send';
import { pageLanguage, PageLanguage } from './i18n';
import { formPage, Notice, noticePage, PageOutcome } from './page';
import { Answer, answerColumns, PERSONAL_FIELDS } from './representation';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type PageCtx<B = unknown> = PublicCtx<B, { lang?: string }>;
type Open = { s: Row; o: Row } | Exclude<Notice, 'thanks' | 'missing'>;
type AnswerCtx = PageCtx<Omit<Answer, 'answeredOn'>>;
const STATUS: Record<Notice, number> = { thanks: 200, gone: 410, answered: 409, missing: 400 };

const languageOf = (ctx: PageCtx) => pageLanguage(ctx.query.lang, ctx.headers['accept-language'] as string | undefined);
// same-origin, not the app's no-referrer: under no-referrer a browser sends "Origin: null" with the
// form, which the origin check refuses; other sites still never see the link with its token
const page = (status: number, lang: PageLanguage, html: string, headers: Record<string, string> = {}) =>
  new Reply(status, html, { 'Cache-Control': 'no-store', 'Content-Language': lang, 'Referrer-Policy': 'same-origin', ...headers });
const notice = (lang: PageLanguage, n: Notice, headers: Record<string, string> = {}) => page(STATUS[n], lang, noticePage(lang, n), headers);
// the page's own address, keeping the language asked for (the pattern of pageQuery makes it safe)
const here = (ctx: PageCtx) => (ctx.query.lang ? `/substantiate?lang=${encodeURIComponent(ctx.query.lang)}` : '/substantiate');

/** The request behind a token, if it can still be answered. */
async function open(ctx: PageCtx, tokenText: string): Promise<Open> {
  const token = await liveToken(ctx.app, ctx.db, 'substantiation', tokenText);
  if (!token) return 'gone';
  const s = await ctx.db('substantiations').where({ id: token.subject_id }).first();
  if (!s) return 'gone';
  if (s.answered_at) return 'answered';
  const o = await ctx.db('outcomes').where({ id: s.outcome_id })
    .first('id', 'organisation_id', 'status', 'description', 'significance', 'contribution', 'language');
  // answers count while the outcome is under review; a link into a closed review has lapsed
  if (!o || o.status !== 'under_review') return 'gone';
  return { s, o };
}

/** GET /substantiate/:token, the link itself: its token moves into the cookie. */
export async function land(ctx: PageCtx) {
  return (await landOnLink(ctx, 'substantiation', here(ctx))) ?? notice(languageOf(ctx), 'gone');
}

async function showFor(ctx: PageCtx, token: string, clear: Record<string, string>) {
  const lang = languageOf(ctx);
  const found = await open(ctx, token);
  if (typeof found === 'string') return notice(lang, found, clear);
  return page(200, lang, formPage(lang, found.o as PageOutcome));
}

/** GET /substantiate: the form for the link whose token the cookie holds. */
export async function show(ctx: PageCtx) {
  const token = linkTokenOf('substantiation', ctx.headers);
  return token ? showFor(ctx, token, clearing(ctx)) : notice(languageOf(ctx), 'missing');
}

/** POST /substantiate/:token, as forms made before the cookie posted. */
export const submit = (ctx: AnswerCtx) => answerWith(ctx, ctx.params.token, {});

/** POST /substantiate: the form's answer, for the link whose token the cookie holds. */
export async function submitByCookie(ctx: AnswerCtx) {
  const token = linkTokenOf('substantiation', ctx.headers);
  return token ? answerWith(ctx, token, clearing(ctx)) : notice(languageOf(ctx), 'missing');
}

// a link that is done with (answered, used, lapsed) has no use for its cookie any more
const clearing = (ctx: PageCtx) => ({ 'Set-Cookie': clearedLinkCookie('substantiation', secureFor(ctx.app, ctx.secure)) });

async function answerWith(ctx: AnswerCtx, token: string, clear: Record<string, string>) {
  const lang = languageOf(ctx);
  const found = await open(ctx, token);
  if (typeof found === 'string') return notice(lang, found, clear);
  try {
    await consumeToken(ctx.app, ctx.db, 'substantiation', token);
  } catch (err) {
    if (err instanceof Problem && err.code === 'token_invalid') return notice(lang, 'gone', clear); // lost a race with itself
    throw err;
  }
  const { s, o } = found;
  const now = nowIso();
  const answer: Answer = { ...ctx.body, comments: ctx.body.comments?.trim() ? ctx.body.comments : undefined, answeredOn: now.slice(0, 10) };
  const n = await ctx.db('substantiations').where({ id: s.id }).whereNull('answered_at').update(answerColumns(ctx.app.keyring, answer, 'link', null, now));
  if (n !== 1) return notice(lang, 'answered', clear);
  const changes = Object.entries(answer).map(([field, value]) => ({ field, old: null, new: value ?? null }));
  // the substantiator has no account: the revision and the audit entry name no actor
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'substantiation', entityId: s.id, actorId: null as unknown as string, action: 'answer', changes, personal: PERSONAL_FIELDS });
  await audit(ctx.db, { actorId: null, action: 'substantiation.answer', entityType: 'substantiation', entityId: s.id, details: { outcomeId: o.id, via: 'link' } });
  const evaluators = await evaluatorsOf(ctx.db, o.organisation_id);
  await notify(ctx.db, { userIds: [...evaluators, ...(s.created_by ? [s.created_by] : [])], kind: 'substantiation.answered', outcomeId: o.id, actorId: null });
  return notice(lang, 'thanks', clear);
}
