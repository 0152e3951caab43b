import { loadConfig } from '../server/config';
import { createContext } from '../server/context';
import { programmeScope } from '../server/auth/session';
import type { Ctx } from '../server/http/types';
import { timeline } from '../server/dashboard/timeline';
import { transformation } from '../server/dashboard/transformation';
import { coverage } from '../server/dashboard/coverage';

async function main() {
  const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: process.env.DB!, OOGST_DATA_DIR: '/tmp/x',
    OOGST_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'), OOGST_SESSION_SECRET: Buffer.alloc(32, 4).toString('base64') };
  const ctx = createContext(loadConfig(env));
  const u = await ctx.db('users').where({ email: process.env.WHO ?? 'partner@oogst.test' }).first();
  const user = { id: u.id, email: u.email, role: u.role, organisationId: u.organisation_id, language: 'en', sessionId: 'x', ...(await programmeScope(ctx.db, u.id, u.role, u.organisation_id)) };
  const starts = new Map<string, bigint>();
  const log: Array<[number, string, unknown[]]> = [];
  ctx.db.on('query', (q: { __knexQueryUid: string }) => starts.set(q.__knexQueryUid, process.hrtime.bigint()));
  ctx.db.on('query-response', (_r: unknown, q: { __knexQueryUid: string; sql: string; bindings: unknown[] }) => log.push([Number(process.hrtime.bigint() - starts.get(q.__knexQueryUid)!) / 1e6, q.sql, q.bindings]));
  const name = process.env.H ?? 'timeline';
  const handler = { timeline, transformation, coverage }[name]!;
  const query = Object.fromEntries(new URLSearchParams(process.env.Q ?? 'framework=nap1325-nl-iv&from=2021&to=2026&bucket=quarter'));
  for (let i = 0; i < 3; i++) {
    log.length = 0;
    const t = Date.now();
    await handler({ app: ctx, db: ctx.db, user, params: {}, query, body: undefined, headers: {}, secure: false } as unknown as Ctx as never);
    console.log(`run ${i}: ${Date.now() - t} ms`);
  }
  for (const [ms, sql] of log) console.log(ms.toFixed(1).padStart(8), sql.slice(0, Number(process.env.LEN ?? 300)));
  if (process.env.PLAN) {
    for (const [, sql, b] of log.filter(([ms]) => ms > 5)) {
      console.log('PLAN for', sql.slice(0, 80));
      console.log((await ctx.db.raw(`EXPLAIN QUERY PLAN ${sql.replace(/\?/g, '??')}`.replace(/\?\?/g, '?'), b as never)).map((r: { detail: string }) => r.detail).join('\n'));
    }
  }
  await ctx.db.destroy();
}
main().catch((e) => { console.error(e); process.exit(1); });
