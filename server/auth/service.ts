// Login, logout, the current user and password changes. Failed logins are counted per account in
// the database; after too many the account locks for a while (the IP limit sits on the route).
import { randomUUID } from 'node:crypto';
import type { Ctx, PublicCtx } from '../http/types';
import { problemReply, Reply } from '../http/types';
import { Problem } from '../http/problem';
import * as users from '../users/repository';
import { audit } from '../audit/log';
import { hashPassword, verifyPassword } from './passwords';
import { clearedSessionCookie, createSession, nowIso, programmeScope, sessionCookie } from './session';
import { checkLoginCode, totpState } from '../accounts/totp';

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
    twoFactor: { enabled: !!second.enabledAt, required: second.required },
  };
}

export async function login(ctx: PublicCtx<{ email: string; password: string; totp?: string }>) {
  const { config, keyring } = ctx.app;
  const u = await users.findByEmail(ctx.db, keyring, ctx.body.email);
  const now = nowIso();
  if (u?.lockedUntil && u.lockedUntil > now) throw new Problem('account_locked');
  const ok = await verifyPassword(u?.passwordHash, ctx.body.password);
  // the second factor (accounts/totp.ts): a wrong code counts as a failed login
  const second = u && ok && !u.disabledAt ? await checkLoginCode(ctx, u.id, ctx.body.totp) : 'ok';
  if (!u || !ok || u.disabledAt || second === 'wrong') {
    // returned, not thrown: the failure count must be committed, not rolled back
    if (u && !u.disabledAt) {
      const failures = u.failedLogins + 1;
      const lock = failures >= config.loginMaxFailures;
      await users.update(ctx.db, keyring, u.id, {
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(Date.now() + config.lockoutMinutes * 60_000).toISOString() : null,
      }, now);
      await audit(ctx.db, { actorId: u.id, action: lock ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: u.id });
    }
    return problemReply(new Problem('invalid_credentials'));
  }
  if (second === 'missing') return new Reply(200, { totpRequired: true }); // no session until the code comes
  await users.update(ctx.db, keyring, u.id, { failedLogins: 0, lockedUntil: null }, now);
  // a fresh session id at every login (no fixation); other sessions of the user stay valid
  const session = await createSession(ctx.app, ctx.db, u.id);
  await audit(ctx.db, { actorId: u.id, action: 'auth.login', entityType: 'user', entityId: u.id });
  const body = await me({ ...ctx, user: { id: u.id, role: u.role, ...(await programmeScope(ctx.db, u.id)) } } as Ctx);
  return new Reply(200, body, { 'Set-Cookie': sessionCookie(session.token, session.expiresAt, ctx.secure) });
}

export async function logout(ctx: Ctx) {
  await ctx.db('sessions').where({ id: ctx.user.sessionId }).del();
  await audit(ctx.db, { actorId: ctx.user.id, action: 'auth.logout', entityType: 'user', entityId: ctx.user.id });
  return new Reply(204, undefined, { 'Set-Cookie': clearedSessionCookie(ctx.secure) });
}

export async function updateMe(ctx: Ctx<{ name?: string; language?: string; password?: string; currentPassword?: string }>) {
  const { keyring } = ctx.app;
  const b = ctx.body;
  const patch: Parameters<typeof users.update>[3] = { name: b.name, language: b.language };
  if (b.password !== undefined) {
    const u = await users.findById(ctx.db, keyring, ctx.user.id);
    if (!(await verifyPassword(u?.passwordHash, b.currentPassword ?? ''))) {
      throw new Problem('forbidden', 'The current password is wrong', [{ path: '/currentPassword', message: 'is wrong' }]);
    }
    patch.passwordHash = await hashPassword(b.password);
    // a changed password ends every other session of the user
    await ctx.db('sessions').where({ user_id: ctx.user.id }).whereNot({ id: ctx.user.sessionId }).del();
  }
  await users.update(ctx.db, keyring, ctx.user.id, patch, nowIso());
  await audit(ctx.db, { actorId: ctx.user.id, action: 'user.update_self', entityType: 'user', entityId: ctx.user.id, details: { fields: Object.keys(b).filter((k) => k !== 'currentPassword') } });
  return me(ctx);
}

export const newId = () => randomUUID();
