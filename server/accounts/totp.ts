// Optional two-factor sign-in with time-based one-time codes (TOTP, RFC 6238): set up (a secret,
// not yet active), turn on with a first code, turn off with a code. The secret is stored encrypted;
// each accepted code's time step is kept so that a code works once. An organisation can require
// it: its users without TOTP get a session that may only set it up (TOTP_SETUP_ROUTES).
import * as OTPAuth from 'otpauth';
import type { Ctx } from '../http/types';
import { created, Reply } from '../http/types';
import { Problem } from '../http/problem';
import type { Db } from '../db/knex';
import { decrypt, encrypt, Keyring } from '../crypto/fields';
import { audit } from '../audit/log';
import { nowIso } from '../auth/session';

const PERIOD = 30;
const ISSUER = 'Oogst';

/** What a session limited to setting up two-factor sign-in may still do (method and path). */
export const TOTP_SETUP_ROUTES = new Set([
  'get /api/auth/me', 'get /api/auth/session', 'post /api/auth/logout', 'post /api/auth/totp/setup', 'post /api/auth/totp/enable',
]);

type TotpRow = { email: string; secretEnc: string | null; enabledAt: string | null; lastStep: number | null; required: boolean };

export async function totpState(db: Db, userId: string): Promise<TotpRow> {
  const r = await db('users as u').join('organisations as o', 'o.id', 'u.organisation_id').where('u.id', userId)
    .first('u.email', 'u.totp_secret_enc', 'u.totp_enabled_at', 'u.totp_last_step', 'o.require_totp');
  return {
    email: r.email, secretEnc: r.totp_secret_enc ?? null, enabledAt: r.totp_enabled_at ?? null,
    lastStep: r.totp_last_step === null || r.totp_last_step === undefined ? null : Number(r.totp_last_step), required: !!r.require_totp,
  };
}

const totpOf = (ring: Keyring, email: string, secretEnc: string) => new OTPAuth.TOTP({
  issuer: ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(decrypt(ring, secretEnc)),
});

/** The time step of a valid code not used before (one step of clock drift either way), or null. */
function acceptedStep(ring: Keyring, s: TotpRow, code: string): number | null {
  if (!s.secretEnc) return null;
  const delta = totpOf(ring, s.email, s.secretEnc).validate({ token: code, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(Date.now() / 1000 / PERIOD) + delta;
  return s.lastStep !== null && step <= s.lastStep ? null : step;
}

async function useCode(ctx: { db: Db; app: { keyring: Keyring } }, userId: string, s: TotpRow, code: string): Promise<boolean> {
  const step = acceptedStep(ctx.app.keyring, s, code);
  if (step === null) return false;
  await ctx.db('users').where({ id: userId }).update({ totp_last_step: step });
  return true;
}

/**
 * The second factor at login: 'ok' when the user has none or the code is right, 'missing' when
 * one is needed and none was sent, 'wrong' when the code does not verify (counted as a failure).
 */
export async function checkLoginCode(ctx: { db: Db; app: { keyring: Keyring } }, userId: string, code: string | undefined): Promise<'ok' | 'missing' | 'wrong'> {
  const s = await totpState(ctx.db, userId);
  if (!s.enabledAt) return 'ok';
  if (!code) return 'missing';
  return (await useCode(ctx, userId, s, code)) ? 'ok' : 'wrong';
}

export async function setup(ctx: Ctx) {
  const s = await totpState(ctx.db, ctx.user.id);
  if (s.enabledAt) throw new Problem('conflict', 'Two-factor sign-in is on already; turn it off first to set up a new device');
  const secret = new OTPAuth.Secret({ size: 20 });
  const totp = new OTPAuth.TOTP({ issuer: ISSUER, label: s.email, algorithm: 'SHA1', digits: 6, period: PERIOD, secret });
  await ctx.db('users').where({ id: ctx.user.id }).update({ totp_secret_enc: encrypt(ctx.app.keyring, secret.base32), totp_last_step: null, updated_at: nowIso() });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'auth.totp_setup', entityType: 'user', entityId: ctx.user.id });
  return created({ secret: secret.base32, uri: totp.toString(), enabled: false });
}

const wrongCode = () => new Problem('forbidden', 'The code is wrong or was used already', [{ path: '/code', message: 'is wrong or was used already' }]);

export async function enable(ctx: Ctx<{ code: string }>) {
  const s = await totpState(ctx.db, ctx.user.id);
  if (s.enabledAt) throw new Problem('conflict', 'Two-factor sign-in is on already');
  if (!s.secretEnc) throw new Problem('conflict', 'Set up two-factor sign-in first (POST /api/auth/totp/setup)');
  if (!(await useCode(ctx, ctx.user.id, s, ctx.body.code))) throw wrongCode();
  await ctx.db('users').where({ id: ctx.user.id }).update({ totp_enabled_at: nowIso(), updated_at: nowIso() });
  // sessions opened with the password alone end; this one has just shown the second factor
  await ctx.db('sessions').where({ user_id: ctx.user.id }).whereNot({ id: ctx.user.sessionId }).del();
  await audit(ctx.db, { actorId: ctx.user.id, action: 'auth.totp_enabled', entityType: 'user', entityId: ctx.user.id });
  return { enabled: true };
}

export async function disable(ctx: Ctx<{ code: string }>) {
  const s = await totpState(ctx.db, ctx.user.id);
  if (!s.enabledAt) throw new Problem('conflict', 'Two-factor sign-in is not on');
  if (s.required) throw new Problem('conflict', 'Your organisation requires two-factor sign-in');
  if (!(await useCode(ctx, ctx.user.id, s, ctx.body.code))) throw wrongCode();
  await ctx.db('users').where({ id: ctx.user.id }).update({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null, updated_at: nowIso() });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'auth.totp_disabled', entityType: 'user', entityId: ctx.user.id });
  return new Reply(200, { enabled: false });
}
