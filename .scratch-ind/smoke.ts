import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../server/config';
import { createContext } from '../server/context';
import { createApp } from '../server/app';
import { migrateLatest } from '../server/db/knex';
import { seedReference } from '../seeds/reference';
import { seedDemo } from '../seeds/demo';

async function main() {
  const file = '/tmp/ind-smoke.sqlite';
  for (const f of [file, file + '-wal', file + '-shm']) fs.rmSync(f, { force: true });
  process.env.OOGST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
  process.env.OOGST_SESSION_SECRET = Buffer.alloc(32, 9).toString('base64');
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: process.env.DB ?? `sqlite://${file}`, OOGST_DATA_DIR: '/tmp/ind-smoke-data', LOG_LEVEL: 'silent' });
  const ctx = createContext(config);
  await migrateLatest(ctx.db);
  await seedReference(ctx.db);
  await seedDemo(ctx);
  console.log('indicators', await ctx.db('indicators').count({ n: '*' }), 'values', await ctx.db('indicator_values').count({ n: '*' }));
  const server = createApp(ctx).listen(0);
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const email of ['partner@oogst.test', 'evaluator@oogst.test', 'donor@oogst.test']) {
    const login = await fetch(base + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email, password: 'oogst-demo' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const get = async (p: string) => { const r = await fetch(base + p, { headers: { cookie } }); return { status: r.status, body: await r.json() }; };
    for (const p of (process.argv[2] ?? '/api/dashboard/timeline?from=2021&to=2026&bucket=year').split(' ')) {
      const r = await get(p);
      console.log(email, p, r.status, JSON.stringify(r.body).slice(0, Number(process.env.LEN ?? 1500)));
    }
  }
  server.close();
  await ctx.db.destroy();
}
main().catch((e) => { console.error(e); process.exit(1); });
