// npm run bench:import — a spreadsheet of 10,000 outcomes (text recombined from the demo set)
// uploaded as XLSX and as CSV to a running Oogst on SQLite, logged in as a partner: the dry run
// (read, check every row with the API's rules, keep the rows) and the commit (check again, write
// all in one transaction), timed apart. Prints figures and writes them into bench/README.md.
// The target of issue 8 is ≤ 5 s for validating and committing 10,000 rows. Not a test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { loadConfig } from '../server/core/config';
import { createContext } from '../server/context';
import { createApp } from '../server/app';
import { migrateLatest } from '../server/db/knex';
import { seedReference } from '../seeds/reference';
import { seedDemo } from '../seeds/demo';
import { OUTCOME_INPUT_COLUMNS } from '../server/exports/outcomes';
import type { Outcome } from '../server/outcomes/representation';
import { BENCH_DIR, machine, syntheticOutcomes } from './lib';
import { writeSection } from './report';

const N = Number(process.env.BENCH_ROWS ?? 10_000);

function table(): unknown[][] {
  const header = OUTCOME_INPUT_COLUMNS.map((c) => c.name);
  const rows: unknown[][] = [header];
  for (const o of syntheticOutcomes(N, 7)) {
    const { status: _s, ...input } = o;
    rows.push(OUTCOME_INPUT_COLUMNS.map((c) => c.value({ ...input, harvestId: null, evidence: input.evidence ?? [] } as unknown as Outcome)));
  }
  return rows;
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('outcomes');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Timing = { format: string; bytes: number; dryRun: number; commit: number; cpu: number; rows: number };

async function run(base: string, cookie: string, format: 'xlsx' | 'csv', bytes: Buffer): Promise<Timing> {
  const form = new FormData();
  form.append('format', format);
  form.append('kind', 'outcomes');
  form.append('file', new Blob([bytes as BlobPart]), `bench.${format}`);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const dry = await (await fetch(`${base}/api/imports`, { method: 'POST', body: form, headers: { cookie, origin: base } })).json() as { id: string; status: string; errorCount: number };
  const t1 = performance.now();
  if (dry.status !== 'validated') throw new Error(`dry run: ${JSON.stringify(dry).slice(0, 500)}`);
  const done = await (await fetch(`${base}/api/imports/${dry.id}/commit`, { method: 'POST', headers: { cookie, origin: base } })).json() as { committed: number };
  const t2 = performance.now();
  const c = process.cpuUsage(c0);
  return { format, bytes: bytes.length, dryRun: t1 - t0, commit: t2 - t1, cpu: (c.user + c.system) / 1000, rows: done.committed };
}

async function main() {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, 'import.sqlite');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: `sqlite://${file}`, OOGST_DATA_DIR: BENCH_DIR,
    OOGST_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'), OOGST_SESSION_SECRET: Buffer.alloc(32, 4).toString('base64') };
  const ctx = createContext(loadConfig(env));
  await migrateLatest(ctx.db);
  await seedReference(ctx.db);
  await seedDemo(ctx);
  const rows = table();
  const files = { xlsx: await xlsx(rows), csv: Buffer.from('\ufeff' + stringify(rows, { cast: { boolean: (b) => String(b) } })) };
  const server = createApp(ctx).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email: 'partner@oogst.test', password: 'oogst-demo' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const results = [await run(base, cookie, 'xlsx', files.xlsx), await run(base, cookie, 'csv', files.csv)];
  server.close();
  await ctx.db.destroy();
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const lines = [
    `${N.toLocaleString('en')} outcomes of the demo vocabulary (1–3 goals each), SQLite file, one partner; the second import lands on top of the first.`,
    `Wall-clock seconds, and the CPU seconds of the server process (all threads) — the better figure on a busy machine (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs at the end of this run).`,
    '',
    '| file | size MB | dry run s | commit s | total s | CPU s | rows written |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.format} | ${(r.bytes / 2 ** 20).toFixed(1)} | ${s(r.dryRun)} | ${s(r.commit)} | ${s(r.dryRun + r.commit)} | ${s(r.cpu)} | ${r.rows} |`),
  ];
  const text = lines.join('\n');
  console.log(text);
  writeSection('bench:import', `Spreadsheet import (${new Date().toISOString().slice(0, 10)}, ${machine()})`, text);
}

main().catch((e) => { console.error(e); process.exit(1); });
