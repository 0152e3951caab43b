// Crash safety drill: the built server (dist/server.js) on SQLite, driven with bulk writes —
// outcomes recorded, edited (title and goals together), submitted, and spreadsheet imports
// committed — and killed with SIGKILL at a random moment, again and again. After each kill:
// PRAGMA integrity_check is ok, foreign keys and the full-text index hold, every acknowledged write
// is there, and every write and import is wholly present or wholly absent (an outcome always has
// its goals, its transitions and audit entries; an edit its revision; an import all its rows or
// none). Then the server must start again and serve. Exits non-zero on any breach.
//   npm run build && node scripts/run-ts.mjs tests/reliability/crash.ts [--kills 20] [--seed 7]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { createDb } from '../../server/db/knex';
import { BENCH_DIR, machine, rng } from '../../bench/lib';
import { Instance, login, prepare, presentWithGoals, startServer, stop } from '../../bench/servers';
import { importOnce, ImportTry } from './crash-imports';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const KILLS = Number(arg('kills', '20'));
const WORKERS = Number(arg('workers', '8'));
const random = rng(Number(arg('seed', String(Date.now() % 100_000))));

type Edit = { title: string; acked: boolean };
const state = { acked: [] as string[], edits: new Map<string, Edit[]>(), submitted: new Set<string>(), imports: [] as ImportTry[], attempts: 0 };

const body = (title: string, goals = [{ code: 'NL-IV-1.3', primary: true }, { code: 'PART' }]) => ({
  title, description: 'Written during the crash drill.', socialActor: { name: 'District council', type: 'local_government' }, changeType: 'OH-POLICY',
  quadrant: 'GAW-RULES', occurredOn: { date: '2024-03', precision: 'month' }, location: { country: 'ML' }, significance: 'It matters.',
  contribution: 'We helped.', positive: true, intended: true, sensitivity: 'public', language: 'en', goals,
});

async function call(i: Instance, cookie: string, method: string, p: string, json?: unknown) {
  state.attempts++;
  const r = await fetch(i.base + p, { method, headers: { cookie, origin: i.base, 'content-type': 'application/json' }, body: json === undefined ? undefined : JSON.stringify(json) });
  return { status: r.status, body: await r.json().catch(() => undefined) };
}

/** One partner's loop: record, edit (title and goals at once), submit, now and then import; until the kill. */
async function worker(i: Instance, cookie: string, canImport: boolean, n: number): Promise<void> {
  const mine: string[] = [];
  for (let k = 0; ; k++) {
    const pick = random.next();
    if (canImport && pick < 0.08) {
      await importOnce(i, cookie, `${n}-${k}-${randomUUID().slice(0, 8)}`, state.imports);
      continue;
    }
    if (pick < 0.5 || !mine.length) {
      const r = await call(i, cookie, 'POST', '/api/outcomes', body(`Crash drill ${randomUUID()}`));
      if (r.status !== 201) throw new Error(`create: ${r.status}`);
      state.acked.push(r.body.id);
      mine.push(r.body.id);
    } else if (pick < 0.85) {
      const id = mine[Math.floor(random.next() * mine.length)];
      if (state.submitted.has(id)) continue;
      const edit: Edit = { title: `Edited ${randomUUID()}`, acked: false };
      state.edits.set(id, [...(state.edits.get(id) ?? []), edit]);
      const goals = [{ code: random.pick(['NL-IV-1.1', 'NL-IV-2.1', 'NL-IV-3.1']), primary: true }, { code: 'SDG16' }];
      const r = await call(i, cookie, 'PATCH', `/api/outcomes/${id}`, { title: edit.title, goals });
      if (r.status !== 200) throw new Error(`edit: ${r.status}`);
      edit.acked = true;
    } else {
      const id = mine.pop()!;
      if (state.submitted.has(id)) continue;
      const r = await call(i, cookie, 'POST', `/api/outcomes/${id}/transitions`, { to: 'submitted' });
      if (r.status !== 200) throw new Error(`submit: ${r.status}`);
      state.submitted.add(id);
    }
  }
}

/** Whatever a kill may leave behind, this must hold. */
async function check(db: Knex): Promise<string[]> {
  const breaches: string[] = [];
  const integrity = await db.raw('PRAGMA integrity_check');
  if (integrity[0]?.integrity_check !== 'ok') breaches.push(`integrity_check: ${JSON.stringify(integrity)}`);
  const fk = await db.raw('PRAGMA foreign_key_check');
  if (fk.length) breaches.push(`foreign_key_check: ${fk.length} row(s)`);
  try { await db.raw(`INSERT INTO outcomes_fts(outcomes_fts) VALUES ('integrity-check')`); } catch (e) { breaches.push(`full-text index: ${(e as Error).message}`); }
  const all: string[] = await db('outcomes').pluck('id');
  const whole = await presentWithGoals(db, all);
  for (const id of all) if (!whole.has(id)) breaches.push(`outcome ${id} without its goals`);
  for (const id of state.acked) if (!whole.has(id)) breaches.push(`acknowledged outcome ${id} lost`);
  // every lifecycle step is a transition and an audit entry; every edit a revision and an audit entry
  const count = async (q: Knex.QueryBuilder) => {
    const rows: Array<{ entity_id: string; n: number | string }> = await q.select('entity_id').count({ n: '*' }).groupBy('entity_id');
    return new Map(rows.map((r) => [r.entity_id, Number(r.n)]));
  };
  const moves = await count(db('transitions').where({ entity_type: 'outcome' }));
  const audited = await count(db('audit_log').where({ entity_type: 'outcome' }).where((w) => w.where('action', 'outcome.create').orWhere('action', 'outcome.submitted')));
  const revised = await count(db('revisions').where({ entity_type: 'outcome', action: 'update' }));
  const edits = await count(db('audit_log').where({ entity_type: 'outcome', action: 'outcome.update' }));
  for (const id of all) {
    if ((moves.get(id) ?? 0) !== (audited.get(id) ?? 0)) breaches.push(`outcome ${id}: ${moves.get(id) ?? 0} transitions, ${audited.get(id) ?? 0} audit entries`);
    if ((revised.get(id) ?? 0) !== (edits.get(id) ?? 0)) breaches.push(`outcome ${id}: ${revised.get(id) ?? 0} revisions, ${edits.get(id) ?? 0} edits audited`);
  }
  const rows = new Map((await db('outcomes').whereIn('id', [...state.edits.keys()]).select('id', 'title', 'status')).map((r) => [r.id, r]));
  for (const [id, list] of state.edits) {
    // the title is the last acknowledged edit, or an edit sent after it (cut off by the kill)
    const title = rows.get(id)?.title;
    const lastAcked = list.map((e) => e.acked).lastIndexOf(true);
    const tail = lastAcked < 0 ? list : list.slice(lastAcked);
    const ok = tail.some((e) => e.title === title) || (lastAcked < 0 && !!title?.startsWith('Crash drill'));
    if (title !== undefined && !ok) breaches.push(`outcome ${id}: title "${title}" is not its last acknowledged edit`);
  }
  for (const id of state.submitted) {
    const s = (await db('outcomes').where({ id }).first('status'))?.status;
    if (s !== 'submitted') breaches.push(`acknowledged submission of ${id} lost (${s})`);
  }
  for (const imp of state.imports) {
    const n = Number((await db('outcomes').where('title', 'like', `Import ${imp.tag} %`).count({ n: '*' }))[0].n);
    if (n !== 0 && n !== imp.rows) breaches.push(`import ${imp.tag}: ${n} of ${imp.rows} rows`);
    if (imp.committed && n !== imp.rows) breaches.push(`acknowledged import ${imp.tag} has ${n} of ${imp.rows} rows`);
  }
  return breaches;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-crash-'));
  const url = `sqlite://${path.join(dir, 'crash.sqlite')}`;
  const world = await prepare(url, 3);
  const figures = { kills: 0, survived: 0, ackedWrites: 0, imports: 0, importsCommitted: 0, breaches: [] as string[] };
  let canImport = false;
  let cookies: string[] = [];
  try {
    for (let k = 1; k <= KILLS; k++) {
      const server = await startServer(url, path.join(dir, 'data'));
      canImport = (await fetch(`${server.base}/api/openapi.json`).then((r) => r.json())).paths['/api/imports']?.post !== undefined;
      // sessions live in the database and outlive a kill; logging in once also keeps clear of the login rate limit
      if (!cookies.length) cookies = await Promise.all(world.partners.map((p) => login(server.base, p.email)));
      const work = Array.from({ length: WORKERS }, (_x, w) => worker(server, cookies[w % cookies.length], canImport, w).catch(() => undefined));
      await new Promise((r) => setTimeout(r, 300 + Math.floor(random.next() * 2700)));
      await stop(server, 'SIGKILL');
      figures.kills++;
      await Promise.all(work);
      const db = createDb(url);
      const breaches = await check(db);
      await db.destroy();
      figures.breaches.push(...breaches.map((b) => `kill ${k}: ${b}`));
      if (!breaches.length) figures.survived++;
      console.log(`kill ${k}/${KILLS}: ${breaches.length ? `${breaches.length} breach(es): ${breaches.slice(0, 3).join('; ')}` : 'integrity ok, nothing lost, nothing half-written'} (${state.acked.length} outcomes acknowledged, ${state.imports.filter((i) => i.committed).length} imports committed so far)`);
    }
    const last = await startServer(url, path.join(dir, 'data'));
    const list = await fetch(`${last.base}/api/outcomes?pageSize=1`, { headers: { cookie: cookies[0] } });
    if (list.status !== 200) figures.breaches.push(`after the last restart the list answers ${list.status}`);
    await stop(last);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  figures.ackedWrites = state.acked.length + [...state.edits.values()].flat().filter((e) => e.acked).length + state.submitted.size;
  figures.imports = state.imports.length;
  figures.importsCommitted = state.imports.filter((i) => i.committed).length;
  const report = `${new Date().toISOString().slice(0, 10)}, ${machine()}: ${figures.kills} SIGKILLs, ${figures.survived} with integrity_check ok and nothing lost or half-written; ` +
    `${figures.ackedWrites} acknowledged writes (${state.acked.length} outcomes recorded, ${state.submitted.size} submitted, the rest edits), ${state.attempts} write requests in all, ` +
    `${figures.imports} imports tried${canImport ? '' : ' (no /api/imports yet)'}, ${figures.importsCommitted} committed; breaches: ${figures.breaches.length}`;
  console.log(report);
  for (const b of figures.breaches.slice(0, 20)) console.log(`  ${b}`);
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  fs.writeFileSync(path.join(BENCH_DIR, `crash-${KILLS}.md`), `${report}\n`);
  process.exitCode = figures.breaches.length || figures.survived !== KILLS ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
