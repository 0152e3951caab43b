// What one search may cost (RELIABILITY.md, "Searches are bounded"): over long narrative texts — a
// few hundred outcomes, stories and fragments of 50,000 characters — ten worst-case searches at
// once (prefix terms, many terms, a word in every text, snippets over long text) must not keep
// /api/health waiting: it answers within a second throughout, on its own connection, while the
// searches run on theirs; and each search either answers or says search_too_costly.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { seedLongTexts } from '../helpers/long-texts';

const PER_KIND = Number(process.env.SEARCH_COST_RECORDS ?? 300);

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  await seedLongTexts(t, PER_KIND);
}, 300_000);
afterAll(() => t.close());

const WORST = ['a', 'the', 'women peace council market', 'k m s v r t l p d n', 'ma me mi mo mu', 'women', 'mediation the', 'ka ke', 'p', 'council'];
// every fourth one through a list that takes q=, the others through the search across kinds
const paths = WORST.map((q, i) => `/api/${['outcomes', 'search', 'stories', 'fragments'][i % 4]}?q=${encodeURIComponent(q)}&pageSize=100`);

/** Polls /api/health every 100 ms until `work` ends; the longest wait. */
async function healthWhile<T>(work: Promise<T>): Promise<{ result: T; longest: number; polls: number }> {
  const waits: number[] = [];
  let running = true;
  const poll = (async () => {
    while (running) {
      const started = Date.now();
      expect((await t.anon().get('/api/health')).status).toBe(200);
      waits.push(Date.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const result = await work.finally(() => { running = false; });
  await poll;
  return { result, longest: Math.max(...waits), polls: waits.length };
}

test('when ten worst-case searches run at once over long texts, then health answers within a second throughout and each search answers or says search_too_costly', async () => {
  const started = Date.now();
  const searches = Promise.all(paths.map(async (p) => { const s = Date.now(); const r = await admin.get(p); return { p, status: r.status, code: r.body?.code, ms: Date.now() - s }; }));
  const { result: answers, longest, polls } = await healthWhile(searches);
  console.log(JSON.stringify({ records: PER_KIND * 3, elapsed: Date.now() - started, healthLongest: longest, polls, answers }));
  for (const a of answers) expect(a.status === 200 || a.code === 'search_too_costly').toBe(true);
  expect(longest).toBeLessThan(1000);
}, 300_000);
