// Optional two-factor sign-in with time-based one-time codes (TOTP, RFC 6238): set up (a secret,
// not yet active), turn on with a first code, turn off with a code. The secret is stored encrypted;
// each accepted code's time step is kept so that a code works once. Turning it on gives ten
// recovery codes (./recovery-codes.ts), each good once in place of a code.
//
// An organisation can require it: its users without TOTP get a session that may only set it up
// (the routes marked `duringTwoFactorSetup`), and turning it on then also needs a set-up link an
// admin issued to that user (POST /api/users/:id/two-factor-link). Without the link, whoever
// learnt the password first could enrol their own phone and keep the account.
import * as OTPAuth from 'otpauth';
import type { Ctx, PublicCtx } from '../http/types';
import { created, Reply } from '../http/types';
import { Problem } from '../http/problem';
import type { Db } from '../db/knex';
import { decrypt, encrypt, Keyring } from '../crypto/fields';
import { audit } from '../audit/log';
import { nowIso } from '../core/clock';
import { consumeToken, landOnLink, peekToken } from './tokens';
import { clearedLinkCookie, linkTokenOf, secureFor } from '../http/link-cookie';
import { issueRecoveryCodes, useRecoveryCode } from './recovery-codes';
import type { TotpEnable } from '../generated/schemas';

const PERIOD = 30;
const ISSUER = 'Oogst';

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

type SecondFactor = { code?: string; recoveryCode?: string };

/** A code from the app, or else a recovery code; either is used up. */
async function useSecondFactor(ctx: { db: Db; app: { keyring: Keyring; config: { sessionSecret: Buffer } } }, userId: string, s: TotpRow, f: SecondFactor): Promise<boolean> {
  if (f.code) return useCode(ctx, userId, s, f.code);
  if (!f.recoveryCode || !(await useRecoveryCode(ctx, userId, f.recoveryCode))) return false;
  await audit(ctx.db, { actorId: userId, action: 'auth.recovery_code_used', entityType: 'user', entityId: userId });
  return true;
}

/**
 * The second factor at login: 'ok' when the user has none or the code is right, 'missing' when
 * one is needed and none was sent, 'wrong' when the code does not verify (counted as a failure).
 */
export async function checkLoginCode(ctx: { db: Db; app: { keyring: Keyring; config: { sessionSecret: Buffer } } }, userId: string, f: SecondFactor): Promise<'ok' | 'missing' | 'wrong'> {
  const s = await totpState(ctx.db, userId);
  if (!s.enabledAt) return 'ok';
  if (!f.code && !f.recoveryCode) return 'missing';
  return (await useSecondFactor(ctx, userId, s, f)) ? 'ok' : 'wrong';
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

/**
 * The admin's set-up link, when the organisation requires two-factor sign-in: from the body (API
 * clients) or the link's cookie, issued to this very user. Checked before the code, used up after.
 */
async function setupLink(ctx: Ctx<TotpEnable>, s: TotpRow): Promise<string | undefined> {
  const token = ctx.body.token ?? linkTokenOf('twoFactor', ctx.headers);
  if (!token) {
    if (s.required) throw new Problem('two_factor_link_needed');
    return undefined;
  }
  const row = await peekToken(ctx.app, ctx.db, 'two_factor', token);
  // another person's link is as good as none, and says nothing about them
  if (row.user_id !== ctx.user.id) throw new Problem('token_invalid');
  return token;
}

export async function enable(ctx: Ctx<TotpEnable>) {
  const s = await totpState(ctx.db, ctx.user.id);
  if (s.enabledAt) throw new Problem('conflict', 'Two-factor sign-in is on already');
  if (!s.secretEnc) throw new Problem('conflict', 'Set up two-factor sign-in first (POST /api/auth/totp/setup)');
  const link = await setupLink(ctx, s);
  if (!(await useCode(ctx, ctx.user.id, s, ctx.body.code))) throw wrongCode();
  if (link) await consumeToken(ctx.app, ctx.db, 'two_factor', link);
  await ctx.db('users').where({ id: ctx.user.id }).update({ totp_enabled_at: nowIso(), updated_at: nowIso() });
  // sessions opened with the password alone end; this one has just shown the second factor
  await ctx.db('sessions').where({ user_id: ctx.user.id }).whereNot({ id: ctx.user.sessionId }).del();
  await audit(ctx.db, { actorId: ctx.user.id, action: 'auth.totp_enabled', entityType: 'user', entityId: ctx.user.id, details: { link: !!link } });
  const recoveryCodes = await issueRecoveryCodes(ctx, ctx.user.id);
  return new Reply(200, { enabled: true, recoveryCodes }, {
    'Cache-Control': 'no-store', ...(link && { 'Set-Cookie': clearedLinkCookie('twoFactor', secureFor(ctx.app, ctx.secure)) }),
  });
}

/** Ten new recovery codes in place of the old ones (a code from the app, or a recovery code, is needed). */
export async function renewRecoveryCodes(ctx: Ctx<SecondFactor>) {
  const s = await totpState(ctx.db, ctx.user.id);
  if (!s.enabledAt) throw new Problem('conflict', 'Two-factor sign-in is not on');
  if (!(await useSecondFactor(ctx, ctx.user.id, s, ctx.body))) throw wrongCode();
  const recoveryCodes = await issueRecoveryCodes(ctx, ctx.user.id);
  await audit(ctx.db, { actorId: ctx.user.id, action: 'auth.recovery_codes_renewed', entityType: 'user', entityId: ctx.user.id });
  return new Reply(200, { enabled: true, recoveryCodes }, { 'Cache-Control': 'no-store' });
}

export async function disable(ctx: Ctx<SecondFactor>) {
  const s = await totpState(ctx.db, ctx.user.id);
  if (!s.enabledAt) throw new Problem('conflict', 'Two-factor sign-in is not on');
  if (s.required) throw new Problem('conflict', 'Your organisation requires two-factor sign-in');
  if (!(await useSecondFactor(ctx, ctx.user.id, s, ctx.body))) throw wrongCode();
  await turnOff(ctx.db, ctx.user.id);
  await audit(ctx.db, { actorId: ctx.user.id, action: 'auth.totp_disabled', entityType: 'user', entityId: ctx.user.id });
  return new Reply(200, { enabled: false });
}

/** Two-factor sign-in off: the secret and the recovery codes are erased (by the user, or an admin for a lost phone). */
export async function turnOff(db: Db, userId: string): Promise<void> {
  await db('users').where({ id: userId }).update({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null, updated_at: nowIso() });
  await db('recovery_codes').where({ user_id: userId }).del();
}

/** How many recovery codes the user has left (0 when two-factor sign-in is off). */
export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const r = await db('recovery_codes').where({ user_id: userId }).whereNull('used_at').count<{ n: number | string }[]>({ n: '*' });
  return Number(r[0]?.n ?? 0);
}

/** GET /two-factor/:token, the admin's set-up link: on to the app's page, which asks for a login first if needed. */
export async function land(ctx: PublicCtx) {
  return (await landOnLink(ctx, 'twoFactor', '/two-factor'))
    ?? new Reply(303, undefined, {
      Location: '/two-factor?link=gone', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer',
      'Set-Cookie': clearedLinkCookie('twoFactor', secureFor(ctx.app, ctx.secure)),
    });
}
