// Single-use, expiring tokens for links handed over outside the app (set-password, substantiation
// and two-factor set-up links). Only the HMAC of a token is stored. A link's first request swaps its
// token for a cookie (landOnLink, server/http/link-cookie.ts); the rules stay here.
import type { Db } from '../db/knex';
import type { AppContext, PublicCtx } from '../http/types';
import { Reply } from '../http/types';
import { Problem } from '../http/problem';
import { isWellFormedToken, LINKS, LinkKind, secureFor, swapReply } from '../http/link-cookie';
import { newToken, tokenHash } from '../crypto/tokens';
import { nowIso } from '../core/clock';

export type TokenPurpose = 'set_password' | 'substantiation' | 'two_factor';

export async function issueToken(
  app: AppContext, db: Db, t: { purpose: TokenPurpose; userId?: string; subjectId?: string; createdBy: string; ttlHours: number },
): Promise<{ token: string; expiresAt: string }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + t.ttlHours * 3600_000).toISOString();
  // a new link replaces any unused one for the same purpose and subject
  await db('tokens')
    .where({ purpose: t.purpose, subject_id: t.subjectId ?? t.userId ?? null })
    .whereNull('used_at')
    .update({ used_at: nowIso() });
  await db('tokens').insert({
    id: tokenHash(app.config.sessionSecret, token), purpose: t.purpose, user_id: t.userId ?? null,
    subject_id: t.subjectId ?? t.userId ?? null, created_by: t.createdBy, created_at: nowIso(), expires_at: expiresAt,
  });
  return { token, expiresAt };
}

/** Marks the token used and returns it; a missing, used or expired token is a 410. */
export async function consumeToken(app: AppContext, db: Db, purpose: TokenPurpose, token: string) {
  const row = await peekToken(app, db, purpose, token);
  const n = await db('tokens').where({ id: row.id }).whereNull('used_at').update({ used_at: nowIso() });
  if (n !== 1) throw new Problem('token_invalid');
  return row;
}

export async function peekToken(app: AppContext, db: Db, purpose: TokenPurpose, token: string) {
  const row = await db('tokens').where({ id: tokenHash(app.config.sessionSecret, token), purpose }).first();
  if (!row || row.used_at || row.expires_at <= nowIso()) throw new Problem('token_invalid');
  return row as { id: string; user_id: string | null; subject_id: string | null; expires_at: string };
}

/** The token's row while it can still be used; undefined for a missing, used or expired one. */
export async function liveToken(app: AppContext, db: Db, purpose: TokenPurpose, token: string) {
  try {
    return await peekToken(app, db, purpose, token);
  } catch (err) {
    if (err instanceof Problem && err.code === 'token_invalid') return undefined;
    throw err;
  }
}

/**
 * A link's first request (GET `${prefix}/:token`): a live token moves into the link's cookie
 * with a 303 to `location`; a dead or malformed one gives undefined, for the caller to say so.
 * Only peeked: the token is used up by the request that acts on it.
 */
export async function landOnLink(ctx: PublicCtx, kind: LinkKind, location: string): Promise<Reply | undefined> {
  const token = ctx.params.token;
  if (!isWellFormedToken(token)) return undefined;
  const row = await liveToken(ctx.app, ctx.db, LINKS[kind].purpose, token);
  return row && swapReply(kind, token, row.expires_at, location, secureFor(ctx.app, ctx.secure));
}
