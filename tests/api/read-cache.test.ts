// Lists and dashboards keep their results until the next write (server/db/read-cache.ts). These
// tests prove a kept result is never stale: after a write through the API, a write made directly
// on the database (as seeds and fixtures do), and a write by another process's connection (as
// the CLI's purge or restore do), the next read counts again. And pages of a kept list agree.
import knex from 'knex';
import { startTestApp, TestApp, Client, PASSWORD } from '../helpers/app';
import { outcomeBody } from '../helpers/fixtures';
import { isPostgres } from '../../server/db/knex';

let t: TestApp;
let p1: Client, admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  [p1, admin] = await Promise.all([t.as('partner1'), t.as('admin')]);
  for (let i = 0; i < 5; i++) expect((await p1.post('/api/outcomes', outcomeBody({ title: `Kept result ${i}` }))).status).toBe(201);
});
afterAll(async () => { await t.close(); });

const total = async (c: Client, path = '/api/outcomes?q=kept') => ((await c.get(path)).body as { total: number }).total;
const lane = async (c: Client) => {
  const r = await c.get('/api/dashboard/timeline?framework=nap1325-nl-iv&from=2024-01-01&to=2024-12-31&bucket=year');
  expect(r.status).toBe(200);
  return (r.body.goals as Array<{ code: string; total: number }>).find((g) => g.code === 'NL-IV-1')!.total;
};

test('when an outcome is created through the API, then the same list and timeline count it at once', async () => {
  const [before, laneBefore] = [await total(p1), await lane(admin)];
  expect(await total(p1)).toBe(before); // read twice: the second from the kept result
  expect((await p1.post('/api/outcomes', outcomeBody({ title: 'Kept result after a write' }))).status).toBe(201);
  expect(await total(p1)).toBe(before + 1);
  expect(await lane(admin)).toBe(laneBefore + 1);
});

test('when a record is changed directly on the database, then the next read counts again', async () => {
  const before = await total(p1);
  const { id } = (await p1.get('/api/outcomes?q=kept&pageSize=1')).body.items[0];
  await t.ctx.db('outcomes').where({ id }).update({ status: 'retracted' });
  expect(await total(p1)).toBe(before - 1);
});

test('when another connection (another process) writes, then the next read counts again', async () => {
  if (isPostgres(t.ctx.db)) return; // nothing is kept on PostgreSQL
  const before = await total(admin, '/api/outcomes');
  const { id } = (await admin.get('/api/outcomes?pageSize=1')).body.items[0];
  const other = knex({ client: 'sqlite3', connection: { filename: t.ctx.config.databaseUrl.slice('sqlite://'.length) }, useNullAsDefault: true });
  try {
    await other('outcome_goals').where({ outcome_id: id }).del();
    await other('outcomes').where({ id }).del();
  } finally {
    await other.destroy();
  }
  expect(await total(admin, '/api/outcomes')).toBe(before - 1);
});

test('when a kept list is paged, then the pages join up to the total without repeats', async () => {
  const first = (await p1.get('/api/outcomes?q=kept&pageSize=2&page=1')).body;
  const rest = [first];
  for (let page = 2; page <= Math.ceil(first.total / 2); page++) rest.push((await p1.get(`/api/outcomes?q=kept&pageSize=2&page=${page}`)).body);
  const ids = rest.flatMap((p) => p.items.map((o: { id: string }) => o.id));
  expect(new Set(ids).size).toBe(first.total);
  expect(rest.every((p) => p.total === first.total)).toBe(true);
});

test('when two people ask the same question, then each gets the answer of their own visibility', async () => {
  const p2 = await t.as('partner2');
  expect(await total(p1)).toBeGreaterThan(0);
  expect(await total(p2)).toBe(0); // partner1's drafts are not partner2's to count
});

test('when the same question is asked again with nothing written, then the kept answer is given without counting again', async () => {
  if (isPostgres(t.ctx.db)) return; // nothing is kept on PostgreSQL
  const paths = ['/api/outcomes?q=kept', '/api/dashboard/timeline?framework=nap1325-nl-iv&bucket=year', '/api/dashboard/transformation',
    '/api/dashboard/coverage?framework=nap1325-nl-iv', '/api/dashboard/map', '/api/dashboard/pathways'];
  for (const path of paths) {
    const first = await admin.get(path);
    expect(first.status).toBe(200);
    const statements: string[] = [];
    const note = (q: { sql: string }) => statements.push(q.sql);
    t.ctx.db.on('query', note);
    const again = await admin.get(path);
    t.ctx.db.off('query', note);
    expect(again.text).toBe(first.text);
    // what the second request ran: the session, the cache's check and (for a list) the page's rows by
    // their keys — never the matching or counting over the records
    const counting = statements.filter((sql) => /outcome_facts|outcomes_fts|from `outcomes`|goal_ancestors/i.test(sql) && !/`o`\.`seq` in \(/.test(sql));
    expect({ path, counting }).toEqual({ path, counting: [] });
  }
});

test('when a new year begins, then a chart with no data and no range shows the new year, not the kept old one', async () => {
  // nothing matches this country, so the chart's range is the current year (server/dashboard/scope.ts)
  let c: Client;
  const range = async () => {
    const r = await c.get('/api/dashboard/timeline?country=AQ&bucket=year');
    expect(r.status).toBe(200);
    return [r.body.from, r.body.to];
  };
  const real = ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] as const;
  try {
    jest.useFakeTimers({ now: new Date('2030-12-31T23:59:00Z'), doNotFake: [...real] });
    c = t.anon(); // a session begun on that day, so that it has not expired
    expect((await c.post('/api/auth/login', { email: 'admin@test.oogst', password: PASSWORD })).status).toBe(200);
    expect(await range()).toEqual(['2030-01-01', '2030-12-31']);
    expect(await range()).toEqual(['2030-01-01', '2030-12-31']);
    jest.setSystemTime(new Date('2031-01-01T00:01:00Z'));
    expect(await range()).toEqual(['2031-01-01', '2031-12-31']);
  } finally {
    jest.useRealTimers();
  }
});
