// Recovery codes: ten single-use codes, shown once when two-factor sign-in is turned on (or
// renewed), each good once in place of a code from the app — for the day the phone is lost, when
// no admin can be reached. Only each code's HMAC is stored, as for link tokens; a code is used by
// one conditional UPDATE, so two requests with the same code cannot both pass.
import { randomInt } from 'node:crypto';
import type { Db } from '../db/knex';
import { tokenHash } from '../crypto/tokens';
import { nowIso } from '../core/clock';

const COUNT = 10;
// no 0/o, 1/l/i: read off paper and typed on a phone
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10; // 31^10 ≈ 2^49.5 per code

type Ctx = { db: Db; app: { config: { sessionSecret: Buffer } } };

/** The code as typed: case, spaces and hyphens do not matter. */
const normalised = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

const newCode = () => Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** Ten new codes in place of any earlier ones, answered once, as `abcde-fghij`. */
export async function issueRecoveryCodes(ctx: Ctx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: COUNT }, newCode);
  await ctx.db('recovery_codes').where({ user_id: userId }).del();
  const now = nowIso();
  await ctx.db('recovery_codes').insert(codes.map((c) => ({ id: tokenHash(ctx.app.config.sessionSecret, c), user_id: userId, created_at: now })));
  return codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
}

/** True when the code is one of the user's unused codes; it is used up by the same statement. */
export async function useRecoveryCode(ctx: Ctx, userId: string, code: string): Promise<boolean> {
  const c = normalised(code);
  if (c.length !== LENGTH || [...c].some((ch) => !ALPHABET.includes(ch))) return false;
  const n = await ctx.db('recovery_codes').where({ id: tokenHash(ctx.app.config.sessionSecret, c), user_id: userId }).whereNull('used_at').update({ used_at: nowIso() });
  return n === 1;
}
