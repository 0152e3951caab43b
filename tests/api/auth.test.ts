import { startTestApp, TestApp, Client, PASSWORD } from '../helpers/app';
import { accountKeyOf } from '../../server/auth/throttle';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

describe('login', () => {
  test('when the password is right, then the user and a session cookie come back', async () => {
    const c = t.anon();
    const r = await c.post('/api/auth/login', { email: 'partner1@test.oogst', password: PASSWORD });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ email: 'partner1@test.oogst', role: 'partner', organisation: { id: t.world.orgs.p1 } });
    expect(r.body.programmes.map((p: { id: string }) => p.id)).toEqual([t.world.programmes.A]);
    expect(r.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(r.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });

  test('when the password is wrong, then 401 invalid_credentials', async () => {
    const r = await t.anon().post('/api/auth/login', { email: 'partner1@test.oogst', password: 'nope' });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('invalid_credentials');
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  test('when logged out, then the session no longer works', async () => {
    const c = t.anon();
    await c.post('/api/auth/login', { email: 'partner2@test.oogst', password: PASSWORD });
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const replay = new Client(t.base);
    replay.cookie = cookie;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  test('when a write comes from another origin, then 403 bad_origin', async () => {
    const c = new Client(t.base, 'https://evil.example');
    const r = await c.post('/api/auth/login', { email: 'partner1@test.oogst', password: PASSWORD });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('bad_origin');
  });

  test('when the account fails too often, then further attempts wait (429, Retry-After), counted in the database', async () => {
    const email = 'partner1b@test.oogst';
    for (let i = 0; i < t.ctx.config.loginMaxFailures; i++) {
      expect((await t.anon().post('/api/auth/login', { email, password: 'wrong' })).status).toBe(401);
    }
    const r = await t.anon().post('/api/auth/login', { email, password: PASSWORD });
    expect([r.status, r.body.code, Number(r.headers.get('retry-after')) > 0]).toEqual([429, 'rate_limited', true]);
    const row = await t.ctx.db('rate_limits').where({ key: accountKeyOf(email) }).first();
    expect(Number(row.hits)).toBe(t.ctx.config.loginMaxFailures);
    await t.ctx.db('rate_limits').where('key', 'like', `${accountKeyOf(email)}%`).del();
  });
});

test('the session the app asks for at start: null when signed out (200, nothing for the browser to log as an error), the user when signed in, never cached', async () => {
  const anon = await t.anon().get('/api/auth/session');
  expect([anon.status, anon.body]).toEqual([200, { user: null }]);
  const c = await t.as('partner1');
  const mine = await c.get('/api/auth/session');
  expect([mine.status, mine.body.user.email, mine.headers.get('cache-control')]).toEqual([200, 'partner1@test.oogst', 'private, no-store']);
});

describe('me', () => {
  test('when changing the password, then the current one is needed and other sessions end', async () => {
    const other = await t.as('donorB');
    const c = new Client(t.base);
    await c.post('/api/auth/login', { email: 'donorb@test.oogst', password: PASSWORD });
    expect((await c.patch('/api/auth/me', { password: 'a new long password' })).status).toBe(400);
    expect((await c.patch('/api/auth/me', { password: 'a new long password', currentPassword: 'wrong' })).status).toBe(403);
    const ok = await c.patch('/api/auth/me', { password: 'a new long password', currentPassword: PASSWORD, language: 'ar' });
    expect(ok.status).toBe(200);
    expect(ok.body.language).toBe('ar');
    expect((await other.get('/api/auth/me')).status).toBe(401);
    expect((await t.anon().post('/api/auth/login', { email: 'donorb@test.oogst', password: 'a new long password' })).status).toBe(200);
  });

  test('when logged out, then 401', async () => {
    const r = await t.anon().get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('unauthenticated');
  });
});

describe('users (admin)', () => {
  test('when an admin creates a user, then a single-use set-password link lets them in', async () => {
    const admin = await t.as('admin');
    const r = await admin.post('/api/users', { email: 'New.Person@test.oogst', name: 'New Person', role: 'partner', organisationId: t.world.orgs.p2 });
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({ email: 'new.person@test.oogst', hasPassword: false });
    const token = r.body.setPasswordLink.url.split('/').pop();
    expect((await t.anon().post('/api/auth/set-password', { token, password: 'chosen by me 123' })).status).toBe(204);
    expect((await t.anon().post('/api/auth/set-password', { token, password: 'chosen by me 456' })).status).toBe(410);
    expect((await t.anon().post('/api/auth/login', { email: 'new.person@test.oogst', password: 'chosen by me 123' })).status).toBe(200);
  });

  test('when a user is disabled, then their sessions end at once', async () => {
    const admin = await t.as('admin');
    const victim = await t.as('partner3');
    expect((await victim.get('/api/auth/me')).status).toBe(200);
    const r = await admin.patch(`/api/users/${t.world.users.partner3}`, { disabled: true });
    expect(r.status).toBe(200);
    expect(r.body.disabled).toBe(true);
    expect((await victim.get('/api/auth/me')).status).toBe(401);
    expect((await t.anon().post('/api/auth/login', { email: 'partner3@test.oogst', password: PASSWORD })).status).toBe(401);
  });

  test('when the email is taken, then 409 and nothing is written', async () => {
    const admin = await t.as('admin');
    const before = await t.ctx.db('users').count({ n: '*' });
    const r = await admin.post('/api/users', { email: 'partner1@test.oogst', name: 'X', role: 'partner', organisationId: t.world.orgs.p1 });
    expect(r.status).toBe(409);
    expect(await t.ctx.db('users').count({ n: '*' })).toEqual(before);
  });
});
