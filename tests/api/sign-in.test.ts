// Sign-in that holds (privacy issue, point 6): an office on one connection signs in freely while
// guessing stays slow; forwarded addresses count only behind a trusted proxy; real and unknown
// accounts answer alike; each failure is counted atomically; a login ends the session it was
// presented with; a password change ends the open set-password links.
process.env.OOGST_DISABLE_RATE_LIMIT = '0';
import { startTestApp, TestApp, Client, PASSWORD } from '../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());
// each test starts with no counted failures (the address's own limit included: they all come from 127.0.0.1)
afterEach(() => t.ctx.db('rate_limits').del());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.anon().request('POST', '/api/auth/login', { email, password }, headers);

test('when two people sign in forty times in a row from one address, then every sign-in succeeds', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) statuses.push((await login(i % 2 ? 'partner1@test.oogst' : 'partner1b@test.oogst', PASSWORD)).status);
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
});

test('when fifty wrong passwords come for one account from rotating forwarded addresses, then they are slowed as from one', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 50; i++) statuses.push((await login('evaluator@test.oogst', 'wrong', { 'X-Forwarded-For': `203.0.113.${i + 1}` })).status);
  const checked = statuses.filter((s) => s === 401).length;
  expect(checked).toBeLessThanOrEqual(t.ctx.config.loginMaxFailures + 2);
  expect(statuses.at(-1)).toBe(429);
  // and the real person, once the wait is over (and the address's 15-minute window), is not locked out
  await t.ctx.db('rate_limits').where('key', 'like', 'signin:%').update({ reset_at: new Date(Date.now() - 1000).toISOString() });
  await t.ctx.db('rate_limits').where('key', 'like', 'auth:%').del();
  expect((await login('evaluator@test.oogst', PASSWORD)).status).toBe(200);
});

test('when a real and an unknown account are guessed at, then they answer alike: 401, then 429 with Retry-After', async () => {
  const answers = async (email: string) => {
    const out: string[] = [];
    for (let i = 0; i < t.ctx.config.loginMaxFailures + 1; i++) {
      const r = await login(email, 'wrong');
      out.push(`${r.status} ${r.body.code}${r.headers.get('retry-after') ? ' retry' : ''}`);
    }
    return out;
  };
  const real = await answers('donor@test.oogst');
  const unknown = await answers('nobody-here@test.oogst');
  expect(unknown).toEqual(real);
  expect(real.at(-1)).toBe('429 rate_limited retry');
  expect(real[0]).toBe('401 invalid_credentials');
  // the table holds no email address
  const keys = (await t.ctx.db('rate_limits').pluck('key')).join(' ');
  expect(keys).not.toMatch(/@|donor|nobody/);
});

test('when forty wrong passwords arrive at once, then no more than the free number are checked (each attempt takes its turn atomically)', async () => {
  const answers = await Promise.all(Array.from({ length: 40 }, () => login('partner2@test.oogst', 'wrong')));
  const checked = answers.filter((r) => r.status === 401).length;
  expect(checked).toBeLessThanOrEqual(t.ctx.config.loginMaxFailures);
  expect(answers.filter((r) => r.status === 429)).toHaveLength(40 - checked);
});

test('when someone logs in while presenting a live session, then that session ends', async () => {
  const c = new Client(t.base);
  expect((await c.post('/api/auth/login', { email: 'evaluatorB@test.oogst', password: PASSWORD })).status).toBe(200);
  const planted = c.cookie!;
  expect((await c.get('/api/auth/me')).status).toBe(200);
  // the same browser signs in again (or a victim signs in on a session an attacker planted)
  expect((await c.post('/api/auth/login', { email: 'evaluatorB@test.oogst', password: PASSWORD })).status).toBe(200);
  const old = new Client(t.base);
  old.cookie = planted;
  expect((await old.get('/api/auth/me')).status).toBe(401);
  expect((await c.get('/api/auth/me')).status).toBe(200);
});

test('when a user changes her own password, then an open set-password link for her stops working', async () => {
  const admin = await t.as('admin');
  const u = await admin.post('/api/users', { email: 'reset-me@test.oogst', name: 'Reset Me', role: 'partner', organisationId: t.world.orgs.p1 });
  const first = u.body.setPasswordLink.url.split('/').pop();
  expect((await t.anon().post('/api/auth/set-password', { token: first, password: PASSWORD })).status).toBe(204);
  const reset = await admin.post(`/api/users/${u.body.user.id}/password-link`, {});
  expect(reset.status).toBe(201);
  const c = new Client(t.base);
  expect((await c.post('/api/auth/login', { email: 'reset-me@test.oogst', password: PASSWORD })).status).toBe(200);
  expect((await c.patch('/api/auth/me', { password: 'a brand new passphrase', currentPassword: PASSWORD })).status).toBe(200);
  const r = await t.anon().post('/api/auth/set-password', { token: reset.body.url.split('/').pop(), password: 'someone else wins' });
  expect(r.status).toBe(410);
});

test('when a session has not been used for SESSION_IDLE_MINUTES, then it has ended; a used one is kept alive', async () => {
  const c = new Client(t.base);
  expect((await c.post('/api/auth/login', { email: 'donorB@test.oogst', password: PASSWORD })).status).toBe(200);
  const user = { id: t.world.users.donorB };
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  // used five minutes ago: still on, and the use is recorded
  await t.ctx.db('sessions').where({ user_id: user.id }).update({ last_seen_at: ago(5) });
  expect((await c.get('/api/auth/me')).status).toBe(200);
  const seen = (await t.ctx.db('sessions').where({ user_id: user.id }).first('last_seen_at')).last_seen_at;
  expect(Date.parse(seen)).toBeGreaterThan(Date.now() - 10_000);
  // idle for longer than the limit (two hours by default): ended, well inside its 12 hours
  await t.ctx.db('sessions').where({ user_id: user.id }).update({ last_seen_at: ago(t.ctx.config.sessionIdleMinutes + 1) });
  expect((await c.get('/api/auth/me')).status).toBe(401);
});
