// Sessions live in the database (several app instances can share them). The cookie holds a random
// token; the table holds only its HMAC, so a copied database cannot be used to log in.
import crypto from 'node:crypto';
import type { Request } from 'express';
import * as cookie from 'cookie';
import { Db, isPostgres } from '../db/knex';
import type { AppContext, CurrentUser, Role } from '../http/types';

export const SESSION_COOKIE = 'oogst_session';

export function tokenHash(secret: Buffer, token: string): string {
  return crypto.createHmac('sha256', secret).update(token).digest('hex');
}

export const newToken = () => crypto.randomBytes(32).toString('base64url');
export const nowIso = () => new Date().toISOString();

export async function createSession(app: AppContext, db: Db, userId: string): Promise<{ token: string; expiresAt: string }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + app.config.sessionTtlHours * 3600_000).toISOString();
  await db('sessions').insert({ id: tokenHash(app.config.sessionSecret, token), user_id: userId, created_at: nowIso(), expires_at: expiresAt });
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

export async function programmeScope(db: Db, userId: string, role: Role, organisationId: string) {
  // one query: the user's programmes, and every partner organisation of those programmes
  const programmes = role === 'partner'
    ? db('programme_partners').where({ organisation_id: organisationId }).select('programme_id')
    : db('programme_members').where({ user_id: userId }).select('programme_id');
  const rows: Array<{ programme_id: string; organisation_id: string | null }> = await db.from(programmes.as('mine'))
    .leftJoin('programme_partners as pp', 'pp.programme_id', 'mine.programme_id')
    .select('mine.programme_id', 'pp.organisation_id');
  return {
    programmeIds: [...new Set(rows.map((r) => r.programme_id))],
    programmeOrgIds: [...new Set(rows.map((r) => r.organisation_id).filter((x): x is string => !!x))],
  };
}

/** The user's programmes (as a partner: its organisation's), as SQL on a row `u` of users. */
const PROGRAMMES_OF_U = `SELECT programme_id FROM programme_partners WHERE u.role = 'partner' AND organisation_id = u.organisation_id
  UNION SELECT programme_id FROM programme_members WHERE u.role <> 'partner' AND user_id = u.id`;

/** The logged-in user of this request, or undefined. Expired sessions and disabled users count as logged out. */
export async function loadSessionUser(app: AppContext, req: Request): Promise<CurrentUser | undefined> {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const token = cookie.parse(header)[SESSION_COOKIE];
  if (!token) return undefined;
  const id = tokenHash(app.config.sessionSecret, token);
  // one query on every request: the session, its user, and the programme scope programmeScope()
  // gives (comma-joined ids: UUIDs hold no comma)
  const joined = (col: string) => (isPostgres(app.db) ? `string_agg(DISTINCT ${col}, ',')` : `group_concat(DISTINCT ${col})`);
  const row = await app.db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .join('organisations as o', 'o.id', 'u.organisation_id')
    .where('s.id', id)
    .where('s.expires_at', '>', nowIso())
    .whereNull('u.disabled_at')
    .first('u.id', 'u.email', 'u.role', 'u.organisation_id', 'u.language', 'u.totp_enabled_at', 'o.require_totp',
      app.db.raw(`(SELECT ${joined('mine.programme_id')} FROM (${PROGRAMMES_OF_U}) mine) AS programme_ids`),
      app.db.raw(`(SELECT ${joined('pp.organisation_id')} FROM programme_partners pp WHERE pp.programme_id IN (${PROGRAMMES_OF_U})) AS programme_org_ids`));
  if (!row) return undefined;
  const ids = (joinedIds: string | null) => (joinedIds ? joinedIds.split(',') : []);
  return {
    id: row.id, email: row.email, role: row.role, organisationId: row.organisation_id,
    language: row.language, sessionId: id, programmeIds: ids(row.programme_ids), programmeOrgIds: ids(row.programme_org_ids),
    // the organisation requires two-factor sign-in and the user has none yet (accounts/totp.ts)
    ...(row.require_totp && !row.totp_enabled_at && { totpSetupOnly: true }),
  };
}
