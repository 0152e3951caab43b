// npm run bench:load — the built server under load: 100 connections of partners, mixed writes
// (recording outcomes) and reads (lists, full-text search, records), for 60 s, against SQLite
// (one instance) or PostgreSQL (two instances sharing one database; run under
// scripts/with-postgres.sh with --db pg). Counts every answer by kind and status, checks that
// every acknowledged write (201 with an id) is in the database afterwards with its goals, and
// reports latency percentiles. Exits non-zero on an unexpected status, a socket error or a lost
// write — never on a timing. Loopback addresses only.
//   node scripts/run-ts.mjs bench/load.ts [--short] [--db sqlite|pg] [--seconds 60] [--connections 100]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import knexFactory from 'knex';
import { createDb } from '../server/db/knex';
import { BENCH_DIR, insertOutcomes, machine, percentile } from './lib';
import { Instance, login, prepare, presentWithGoals, RING, startServer, stop } from './servers';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const SHORT = args.includes('--short');
const DB = arg('db', 'sqlite');
const SECONDS = Number(arg('seconds', SHORT ? '10' : '60'));
const CONNECTIONS = Number(arg('connections', SHORT ? '20' : '100'));
const INSTANCES = DB === 'pg' ? 2 : 1;
const EXPECTED: Record<string, number> = { create: 201, list: 200, search: 200, get: 200 };
const WORDS = ['reconciliation', 'women', 'council', 'mediation', 'Sevare', 'radio', 'police'];

type Conn = { who?: number; kind?: string; t0?: bigint };
const stats = { statuses: {} as Record<string, Record<number, number>>, times: {} as Record<string, number[]>, acked: [] as string[] };

function outcome(n: string) {
  return {
    title: `Load ${n}: council opens its committee to women`, description: 'Four women from Sévaré joined the reconciliation committee.',
    socialActor: { name: 'District council', type: 'local_government' }, changeType: 'OH-POLICY', quadrant: 'GAW-RULES',
    occurredOn: { date: '2024-03', precision: 'month' }, location: { country: 'ML', adminArea: 'Mopti' },
    significance: 'Women sit where peace is negotiated.', contribution: 'We trained and lobbied.', positive: true, intended: true,
    sensitivity: 'public', language: 'en', goals: [{ code: 'NL-IV-1.3', primary: true }, { code: 'PART' }],
  };
}

/** One autocannon run against one instance; partners are spread over the connections. */
function run(i: Instance, cookies: string[], ids: string[][], connections: number): Promise<autocannon.Result> {
  let nextWho = 0;
  return new Promise((resolve, reject) => {
    autocannon({
      url: i.base, connections, duration: SECONDS, timeout: 30,
      requests: [{
        setupRequest: (req: autocannon.Request, ctx: Conn) => {
          ctx.who ??= nextWho++ % cookies.length;
          const r = Math.random();
          ctx.kind = r < 0.3 ? 'create' : r < 0.55 ? 'list' : r < 0.7 ? 'search' : 'get';
          ctx.t0 = process.hrtime.bigint();
          const headers = { cookie: cookies[ctx.who], origin: i.base, 'content-type': 'application/json' };
          if (ctx.kind === 'create') return { ...req, method: 'POST', path: '/api/outcomes', headers, body: JSON.stringify(outcome(randomUUID())) };
          if (ctx.kind === 'list') return { ...req, method: 'GET', path: '/api/outcomes?pageSize=20&sort=-updatedAt', headers };
          if (ctx.kind === 'search') return { ...req, method: 'GET', path: `/api/outcomes?q=${WORDS[Math.floor(Math.random() * WORDS.length)]}&pageSize=20`, headers };
          const mine = ids[ctx.who];
          return { ...req, method: 'GET', path: `/api/outcomes/${mine[Math.floor(Math.random() * mine.length)]}`, headers };
        },
        onResponse: (status: number, body: string, ctx: Conn) => {
          const kind = ctx.kind!;
          (stats.statuses[kind] ??= {})[status] = (stats.statuses[kind][status] ?? 0) + 1;
          (stats.times[kind] ??= []).push(Number(process.hrtime.bigint() - ctx.t0!) / 1e6);
          if (kind === 'create' && status === 201) stats.acked.push(JSON.parse(body).id);
        },
      }],
    } as autocannon.Options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function database(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (DB === 'pg') {
    const base = process.env.OOGST_TEST_PG_URL;
    if (!base) throw new Error('--db pg needs OOGST_TEST_PG_URL: run under scripts/with-postgres.sh');
    const name = `oogst_load_${process.pid}`;
    const admin = knexFactory({ client: 'pg', connection: base });
    await admin.raw(`CREATE DATABASE ${name}`);
    await admin.destroy();
    const u = new URL(base);
    u.pathname = `/${name}`;
    return { url: u.toString(), drop: async () => { const a = knexFactory({ client: 'pg', connection: base }); await a.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await a.destroy(); } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-load-'));
  return { url: `sqlite://${path.join(dir, 'load.sqlite')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const ms = (x: number) => Math.round(x * 10) / 10;

async function main() {
  const { url, drop } = await database();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-load-data-'));
  const world = await prepare(url, 5);
  const db = createDb(url);
  const seeded = await insertOutcomes(db, RING, world.orgIds, 2000); // something to read from the start
  const instances: Instance[] = [];
  try {
    for (let k = 0; k < INSTANCES; k++) instances.push(await startServer(url, dataDir)); // one after the other: one migrates
    const cookies = await Promise.all(world.partners.map((p, k) => login(instances[k % INSTANCES].base, p.email)));
    // each partner reads its own organisation's outcomes by id (all states are theirs to see)
    const ids = world.partners.map((p) => seeded.filter((_id, n) => world.orgIds[n % world.orgIds.length] === p.orgId));
    console.log(`${DB}: ${INSTANCES} instance(s), ${CONNECTIONS} connections, ${SECONDS} s, ${world.partners.length} partners of ${world.orgIds.length} organisations, ${seeded.length} outcomes to start with`);
    const results = await Promise.all(instances.map((i) => run(i, cookies, ids, Math.round(CONNECTIONS / INSTANCES))));
    for (const i of instances) await stop(i);
    const present = await presentWithGoals(db, stats.acked);
    const lost = stats.acked.filter((id) => !present.has(id));
    const unexpected = Object.entries(stats.statuses).flatMap(([kind, s]) => Object.entries(s).filter(([code]) => Number(code) !== EXPECTED[kind]).map(([code, n]) => `${kind} ${code} × ${n}`));
    const errors = results.reduce((n, r) => n + r.errors + r.timeouts, 0);
    const total = Object.values(stats.times).reduce((n, t) => n + t.length, 0);
    const rows = Object.entries(stats.times).map(([kind, t]) => {
      const sorted = [...t].sort((a, b) => a - b);
      return `| ${kind} | ${t.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} | ${ms(sorted[sorted.length - 1])} |`;
    });
    const report = [
      `${new Date().toISOString().slice(0, 10)}, ${machine()}: ${DB}, ${INSTANCES} instance(s), ${CONNECTIONS} connections, ${SECONDS} s`, '',
      '| kind | answers | p50 ms | p95 ms | p99 ms | max ms |', '|---|---:|---:|---:|---:|---:|', ...rows, '',
      `${total} answers (${Math.round(total / SECONDS)}/s); unexpected statuses: ${unexpected.length ? unexpected.join(', ') : 'none'}; socket errors and timeouts: ${errors}; ` +
      `acknowledged writes: ${stats.acked.length}, present with their goals afterwards: ${present.size}, lost: ${lost.length}`,
    ].join('\n');
    console.log(report);
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    fs.writeFileSync(path.join(BENCH_DIR, `load-${DB}${SHORT ? '-short' : ''}.md`), `${report}\n`);
    process.exitCode = unexpected.length || errors || lost.length ? 1 : 0;
  } finally {
    for (const i of instances) await stop(i, 'SIGKILL');
    await db.destroy();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
