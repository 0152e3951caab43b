// User accounts (admin): create with a set-password link the admin passes on (there is no mail
// server) and, where the organisation requires two-factor sign-in, a set-up link for it; list,
// update, reset-password and two-factor links, disable (which ends the user's sessions).
import { randomUUID } from 'node:crypto';
import type { Ctx, RouteDef } from '../http/types';
import { created } from '../http/types';
import { notFound, Problem, unprocessable } from '../http/problem';
import { nowIso } from '../core/clock';
import { issueToken } from '../auth/tokens';
import { turnOff } from '../auth/totp';
import { audit } from '../audit/log';
import { listOf, listReply, pageOf } from '../http/paging';
import * as repo from '../users/repository';
import type { UserCreate, UserPatch } from '../generated/schemas';

const LINK_HOURS = 72;

const toApi = (u: repo.UserRow) => ({
  id: u.id, email: u.email, name: u.name, role: u.role, language: u.language,
  organisation: { id: u.organisationId, name: u.organisationName },
  disabled: !!u.disabledAt, hasPassword: !!u.passwordHash, twoFactor: !!u.totpEnabledAt, createdAt: u.createdAt,
});

async function load(ctx: Ctx, id: string) {
  const u = await repo.findById(ctx.db, ctx.app.keyring, id);
  if (!u) throw notFound('user');
  return u;
}

async function checkOrg(ctx: Ctx, orgId: string | undefined, role: string | undefined) {
  if (!orgId) return;
  const org = await ctx.db('organisations').where({ id: orgId }).first();
  if (!org) throw unprocessable('/organisationId', 'no such organisation');
  if (role === 'partner' && org.kind !== 'partner') throw unprocessable('/organisationId', 'a partner belongs to a partner organisation');
}

async function setPasswordLink(ctx: Ctx, userId: string) {
  const t = await issueToken(ctx.app, ctx.db, { purpose: 'set_password', userId, createdBy: ctx.user.id, ttlHours: LINK_HOURS });
  return { url: `${ctx.app.config.publicUrl ?? ''}/set-password/${t.token}`, expiresAt: t.expiresAt };
}

/** The link through which a user enrols a phone where the organisation requires two-factor sign-in (accounts/totp.ts). */
async function twoFactorLink(ctx: Ctx, userId: string) {
  const t = await issueToken(ctx.app, ctx.db, { purpose: 'two_factor', userId, createdBy: ctx.user.id, ttlHours: LINK_HOURS });
  return { url: `${ctx.app.config.publicUrl ?? ''}/two-factor/${t.token}`, expiresAt: t.expiresAt };
}

const requiresTwoFactor = async (ctx: Ctx, orgId: string) => !!(await ctx.db('organisations').where({ id: orgId }).first('require_totp'))?.require_totp;

async function list(ctx: Ctx<unknown, { page?: string; pageSize?: string; role?: string; org?: string }>) {
  const p = pageOf(ctx.query);
  const r = await repo.list(ctx.db, ctx.app.keyring, { roles: listOf(ctx.query.role), orgIds: listOf(ctx.query.org), ...p });
  return listReply(r.items.map(toApi), r.total, p);
}

async function create(ctx: Ctx<UserCreate>) {
  const b = ctx.body;
  await checkOrg(ctx, b.organisationId, b.role);
  if (await repo.findByEmail(ctx.db, ctx.app.keyring, b.email)) {
    throw new Problem('already_exists', 'A user with this email exists', [{ path: '/email', message: 'is taken' }]);
  }
  const id = randomUUID();
  await repo.insert(ctx.db, ctx.app.keyring, { id, email: b.email, name: b.name, role: b.role, organisationId: b.organisationId, language: b.language ?? 'en', now: nowIso() });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'user.create', entityType: 'user', entityId: id, details: { role: b.role } });
  // where the organisation requires two-factor sign-in, the set-up link comes with the password's
  return created({
    user: toApi(await load(ctx, id)), setPasswordLink: await setPasswordLink(ctx, id),
    ...(await requiresTwoFactor(ctx, b.organisationId) && { twoFactorLink: await twoFactorLink(ctx, id) }),
  });
}

async function update(ctx: Ctx<UserPatch>) {
  const u = await load(ctx, ctx.params.id);
  const b = ctx.body;
  await checkOrg(ctx, b.organisationId ?? (b.role ? u.organisationId : undefined), b.role ?? u.role);
  if (b.disabled && u.id === ctx.user.id) throw new Problem('conflict', 'You cannot disable yourself');
  const disabledAt = b.disabled === undefined ? undefined : b.disabled ? (u.disabledAt ?? nowIso()) : null;
  await repo.update(ctx.db, ctx.app.keyring, u.id, { name: b.name, role: b.role, organisationId: b.organisationId, language: b.language, disabledAt }, nowIso());
  // disabling, or a change of role or organisation, ends the user's sessions at once
  if (b.disabled || b.role || b.organisationId) await ctx.db('sessions').where({ user_id: u.id }).del();
  await audit(ctx.db, { actorId: ctx.user.id, action: b.disabled ? 'user.disable' : 'user.update', entityType: 'user', entityId: u.id, details: { fields: Object.keys(b) } });
  return toApi(await load(ctx, u.id));
}

async function resetLink(ctx: Ctx) {
  const u = await load(ctx, ctx.params.id);
  if (u.disabledAt) throw new Problem('conflict', 'The user is disabled');
  await audit(ctx.db, { actorId: ctx.user.id, action: 'user.password_link', entityType: 'user', entityId: u.id });
  return created(await setPasswordLink(ctx, u.id));
}

/**
 * Two-factor sign-in off for a user whose phone is lost or was taken: the secret is erased, so a
 * code from that phone opens nothing; the user's sessions end, and the next login is with the
 * password alone (then a new setup, which an organisation that requires it asks for at once).
 */
async function resetTwoFactor(ctx: Ctx) {
  const u = await load(ctx, ctx.params.id);
  if (!u.totpEnabledAt) throw new Problem('conflict', 'Two-factor sign-in is not on for this user');
  await turnOff(ctx.db, u.id);
  await ctx.db('sessions').where({ user_id: u.id }).del();
  await audit(ctx.db, { actorId: ctx.user.id, action: 'user.totp_reset', entityType: 'user', entityId: u.id });
  return toApi({ ...u, totpEnabledAt: null });
}

/** A new two-factor set-up link (an earlier unused one stops working). */
async function issueTwoFactorLink(ctx: Ctx) {
  const u = await load(ctx, ctx.params.id);
  if (u.disabledAt) throw new Problem('conflict', 'The user is disabled');
  if (u.totpEnabledAt) throw new Problem('conflict', 'Two-factor sign-in is on for this user; turn it off first if the phone is lost');
  await audit(ctx.db, { actorId: ctx.user.id, action: 'user.two_factor_link', entityType: 'user', entityId: u.id });
  return created(await twoFactorLink(ctx, u.id));
}

const admin = ['admin'] as const;
export const routes: RouteDef[] = [
  { method: 'get', path: '/api/users', tag: 'admin', summary: 'List users', access: admin, query: 'admin#/$defs/userQuery', handler: list },
  { method: 'post', path: '/api/users', tag: 'admin', summary: 'Create a user; answers with a set-password link', access: admin, body: 'admin#/$defs/userCreate', status: 201, handler: create },
  { method: 'get', path: '/api/users/:id', tag: 'admin', summary: 'One user', access: admin, response: 'admin#/$defs/user', handler: async (ctx) => toApi(await load(ctx, ctx.params.id)) },
  { method: 'patch', path: '/api/users/:id', tag: 'admin', summary: 'Update or disable a user', access: admin, body: 'admin#/$defs/userPatch', response: 'admin#/$defs/user', handler: update },
  { method: 'delete', path: '/api/users/:id/totp', tag: 'admin', summary: "Turn off a user's two-factor sign-in (a lost or taken phone); ends their sessions", access: admin, response: 'admin#/$defs/user', handler: resetTwoFactor },
  { method: 'post', path: '/api/users/:id/two-factor-link', tag: 'admin', summary: 'A two-factor set-up link for a user, needed to turn two-factor sign-in on where the organisation requires it', access: admin, response: 'common#/$defs/link', status: 201, handler: issueTwoFactorLink },
  { method: 'post', path: '/api/users/:id/password-link', tag: 'admin', summary: 'A new set-password link for a user', access: admin, response: 'common#/$defs/link', status: 201, handler: resetLink },
];
