// The built server (dist/server.js) as child processes for the load and crash drills: a database
// with a small world of partners made first, instances started on free loopback ports, stopped
// gently (SIGTERM) or killed (SIGKILL).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ChildProcess, spawn } from 'node:child_process';
import type { Knex } from 'knex';
import { ROOT } from '../server/core/paths';
import { createDb, migrateLatest } from '../server/db/knex';
import { seedReference } from '../seeds/reference';
import { hashPassword } from '../server/auth/passwords';
import * as users from '../server/users/repository';
import type { Keyring } from '../server/crypto/fields';

export const PASSWORD = 'load and crash drills';
export const KEYS = { OOGST_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'), OOGST_SESSION_SECRET: Buffer.alloc(32, 6).toString('base64') };
export const RING: Keyring = { currentKeyId: 'env1', keys: { env1: Buffer.alloc(32, 5) } };

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export type World = { orgIds: string[]; programmeId: string; partners: Array<{ email: string; orgId: string }> };

/** Migrated, reference data loaded, and `orgs` partner organisations of one programme, two partners each. */
export async function prepare(databaseUrl: string, orgs: number): Promise<World> {
  const db = createDb(databaseUrl);
  await migrateLatest(db);
  await seedReference(db);
  const now = new Date().toISOString();
  const programmeId = randomUUID();
  await db('programmes').insert({ id: programmeId, name: `Drill programme ${programmeId.slice(0, 8)}`, created_at: now, updated_at: now });
  const hash = await hashPassword(PASSWORD);
  const world: World = { orgIds: [], programmeId, partners: [] };
  for (let i = 0; i < orgs; i++) {
    const orgId = randomUUID();
    await db('organisations').insert({ id: orgId, name: `Drill partner ${i} ${orgId.slice(0, 8)}`, kind: 'partner', created_at: now, updated_at: now });
    await db('programme_partners').insert({ programme_id: programmeId, organisation_id: orgId });
    world.orgIds.push(orgId);
    for (let k = 0; k < 2; k++) {
      const email = `drill-${i}-${k}-${orgId.slice(0, 8)}@drill.test`;
      await users.insert(db, RING, { id: randomUUID(), email, name: `Drill ${i}.${k}`, role: 'partner', organisationId: orgId, language: 'en', passwordHash: hash, now });
      world.partners.push({ email, orgId });
    }
  }
  await db.destroy();
  return world;
}

export type Instance = { port: number; base: string; child: ChildProcess; log: string[] };

/** Starts dist/server.js (loopback only) and waits until /api/health answers. */
export async function startServer(databaseUrl: string, dataDir: string, extraEnv: Record<string, string> = {}): Promise<Instance> {
  const server = path.join(ROOT, 'dist', 'server.js');
  if (!fs.existsSync(server)) throw new Error('dist/server.js is missing: run npm run build first');
  const port = await freePort();
  const env = { ...process.env, ...KEYS, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), DATABASE_URL: databaseUrl, OOGST_DATA_DIR: dataDir, OOGST_DEMO: '0', ...extraEnv };
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'bench', 'loopback.cjs'), server], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stdout!.on('data', (d) => log.push(String(d)));
  child.stderr!.on('data', (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped at start (${child.exitCode}): ${log.join('')}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { port, base, child, log };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer in 30 s: ${log.join('')}`);
}

export function stop(i: Instance, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (i.child.exitCode !== null || i.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    i.child.once('exit', () => resolve());
    i.child.kill(signal);
  });
}

export async function login(base: string, email: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${await r.text()}`);
  return r.headers.get('set-cookie')!.split(';')[0];
}

/** Every id of `ids` that is in the database with its goals (exactly one primary). */
export async function presentWithGoals(db: Knex, ids: string[]): Promise<Set<string>> {
  const ok = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = await db('outcomes as o').leftJoin('outcome_goals as g', 'g.outcome_id', 'o.id').whereIn('o.id', part)
      .groupBy('o.id').select('o.id', db.raw('count(g.goal_code) as goals'), db.raw('sum(case when g.is_primary then 1 else 0 end) as primaries'));
    for (const r of rows) if (Number(r.goals) > 0 && Number(r.primaries) === 1) ok.add(r.id);
  }
  return ok;
}
