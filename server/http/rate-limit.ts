// Rate limits for login, password and link endpoints, counted in the database (express-rate-limit
// with a knex store) so that several app instances share the counts.
import { rateLimit, Store, ClientRateLimitInfo, Options } from 'express-rate-limit';
import type { Knex } from 'knex';
import { Problem } from './problem';
import type { AppContext } from './types';

class KnexStore implements Store {
  prefix: string;
  windowMs = 60_000;
  constructor(private db: Knex, prefix: string) {
    this.prefix = prefix;
  }
  init(options: Options): void {
    this.windowMs = options.windowMs;
  }
  async increment(key: string): Promise<ClientRateLimitInfo> {
    const id = `${this.prefix}:${key}`;
    const now = new Date();
    return this.db.transaction(async (trx) => {
      const row = await trx('rate_limits').where({ key: id }).first();
      if (!row || new Date(row.reset_at) <= now) {
        const resetTime = new Date(now.getTime() + this.windowMs);
        await trx('rate_limits').insert({ key: id, hits: 1, reset_at: resetTime.toISOString() }).onConflict('key').merge();
        return { totalHits: 1, resetTime };
      }
      await trx('rate_limits').where({ key: id }).increment('hits', 1);
      return { totalHits: row.hits + 1, resetTime: new Date(row.reset_at) };
    });
  }
  async decrement(key: string): Promise<void> {
    await this.db('rate_limits').where({ key: `${this.prefix}:${key}` }).decrement('hits', 1);
  }
  async resetKey(key: string): Promise<void> {
    await this.db('rate_limits').where({ key: `${this.prefix}:${key}` }).del();
  }
}

const LIMITS = {
  auth: { windowMs: 15 * 60_000, limit: 30 },
  link: { windowMs: 15 * 60_000, limit: 60 },
};

/** The configurable per-user limit (off by default, so bulk work is never throttled into failure). */
export async function checkUserLimit(app: AppContext, userId: string): Promise<void> {
  const perMinute = app.config.userRateLimitPerMinute;
  if (!perMinute) return;
  const store = new KnexStore(app.db, 'user');
  const { totalHits } = await store.increment(userId);
  if (totalHits > perMinute) throw new Problem('rate_limited');
}

export function rateLimiter(app: AppContext, kind: keyof typeof LIMITS) {
  return rateLimit({
    ...LIMITS[kind],
    // an office behind one address may need more logins than the default (AUTH_RATE_LIMIT)
    // and counts failures only, so that twenty people behind one address sign in freely
    ...(kind === 'auth' && { limit: app.config.authRateLimit, skipSuccessfulRequests: true }),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new KnexStore(app.db, kind),
    skip: () => process.env.OOGST_DISABLE_RATE_LIMIT === '1' && app.config.env === 'test',
    handler: (_req, res) => {
      const p = new Problem('rate_limited');
      res.status(p.status).type('application/problem+json').send(JSON.stringify(p));
    },
  });
}
