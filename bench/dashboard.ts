// npm run bench:dashboard — the dashboard aggregates at scale: 100,000 outcomes, 20,000 stories and
// 20,000 fragments (when their tables exist) and 1,000,000 indicator values. Measures p50/p95 of
// the timeline, transformation and coverage endpoints through HTTP (autocannon, one connection:
// the latency one person sees — SQLite answers one query at a time anyway), beside the same
// aggregates computed directly — the handlers' SQL and assembly without HTTP, session or JSON.
// Prints figures and writes them into bench/README.md. Not a test: it never fails on a timing.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../server/core/config';
import { createContext } from '../server/context';
import { createApp } from '../server/app';
import { migrateLatest } from '../server/db/knex';
import { programmeScope } from '../server/auth/session';
import type { AppContext, Ctx, CurrentUser } from '../server/http/types';
import { timeline } from '../server/dashboard/timeline';
import { transformation } from '../server/dashboard/transformation';
import { coverage } from '../server/dashboard/coverage';
import { seedReference } from '../seeds/reference';
import { seedDemo } from '../seeds/demo';
import { BENCH_DIR, Figures, insertOutcomes, load, machine, percentile, table } from './lib';
import { writeSection } from './report';
import { insertEvidence, insertIndicatorValues } from './dashboard-data';

const N = Number(process.env.BENCH_OUTCOMES ?? 100_000);
const EVIDENCE = Number(process.env.BENCH_EVIDENCE ?? 20_000);
const VALUES = Number(process.env.BENCH_VALUES ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const DIRECT_RUNS = Number(process.env.BENCH_DIRECT_RUNS ?? 50);

const QUERIES = {
  timeline: '/api/dashboard/timeline?framework=nap1325-nl-iv&from=2021&to=2026&bucket=quarter',
  transformation: '/api/dashboard/transformation?from=2021&to=2026',
  coverage: '/api/dashboard/coverage?framework=nap1325-nl-iv',
} as const;
const HANDLERS = { timeline, transformation, coverage } as const;
const PEOPLE = { partner: 'partner@oogst.test', donor: 'donor@oogst.test' } as const;

async function build(ctx: AppContext) {
  await migrateLatest(ctx.db);
  await seedReference(ctx.db);
  const demo = await seedDemo(ctx);
  const count = async (table: string) => Number((await ctx.db(table).count({ n: '*' }))[0].n);
  const t0 = Date.now();
  const have = await count('outcomes');
  if (have < N) await insertOutcomes(ctx.db, ctx.keyring, [demo.orgs.partner1, demo.orgs.partner2], N - have);
  const stories = await insertEvidence(ctx.db, demo, EVIDENCE);
  const values = await insertIndicatorValues(ctx.db, demo, VALUES);
  await ctx.db.raw('ANALYZE');
  console.log(`database: ${await count('outcomes')} outcomes, ${stories}, ${await count('indicator_values')} indicator values (built in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${values})`);
  return demo;
}

/** The handler called as the route would call it, without HTTP: what the database and assembly cost. */
async function direct(ctx: AppContext, user: CurrentUser, name: keyof typeof QUERIES, label: string): Promise<Figures> {
  const query = Object.fromEntries(new URL(QUERIES[name], 'http://x').searchParams);
  const c = { app: ctx, db: ctx.db, user, params: {}, query, body: undefined, headers: {}, secure: false } as Ctx;
  const times: number[] = [];
  for (let i = 0; i < DIRECT_RUNS; i++) {
    const t = process.hrtime.bigint();
    await HANDLERS[name](c as never);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { name: `direct: ${name} (${label})`, p50: r(percentile(times, 50)), p95: r(percentile(times, 95)), p99: r(percentile(times, 99)), rps: Math.round(1000 / (times.reduce((a, b) => a + b, 0) / times.length)), errors: 0, non2xx: 0 };
}

async function userOf(ctx: AppContext, email: string): Promise<CurrentUser> {
  const u = await ctx.db('users').where({ email }).first('id', 'email', 'role', 'organisation_id', 'language');
  return { id: u.id, email: u.email, role: u.role, organisationId: u.organisation_id, language: u.language, sessionId: 'bench', ...(await programmeScope(ctx.db, u.id)) };
}

async function main() {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `dashboard-${N}.sqlite`);
  const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `sqlite://${file}`, OOGST_DATA_DIR: BENCH_DIR,
    OOGST_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'), OOGST_SESSION_SECRET: Buffer.alloc(32, 4).toString('base64') };
  const ctx = createContext(loadConfig(env));
  await build(ctx);
  const server = createApp(ctx).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const http: Figures[] = [];
  const direct_: Figures[] = [];
  for (const [label, email] of Object.entries(PEOPLE)) {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email, password: 'oogst-demo' }) });
    const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0] };
    const probe = await fetch(base + QUERIES.timeline, { headers });
    const body = await probe.text();
    const tl = JSON.parse(body) as { goals: Array<{ total: number }>; indicators: Array<{ series: Array<{ values: unknown[] }> }> };
    console.log(`${label}: timeline ${probe.status}, ${tl.goals.reduce((s, g) => s + g.total, 0)} outcomes in lanes, ${tl.indicators.length} indicators, `
      + `${tl.indicators.reduce((s, i) => s + i.series.reduce((a, x) => a + x.values.length, 0), 0)} indicator points, ${Math.round(body.length / 1024)} KiB`);
    for (const name of Object.keys(QUERIES) as Array<keyof typeof QUERIES>) {
      http.push(await load(`HTTP: ${name} (${label})`, base, { headers, paths: [QUERIES[name]], duration: DURATION, connections: 1 }));
      direct_.push(await direct(ctx, await userOf(ctx, email), name, label));
    }
  }
  server.close();
  const db = env.DATABASE_URL.startsWith('sqlite') ? 'SQLite file' : 'PostgreSQL';
  const text = [
    `${N.toLocaleString('en')} outcomes, ${EVIDENCE.toLocaleString('en')} stories and as many fragments, ${VALUES.toLocaleString('en')} indicator values; ${db}.`,
    `HTTP rows: autocannon, one connection, ${DURATION} s each, the same query repeated: after the first request the answer is the one kept until the next write (server/db/read-cache.ts).`,
    `Direct rows: the handler itself called ${DIRECT_RUNS} times in-process — what computing the aggregate costs (the first request after a write), without HTTP, session or JSON.`,
    `Queries: \`${QUERIES.timeline}\`, \`${QUERIES.transformation}\`, \`${QUERIES.coverage}\`. Target: timeline p95 ≤ 50 ms on SQLite.`,
    '', table([...http, ...direct_]),
  ].join('\n');
  console.log(text);
  writeSection('bench:dashboard', `Dashboard aggregates (${new Date().toISOString().slice(0, 10)}, ${machine()})`, text);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
