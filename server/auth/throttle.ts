// Guessing passwords stays slow while an office of twenty people on one connection signs in
// freely: sign-in attempts are counted per account and address together, and per account across
// all addresses; past a number of free failures each further attempt must wait a growing delay
// (1 s, 2 s, 4 s … up to LOCKOUT_MINUTES) — no lock that anyone could set off on someone else,
// and a success clears the count. An account is keyed by a hash of its email, so an unknown
// address is counted, delayed and answered exactly as a real one, and the table holds no address.
// Each attempt takes its turn with one atomic UPDATE, which also refuses it while the wait runs,
// so parallel guesses are counted and gated one by one on SQLite and PostgreSQL alike.
import crypto from 'node:crypto';
import type { Db } from '../db/knex';
import type { Config } from '../core/config';
import { Problem } from '../http/problem';
import { Reply } from '../http/types';

type Limits = Pick<Config, 'loginMaxFailures' | 'lockoutMinutes'>;
/** Failures are forgotten a day after the last attempt (or the end of the wait it caused). */
const FORGET_MS = 24 * 3600_000;
/** Across all addresses an account has this many times the free failures of one address. */
const ACCOUNT_FACTOR = 5;
const EPOCH = new Date(0).toISOString();

const hashOf = (s: string) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 40);
function keysOf(limits: Limits, email: string, address: string) {
  const account = accountKeyOf(email);
  return [
    { key: `${account}:${hashOf(address)}`, free: limits.loginMaxFailures },
    { key: account, free: ACCOUNT_FACTOR * limits.loginMaxFailures },
  ];
}

/** The wait after `failures` failures with `free` allowed, in ms (0 while still free). */
export function delayAfter(failures: number, free: number, capMinutes: number): number {
  return failures < free ? 0 : Math.min(2 ** (failures - free) * 1000, capMinutes * 60_000);
}

/**
 * Takes this attempt's turn: counts it under both keys, or refuses it while a wait runs. Returns
 * the seconds to wait (then the attempt must be answered 429, its password not checked), or 0.
 */
export async function takeTurn(db: Db, limits: Limits, email: string, address: string): Promise<number> {
  const now = new Date();
  const iso = now.toISOString();
  for (const { key, free } of keysOf(limits, email, address)) {
    await db('rate_limits').insert({ key, hits: 0, reset_at: EPOCH }).onConflict('key').ignore();
    const stale = new Date(now.getTime() - FORGET_MS).toISOString();
    const hits = db.raw('CASE WHEN reset_at < ? THEN 0 ELSE hits END + 1', [stale]);
    // reset_at is when the next attempt may come: now, or — for the attempt that reaches the free
    // number — a second from now, holding the door until its answer sets the real wait
    const [row] = await db('rate_limits').where({ key }).where('reset_at', '<=', iso)
      .update({ hits, reset_at: db.raw('CASE WHEN (CASE WHEN reset_at < ? THEN 0 ELSE hits END + 1) >= ? THEN ? ELSE ? END', [stale, free, new Date(now.getTime() + 1000).toISOString(), iso]) })
      .returning('hits');
    if (!row) {
      const wait = await db('rate_limits').where({ key }).first('reset_at');
      return Math.max(1, Math.ceil((Date.parse(wait.reset_at) - now.getTime()) / 1000));
    }
  }
  return 0;
}

/** The key of an account's count across all addresses (for the audit view and tests). */
export const accountKeyOf = (email: string) => `signin:${hashOf(email.trim().toLowerCase())}`;

/** A right password still waiting for its second factor is neither a failure nor a success: its turn is given back. */
export async function giveBack(db: Db, limits: Limits, email: string, address: string): Promise<void> {
  await db('rate_limits').whereIn('key', keysOf(limits, email, address).map((k) => k.key)).where('hits', '>', 0).decrement('hits', 1);
}

/** After a failed attempt: the wait before the next one, by how many failures each key has seen. */
export async function failed(db: Db, limits: Limits, email: string, address: string): Promise<void> {
  const now = Date.now();
  for (const { key, free } of keysOf(limits, email, address)) {
    const row = await db('rate_limits').where({ key }).first('hits');
    const wait = delayAfter(Number(row?.hits ?? 0), free, limits.lockoutMinutes);
    if (wait) await db('rate_limits').where({ key }).update({ reset_at: new Date(now + wait).toISOString() });
  }
}

/** A successful sign-in clears the account's counts (it proved the password). */
export async function succeeded(db: Db, limits: Limits, email: string, address: string): Promise<void> {
  await db('rate_limits').whereIn('key', keysOf(limits, email, address).map((k) => k.key)).del();
}

/** The answer while it must wait: 429 with Retry-After, the same for a real and an unknown account. */
export function waitReply(seconds: number): Reply {
  const p = new Problem('rate_limited', `Too many failed sign-ins: try again in ${seconds} s`);
  return new Reply(p.status, p.toJSON(), { 'Content-Type': 'application/problem+json; charset=utf-8', 'Retry-After': String(seconds) });
}
