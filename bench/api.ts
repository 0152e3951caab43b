// npm run bench:api — Oogst's outcome API at 100,000 outcomes, logged in as a partner: list with
// filters, full-text search and get-by-id, measured with autocannon; beside a bare node:http
// server answering the same queries through the same driver with no framework, session or
// serialisation layer. Prints figures and writes them into bench/README.md. Not a test.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../server/config';
import { createContext } from '../server/context';
import { createApp } from '../server/app';
import { createDb, migrateLatest } from '../server/db/knex';
import { seedReference } from '../seeds/reference';
import { seedDemo } from '../seeds/demo';
import { BENCH_DIR, Figures, insertOutcomes, load, machine, table } from './lib';
import { writeSection } from './report';

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

  // Oogst, the whole stack
  const server = createApp(ctx).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email: 'partner@oogst.test', password: 'oogst-demo' }) });
  const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0] };
  const check = await (await fetch(base + listPath, { headers })).json() as { total: number };
  console.log(`list filter matches ${check.total} outcomes`);
  const oogst: Figures[] = [];
  oogst.push(await load('Oogst: list with filters', base, { headers, paths: [listPath], duration: DURATION }));
  oogst.push(await load('Oogst: full-text search', base, { headers, paths: searchPaths, duration: DURATION }));
  oogst.push(await load('Oogst: get by id', base, { headers, paths: ids.map((id) => `/api/outcomes/${id}`), duration: DURATION }));
  server.close();

  // Baseline: the same SQL through the same driver, no framework, session or serialisation layer
  const raw = createDb(`sqlite://${file}`);
  const org = demo.orgs.partner1;
  const peers = [demo.orgs.partner1, demo.orgs.partner2];
  const visible = `((o.organisation_id = ? and o.status <> 'retracted') or (o.status = 'published' and o.sensitivity = 'public' and o.organisation_id in (?, ?)))`;
  const goals = ['NL-IV-1', 'NL-IV-1.1', 'NL-IV-1.2', 'NL-IV-1.3', 'NL-IV-3', 'NL-IV-3.1', 'NL-IV-3.2', 'NL-IV-3.3', 'NL-IV-3.4'];
  const bare = http.createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    let body: unknown;
    if (url.pathname === '/list') {
      const where = `${visible} and o.country in ('ML','BF','NE','SD') and exists (select 1 from outcome_goals g where g.outcome_id = o.id and g.goal_code in (${goals.map(() => '?').join(',')})) and o.occurred_start >= '2022-01-01' and o.occurred_end <= '2025-12-31'`;
      const params = [org, ...peers, ...goals];
      const [{ n }] = await raw.raw(`select count(*) n from outcomes o where ${where}`, params);
      body = { total: n, items: await raw.raw(`select o.* from outcomes o where ${where} order by o.updated_at desc, o.seq desc limit 50`, params) };
    } else if (url.pathname === '/search') {
      const match = url.searchParams.get('q')!.split(/\s+/).map((t) => `"${t}"*`).join(' ');
      const [{ n }] = await raw.raw(`select count(*) n from outcomes o join outcomes_fts f on f.rowid = o.seq where f.outcomes_fts match ? and ${visible}`, [match, org, ...peers]);
      body = { total: n, items: await raw.raw(`select o.* from outcomes o join outcomes_fts f on f.rowid = o.seq where f.outcomes_fts match ? and ${visible} order by f.rank limit 20`, [match, org, ...peers]) };
    } else {
      body = await raw.raw(`select o.* from outcomes o where o.id = ? and ${visible}`, [url.pathname.slice(5), org, ...peers]);
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

  const share = oogst.map((o, i) => `| ${o.name.replace('Oogst: ', '')} | ${o.rps} | ${baseline[i].rps} | ${Math.round((100 * o.rps) / baseline[i].rps)}% |`);
  const text = [
    `${N.toLocaleString('en')} outcomes (1–3 goals each, text recombined from the demo set), SQLite file, 10 connections, ${DURATION} s per query, logged in as a partner.`,
    '', table([...oogst, ...baseline]), '',
    '| query | Oogst req/s | baseline req/s | Oogst / baseline |', '|---|---:|---:|---:|', ...share,
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
