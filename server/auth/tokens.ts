// Single-use, expiring tokens for links handed over outside the app (set-password links now,
// substantiation links later). Only the HMAC of a token is stored.
import type { Db } from '../db/knex';
import type { AppContext } from '../http/types';
import { Problem } from '../http/problem';
import { newToken, nowIso, tokenHash } from './session';

export type TokenPurpose = 'set_password' | 'substantiation';

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
