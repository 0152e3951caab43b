// The login limit per address is a setting (AUTH_RATE_LIMIT): an office whose people share one
// address may need more than the default 30 per 15 minutes; a stricter one, fewer.
process.env.AUTH_RATE_LIMIT = '3';
process.env.OOGST_DISABLE_RATE_LIMIT = '0';
import { startTestApp, TestApp, PASSWORD } from '../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

test('when AUTH_RATE_LIMIT is 3, then the fourth login attempt from one address gets 429', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await t.anon().post('/api/auth/login', { email: 'nobody@test.oogst', password: PASSWORD })).status);
  expect(statuses).toEqual([401, 401, 401, 429]);
});
