// The time limit of one search statement (SEARCH_TIMEOUT_MS; RELIABILITY.md, "Searches are
// bounded"): set very short here, a costly search is stopped — on SQLite by the driver's
// interrupt(), on PostgreSQL by statement_timeout — and answers 422 search_too_costly, while the
// same search's connections serve the next one and health stays fast.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { seedLongTexts } from '../helpers/long-texts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  process.env.SEARCH_TIMEOUT_MS = '50';
  t = await startTestApp();
  delete process.env.SEARCH_TIMEOUT_MS;
  admin = await t.as('admin');
  await seedLongTexts(t, 100);
}, 300_000);
afterAll(() => t.close());

const COSTLY = ['k m s v r t l p d n ma me mi mo mu', 'ka ke ki ko ku sa se si so su', 'women the council peace market mediation'];

test.each([['search', '/api/search?pageSize=100&q='], ['outcomes', '/api/outcomes?q=']])(
  'when a search through %s runs past the limit, then 422 search_too_costly and health answers at once', async (_name, path) => {
    const answers = await Promise.all(COSTLY.map((q) => admin.get(path + encodeURIComponent(q))));
    const started = Date.now();
    expect((await t.anon().get('/api/health')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answers.map((r) => r.status)).toContain(422);
    for (const r of answers.filter((a) => a.status !== 200)) expect(r.body).toMatchObject({ status: 422, code: 'search_too_costly' });
  }, 60_000);

test('when a search was stopped, then a narrow one on the same connections still answers', async () => {
  const r = await admin.get('/api/search?q=nonesuchword');
  expect(r.status).toBe(200);
  expect(r.body.total).toBe(0);
});
