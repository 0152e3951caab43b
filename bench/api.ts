// npm run bench:api — Oogst's outcome API at 100,000 outcomes, logged in as a partner: list with
// filters, full-text search and get-by-id, measured with autocannon; beside a bare node:http
// server answering the same queries through the same driver with no framework, session or
// serialisation layer. Prints figures and writes them into bench/README.md. Not a test.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../server/core/config';
import { createContext } from '../server/context';
import { createApp } from '../server/app';
import { createDb, migrateLatest } from '../server/db/knex';
import { seedReference } from '../seeds/reference';
import { seedDemo } from '../seeds/demo';
import { BENCH_DIR, Figures, insertOutcomes, load, machine, table } from './lib';
import { writeSection } from './report';
import * as repo from '../server/outcomes/repository';
import { programmeScope } from '../server/auth/session';
import { withDescendants } from '../server/frameworks/service';
import { queryTerms } from '../server/core/fold';
import type { CurrentUser } from '../server/http/types';

const N = Number(process.env.BENCH_OUTCOMES ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

const listPath = '/api/outcomes?country=ML,BF,NE,SD&goal=NL-IV-1,NL-IV-3&from=2022&to=2025&pageSize=50';
const searchPaths = ['reconciliation', 'women%20council', 'mediation', 'police%20station', 'radio', 'Sevare', encodeURIComponent('المصالحة')]
  .map((q) => `/api/outcomes?q=${q}&pageSize=20`);

async function main() {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `api-${N}.sqlite`);
  const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: `sqlite://${file}`, OOGST_DATA_DIR: BENCH_DIR,
    OOGST_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'), OOGST_SESSION_SECRET: Buffer.alloc(32, 4).toString('base64') };
  const ctx = createContext(loadConfig(env));
  await migrateLatest(ctx.db);
  await seedReference(ctx.db);
  const demo = await seedDemo(ctx);
  const have = Number((await ctx.db('outcomes').count({ n: '*' }))[0].n);
  if (have < N) {
    const t0 = Date.now();
    await insertOutcomes(ctx.db, ctx.keyring, [demo.orgs.partner1, demo.orgs.partner2], N - have);
    await ctx.db.raw('ANALYZE');
    console.log(`built ${N} outcomes in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const ids: string[] = await ctx.db('outcomes').where({ organisation_id: demo.orgs.partner1 }).whereNot({ status: 'retracted' }).orderByRaw('random()').limit(1000).pluck('id');

  // Oogst, the whole stack: as it runs (list and dashboard results kept until the next write,
  // server/db/read-cache.ts), then with READ_CACHE=0, where every request counts again
  const measure = async (label: string, readCache: boolean) => {
    const app = readCache ? ctx : createContext(loadConfig({ ...env, READ_CACHE: '0' }));
    const server = createApp(app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email: 'partner@oogst.test', password: 'oogst-demo' }) });
    const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0] };
    const check = await (await fetch(base + listPath, { headers })).json() as { total: number };
    console.log(`list filter matches ${check.total} outcomes`);
    const queries: Array<[string, string[]]> = [['list with filters', [listPath]], ['full-text search', searchPaths], ['get by id', ids.map((id) => `/api/outcomes/${id}`)]];
    // latency as one user sees it (one connection), then throughput under 10 concurrent connections
    const latency: Figures[] = [];
    for (const [name, paths] of queries) latency.push(await load(`${label}, 1 connection: ${name}`, base, { headers, paths, duration: DURATION, connections: 1 }));
    const throughput: Figures[] = [];
    for (const [name, paths] of queries) throughput.push(await load(`${label}: ${name}`, base, { headers, paths, duration: DURATION }));
    server.close();
    return { latency, throughput };
  };
  const kept = await measure('Oogst', true);
  const counted = await measure('Oogst, READ_CACHE=0', false);

  // Baseline: the same queries (the same repository functions) through the same driver, with no
  // framework, session, validation or serialisation layer: rows straight to JSON.
  const raw = createDb(`sqlite://${file}`);
  const me = await raw('users').where({ email: 'partner@oogst.test' }).first();
  const user: CurrentUser = { id: me.id, email: me.email, role: 'partner', organisationId: me.organisation_id, language: 'en', sessionId: '-', ...(await programmeScope(raw, me.id)) };
  const goals = await withDescendants(raw, ['NL-IV-1', 'NL-IV-3']);
  const bare = http.createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    let body: unknown;
    if (url.pathname === '/list') {
      body = await repo.list(raw, user, { countries: ['ML', 'BF', 'NE', 'SD'], goalCodes: goals, from: '2022-01-01', to: '2025-12-31' }, undefined, { page: 1, pageSize: 50 });
    } else if (url.pathname === '/search') {
      body = await repo.list(raw, user, { terms: queryTerms(url.searchParams.get('q')!) }, undefined, { page: 1, pageSize: 20 });
    } else {
      const row = await repo.findRow(raw, url.pathname.slice(5));
      body = { row, goals: [...(await repo.goalsOf(raw, [row!.id])).values()] };
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => bare.once('listening', r));
  const bareBase = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  const baseline: Figures[] = [];
  baseline.push(await load('baseline: list with filters', bareBase, { paths: ['/list'], duration: DURATION }));
  baseline.push(await load('baseline: full-text search', bareBase, { paths: ['reconciliation', 'women council', 'mediation', 'police station', 'radio', 'sevare', 'المصالحة'].map((q) => `/search?q=${encodeURIComponent(q)}`), duration: DURATION }));
  baseline.push(await load('baseline: get by id', bareBase, { paths: ids.map((id) => `/get/${id}`), duration: DURATION }));
  bare.close();

  const share = kept.throughput.map((o, i) => `| ${o.name.replace('Oogst: ', '')} | ${o.rps} | ${counted.throughput[i].rps} | ${baseline[i].rps} | ${Math.round((100 * o.rps) / baseline[i].rps)}% | ${Math.round((100 * counted.throughput[i].rps) / baseline[i].rps)}% |`);
  const text = [
    `${N.toLocaleString('en')} outcomes (1–3 goals each, text recombined from the demo set), SQLite file, 10 connections, ${DURATION} s per query, logged in as a partner.`,
    'The list and search paths repeat, so with results kept (the default) all but the first request of each are served from memory until the next write;',
    'the READ_CACHE=0 rows are the uncached cost — what the first request after a write pays.',
    '', table([...kept.latency, ...counted.latency, ...kept.throughput, ...counted.throughput, ...baseline]), '',
    '| query | Oogst req/s | Oogst, READ_CACHE=0, req/s | baseline req/s | Oogst / baseline | READ_CACHE=0 / baseline |', '|---|---:|---:|---:|---:|---:|', ...share,
  ].join('\n');
  console.log(text);
  writeSection('bench:api', `Outcome API (${new Date().toISOString().slice(0, 10)}, ${machine()})`, text);
  // requests still queued when a run stops would make destroy() complain; the process ends here anyway
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
