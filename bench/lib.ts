// Shared pieces of the benchmarks: a database of realistic size, built fast, and autocannon runs
// reported as p50/p95/requests per second. Benchmarks print figures; they never fail on a timing.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { Knex } from 'knex';
import { ROOT, SEEDS_DIR } from '../server/core/paths';
import { toRow, OutcomeInput } from '../server/outcomes/representation';
import type { Keyring } from '../server/crypto/fields';

export const BENCH_DIR = path.join(ROOT, 'bench', '.data');

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}

/** A tiny deterministic random generator, so every run builds the same data. */
export function rng(seed = 42) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return { next, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)], int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)) };
}

type Demo = OutcomeInput & { org: string; status: string };

/** Outcomes with text recombined from the demo set: realistic lengths and vocabulary, 1–3 goals. */
export function* syntheticOutcomes(n: number, seed = 1): Generator<OutcomeInput & { status: string }> {
  const demo = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'demo', 'outcomes.json'), 'utf8')) as Demo[];
  const r = rng(seed);
  const subGoals = ['NL-IV-1.1', 'NL-IV-1.2', 'NL-IV-1.3', 'NL-IV-2.1', 'NL-IV-2.2', 'NL-IV-3.1', 'NL-IV-3.2', 'NL-IV-4.1', 'NL-IV-4.2', 'NL-IV-4.3', 'NL-IV-5.1', 'NL-IV-5.4'];
  const secondary = ['PART', 'PREV', 'PROT', 'RR', 'SDG5', 'SDG16', 'GAP3-1'];
  const statuses = ['draft', 'submitted', 'under_review', 'substantiated', 'published', 'published', 'published'];
  for (let i = 0; i < n; i++) {
    const a = r.pick(demo), b = r.pick(demo), c = r.pick(demo);
    const precision = r.pick(['day', 'month', 'month', 'year'] as const);
    const y = r.int(2021, 2026), m = String(r.int(1, 12)).padStart(2, '0'), d = String(r.int(1, 28)).padStart(2, '0');
    const goals = [{ code: r.pick(subGoals), primary: true }, ...Array.from({ length: r.int(0, 2) }, () => ({ code: r.pick(secondary) }))]
      .filter((g, k, all) => all.findIndex((x) => x.code === g.code) === k);
    yield {
      ...a, title: `${a.title.slice(0, 200)} (${i})`, description: `${a.description}\n\n${b.description}`,
      significance: b.significance, contribution: c.contribution, goals,
      occurredOn: { date: precision === 'year' ? `${y}` : precision === 'month' ? `${y}-${m}` : `${y}-${m}-${d}`, precision },
      sensitivity: r.next() < 0.85 ? 'public' : 'restricted', status: r.pick(statuses),
    };
  }
}

export async function insertOutcomes(db: Knex, ring: Keyring, orgIds: string[], n: number, batch = 500): Promise<string[]> {
  const ids: string[] = [];
  const now = new Date().toISOString();
  let rows: Record<string, unknown>[] = [];
  let goals: Record<string, unknown>[] = [];
  const flush = async () => {
    await db.transaction(async (trx) => {
      await trx.batchInsert('outcomes', rows as never, 100);
      await trx.batchInsert('outcome_goals', goals as never, 300);
    });
    rows = [];
    goals = [];
  };
  let i = 0;
  for (const o of syntheticOutcomes(n)) {
    const id = randomUUID();
    ids.push(id);
    const { status, ...input } = o;
    rows.push({ id, organisation_id: orgIds[i++ % orgIds.length], status, ...toRow(ring, input), created_at: now, updated_at: now });
    goals.push(...input.goals.map((g) => ({ outcome_id: id, goal_code: g.code, is_primary: !!g.primary })));
    if (rows.length >= batch) await flush();
  }
  if (rows.length) await flush();
  return ids;
}

export type Figures = { name: string; p50: number; p95: number; p99: number; rps: number; errors: number; non2xx: number };

export const percentile = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
const round = (x: number) => Math.round(x * 10) / 10;

/** One autocannon run; latencies are collected per response so p95 is exact (autocannon reports p97.5). */
export function load(name: string, url: string, opts: { headers?: Record<string, string>; paths?: string[]; duration?: number; connections?: number }): Promise<Figures> {
  let k = 0;
  const paths = opts.paths;
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url, duration: opts.duration ?? 10, connections: opts.connections ?? 10, headers: opts.headers,
      ...(paths && { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[k++ % paths.length] }) }] }),
    }, (err, result) => {
      if (err) return reject(err);
      times.sort((a, b) => a - b);
      resolve({
        name, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)),
        rps: Math.round(result.requests.average), errors: result.errors, non2xx: result.non2xx,
      });
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  });
}

export function table(rows: Figures[]): string {
  const head = '| query | p50 ms | p95 ms | p99 ms | req/s | errors | non-2xx |\n|---|---:|---:|---:|---:|---:|---:|';
  return [head, ...rows.map((r) => `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${r.errors} | ${r.non2xx} |`)].join('\n');
}
