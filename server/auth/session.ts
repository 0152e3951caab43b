// Sessions live in the database (several app instances can share them). The cookie holds a random
// token; the table holds only its HMAC, so a copied database cannot be used to log in.
import type { Request } from 'express';
import * as cookie from 'cookie';
import type { Knex } from 'knex';
import { Db, isPostgres } from '../db/knex';
import { nowIso } from '../core/clock';
import { newToken, tokenHash } from '../crypto/tokens';
import type { AppContext, CurrentUser } from '../http/types';

export const SESSION_COOKIE = 'oogst_session';


export async function createSession(app: AppContext, db: Db, userId: string): Promise<{ token: string; expiresAt: string }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + app.config.sessionTtlHours * 3600_000).toISOString();
  const now = nowIso();
  await db('sessions').insert({ id: tokenHash(app.config.sessionSecret, token), user_id: userId, created_at: now, last_seen_at: now, expires_at: expiresAt });
  return { token, expiresAt };
}

export function sessionCookie(token: string, expiresAt: string, secure: boolean): string {
  return cookie.serialize(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'strict', secure, path: '/', expires: new Date(expiresAt),
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return cookie.serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: 0 });
}

/** The user's programmes (as a partner: its organisation's), as SQL on a row `u` of users. */
const PROGRAMMES_OF_U = `SELECT programme_id FROM programme_partners WHERE u.role = 'partner' AND organisation_id = u.organisation_id
  UNION SELECT programme_id FROM programme_members WHERE u.role <> 'partner' AND user_id = u.id`;

/**
 * The programme scope as two columns over a row `u` of users: the user's programmes and every
 * partner organisation of those programmes, each comma-joined (UUIDs hold no comma).
 */
function scopeColumns(db: Db): Knex.Raw[] {
  const joined = (col: string) => (isPostgres(db) ? `string_agg(DISTINCT ${col}, ',')` : `group_concat(DISTINCT ${col})`);
  return [
    db.raw(`(SELECT ${joined('mine.programme_id')} FROM (${PROGRAMMES_OF_U}) mine) AS programme_ids`),
    db.raw(`(SELECT ${joined('pp.organisation_id')} FROM programme_partners pp WHERE pp.programme_id IN (${PROGRAMMES_OF_U})) AS programme_org_ids`),
  ];
}

type ScopeRow = { programme_ids?: string | null; programme_org_ids?: string | null };
const idsOf = (joined: string | null | undefined) => (joined ? joined.split(',') : []);
const scopeOf = (row: ScopeRow) => ({ programmeIds: idsOf(row.programme_ids), programmeOrgIds: idsOf(row.programme_org_ids) });

/** A user's programme scope, read as every request's session query reads it (for the benches and scripts). */
export async function programmeScope(db: Db, userId: string): Promise<{ programmeIds: string[]; programmeOrgIds: string[] }> {
  return scopeOf((await db('users as u').where('u.id', userId).first(scopeColumns(db))) ?? {});
}

/**
 * An active user as their own requests see them, for the command line (which has no session): the
 * report printed "as" an evaluator is read with that evaluator's role and programmes.
 */
export async function commandLineUser(db: Db, email: string): Promise<CurrentUser | undefined> {
  const u = await db('users as u').where('u.email', email.trim().toLowerCase()).whereNull('u.disabled_at')
    .first('u.id', 'u.email', 'u.role', 'u.organisation_id', 'u.language', ...scopeColumns(db));
  if (!u) return undefined;
  return { id: u.id, email: u.email, role: u.role, organisationId: u.organisation_id, language: u.language, sessionId: '', ...scopeOf(u) };
}

const TOUCH_EVERY_MS = 60_000;

/** Marks the session used: at most one write a minute per session, outside the request's transaction. */
async function touch(app: AppContext, id: string): Promise<void> {
  const now = Date.now();
  await app.db('sessions').where({ id }).where('last_seen_at', '<', new Date(now - TOUCH_EVERY_MS).toISOString())
    .update({ last_seen_at: new Date(now).toISOString() });
}

/** The logged-in user of this request, or undefined. Expired or idle sessions and disabled users count as logged out. */
export async function loadSessionUser(app: AppContext, req: Request): Promise<CurrentUser | undefined> {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const token = cookie.parse(header)[SESSION_COOKIE];
  if (!token) return undefined;
  const id = tokenHash(app.config.sessionSecret, token);
  // one query on every request: the session, its user, and the user's programme scope
  const row = await app.db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .join('organisations as o', 'o.id', 'u.organisation_id')
    .where('s.id', id)
    .where('s.expires_at', '>', nowIso())
    .where('s.last_seen_at', '>', new Date(Date.now() - app.config.sessionIdleMinutes * 60_000).toISOString())
    .whereNull('u.disabled_at')
    .first('u.id', 'u.email', 'u.role', 'u.organisation_id', 'u.language', 'u.totp_enabled_at', 'o.require_totp', ...scopeColumns(app.db));
  if (!row) return undefined;
  await touch(app, id);
  return {
    id: row.id, email: row.email, role: row.role, organisationId: row.organisation_id,
    language: row.language, sessionId: id, ...scopeOf(row),
    // the organisation requires two-factor sign-in and the user has none yet (accounts/totp.ts)
    ...(row.require_totp && !row.totp_enabled_at && { totpSetupOnly: true }),
  };
}
