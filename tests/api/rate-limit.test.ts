// Rate limits live in the database: the per-user limit (off by default) and the login limit.
process.env.USER_RATE_LIMIT_PER_MINUTE = '5';
process.env.OOGST_DISABLE_RATE_LIMIT = '0';
import { startTestApp, TestApp, PASSWORD } from '../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

test('when a user goes over the configured per-user limit, then 429 rate_limited', async () => {
  const c = await t.as('donor');
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await c.get('/api/auth/me')).status);
  expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
  expect(statuses[5]).toBe(429);
  expect(Number((await t.ctx.db('rate_limits').where({ key: `user:${t.world.users.donor}` }).first()).hits)).toBeGreaterThan(5);
});

test('when one address tries to log in too often, then 429 before the password is checked', async () => {
  let last = 0;
  for (let i = 0; i < 31; i++) last = (await t.anon().post('/api/auth/login', { email: 'nobody@test.oogst', password: PASSWORD })).status;
  expect(last).toBe(429);
});
