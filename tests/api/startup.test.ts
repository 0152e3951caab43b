// The real process: configuration errors stop it with one clear line; an empty embedded database
// is migrated and seeded with the demo; SIGTERM shuts it down cleanly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');
const bundle = path.join(ROOT, 'dist', `.test-server-${process.pid}.cjs`);
let tmp: string;

beforeAll(() => {
  buildSync({ entryPoints: [path.join(ROOT, 'server/main.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'error' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-start-'));
});
afterAll(() => {
  fs.rmSync(bundle, { force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

const baseEnv = () => {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), OOGST_DATA_DIR: path.join(tmp, 'data'), LOG_LEVEL: 'warn' };
  for (const k of ['NODE_ENV', 'OOGST_ENCRYPTION_KEY', 'OOGST_SESSION_SECRET', 'DATABASE_URL', 'OOGST_DISABLE_RATE_LIMIT']) delete env[k];
  return env;
};

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as net.AddressInfo;
    s.close(() => resolve(port));
  });
});

test.each([
  [{ PORT: 'abc' }, /PORT must be a whole number/],
  [{ NODE_ENV: 'staging' }, /NODE_ENV must be/],
  [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with/],
  [{ NODE_ENV: 'production', XDG_CONFIG_HOME: '/nonexistent/oogst-test' }, /no secrets/],
  [{ OOGST_ENCRYPTION_KEY: 'short', OOGST_SESSION_SECRET: Buffer.alloc(32).toString('base64') }, /must be 32 bytes/],
])('a bad setting %p stops the start with one clear line', (env, message) => {
  const r = spawnSync(process.execPath, [bundle], { env: { ...baseEnv(), ...env }, encoding: 'utf8', timeout: 20_000 });
  expect(fs.existsSync(path.join(tmp, 'config', 'oogst', 'secrets.json'))).toBe(false); // nothing generated for a bad start
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
});

test('an empty embedded database starts with the demo; SIGTERM ends the process cleanly', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [bundle], { env: { ...baseEnv(), PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let health: Response | undefined;
  while (Date.now() < deadline) {
    health = await fetch(`${base}/api/health`).catch(() => undefined);
    if (health?.ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(health?.status).toBe(200);
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email: 'partner@oogst.test', password: 'oogst-demo' }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const goals = await (await fetch(`${base}/api/frameworks/nap1325-nl-iv/goals`, { headers: { cookie } })).json();
  expect(goals.goals).toHaveLength(5);
  const outcomes = await (await fetch(`${base}/api/outcomes?pageSize=1`, { headers: { cookie } })).json();
  expect(outcomes.total).toBeGreaterThan(20);
  // secrets were generated outside the data folder, and the database holds no key
  expect(fs.existsSync(path.join(tmp, 'config', 'oogst', 'secrets.json'))).toBe(true);
  expect((fs.statSync(path.join(tmp, 'config', 'oogst', 'secrets.json')).mode & 0o777).toString(8)).toBe('600');
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 90_000);
