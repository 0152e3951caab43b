// Login, logout, the current user and password changes. Failed logins are counted per account and
// address and slowed with growing delays (./throttle.ts); the route's per-address limit counts
// failures only, so an office on one connection signs in freely.
import { randomUUID } from 'node:crypto';
import type { Ctx, PublicCtx } from '../http/types';
import { problemReply, Reply } from '../http/types';
import { Problem } from '../http/problem';
import * as users from '../users/repository';
import { audit } from '../audit/log';
import { hashPassword, verifyPassword } from './passwords';
import * as cookie from 'cookie';
import { clearedSessionCookie, createSession, programmeScope, SESSION_COOKIE, sessionCookie } from './session';
import { tokenHash } from '../crypto/tokens';
import { nowIso } from '../core/clock';
import { failed, giveBack, succeeded, takeTurn, waitReply } from './throttle';
import { checkLoginCode, recoveryCodesLeft, totpState } from './totp';
import type { Login, MePatch } from '../generated/schemas';

export async function me(ctx: Ctx) {
  const u = await users.findById(ctx.db, ctx.app.keyring, ctx.user.id);
  if (!u) throw new Problem('unauthenticated');
  const { programmeIds } = ctx.user.role === 'admin'
    ? { programmeIds: await ctx.db('programmes').pluck('id') as string[] }
    : ctx.user; // the session read the user's programme scope
  const second = await totpState(ctx.db, u.id);
  return {
    id: u.id, email: u.email, name: u.name, role: u.role, language: u.language,
    organisation: { id: u.organisationId, name: u.organisationName },
    programmes: await users.programmesOf(ctx.db, programmeIds),
    // required and not enabled: this session may only set two-factor sign-in up (accounts/totp.ts)
    twoFactor: { enabled: !!second.enabledAt, required: second.required, ...(second.enabledAt && { recoveryCodesLeft: await recoveryCodesLeft(ctx.db, u.id) }) },
  };
}

/** Who is signed in, asked by the app at start: 200 with null when no one is (a 401 there would be logged as an error by the browser). */
export async function session(ctx: PublicCtx) {
  return new Reply(200, { user: ctx.user ? await me(ctx as Ctx) : null }, { 'Cache-Control': 'private, no-store' });
}

export async function login(ctx: PublicCtx<Login>) {
  const { config, keyring } = ctx.app;
  const address = ctx.address ?? 'unknown';
  // delayed after too many failures, for a real and an unknown account alike (./throttle.ts)
  const wait = await takeTurn(ctx.db, config, ctx.body.email, address);
  if (wait > 0) return waitReply(wait);
  const u = await users.findByEmail(ctx.db, keyring, ctx.body.email);
  const ok = await verifyPassword(u?.passwordHash, ctx.body.password);
  // the second factor (accounts/totp.ts), a code or a recovery code: a wrong one counts as a failed login
  const second = u && ok && !u.disabledAt ? await checkLoginCode(ctx, u.id, { code: ctx.body.totp, recoveryCode: ctx.body.recoveryCode }) : 'ok';
  if (!u || !ok || u.disabledAt || second === 'wrong') {
    // returned, not thrown: the failure count must be committed, not rolled back
    await failed(ctx.db, config, ctx.body.email, address);
    if (u && !u.disabledAt) await audit(ctx.db, { actorId: u.id, action: 'auth.login_failed', entityType: 'user', entityId: u.id });
    return problemReply(new Problem('invalid_credentials'));
  }
  if (second === 'missing') {
    await giveBack(ctx.db, config, ctx.body.email, address);
    return new Reply(200, { totpRequired: true }); // no session until the code comes
  }
  await succeeded(ctx.db, config, ctx.body.email, address);
  // a fresh session id at every login (no fixation); the session this request came with ends
  await endPresentedSession(ctx);
  const session = await createSession(ctx.app, ctx.db, u.id);
  await audit(ctx.db, { actorId: u.id, action: 'auth.login', entityType: 'user', entityId: u.id });
  const body = await me({ ...ctx, user: { id: u.id, role: u.role, ...(await programmeScope(ctx.db, u.id)) } } as Ctx);
  return new Reply(200, body, { 'Set-Cookie': sessionCookie(session.token, session.expiresAt, ctx.secure) });
}

/** The session cookie the request came with, whoever's it is, is ended by a new login. */
async function endPresentedSession(ctx: PublicCtx): Promise<void> {
  const header = ctx.headers.cookie;
  const token = typeof header === 'string' ? cookie.parse(header)[SESSION_COOKIE] : undefined;
  if (token) await ctx.db('sessions').where({ id: tokenHash(ctx.app.config.sessionSecret, token) }).del();
}

export async function logout(ctx: Ctx) {
  await ctx.db('sessions').where({ id: ctx.user.sessionId }).del();
  await audit(ctx.db, { actorId: ctx.user.id, action: 'auth.logout', entityType: 'user', entityId: ctx.user.id });
  return new Reply(204, undefined, { 'Set-Cookie': clearedSessionCookie(ctx.secure) });
}

export async function updateMe(ctx: Ctx<MePatch>) {
  const { keyring } = ctx.app;
  const b = ctx.body;
  const patch: Parameters<typeof users.update>[3] = { name: b.name, language: b.language };
  if (b.password !== undefined) {
    const u = await users.findById(ctx.db, keyring, ctx.user.id);
    if (!(await verifyPassword(u?.passwordHash, b.currentPassword ?? ''))) {
      throw new Problem('forbidden', 'The current password is wrong', [{ path: '/currentPassword', message: 'is wrong' }]);
    }
    patch.passwordHash = await hashPassword(b.password);
    // a changed password ends every other session of the user, and any set-password link still open
    await ctx.db('sessions').where({ user_id: ctx.user.id }).whereNot({ id: ctx.user.sessionId }).del();
    await ctx.db('tokens').where({ purpose: 'set_password', user_id: ctx.user.id }).whereNull('used_at').del();
  }
  await users.update(ctx.db, keyring, ctx.user.id, patch, nowIso());
  await audit(ctx.db, { actorId: ctx.user.id, action: 'user.update_self', entityType: 'user', entityId: ctx.user.id, details: { fields: Object.keys(b).filter((k) => k !== 'currentPassword') } });
  return me(ctx);
}

export const newId = () => randomUUID();
