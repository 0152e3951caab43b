// The public operations endpoints (health, the OpenAPI document, the docs page) and the security
// headers every response carries.
import { allRoutes } from '../../server/app';
import { migrationSource } from '../../migrations';
import { startTestApp, TestApp, Res } from '../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

test('when anyone asks /api/health, then 200 with the database kind and the latest migration', async () => {
  const names = await migrationSource.getMigrations([]);
  const r = await t.anon().get('/api/health');
  expect(r.status).toBe(200);
  expect(r.body).toEqual({
    status: 'ok',
    database: process.env.OOGST_TEST_DB === 'pg' ? 'postgresql' : 'sqlite',
    migration: migrationSource.getMigrationName(names[names.length - 1]),
  });
});

test('when anyone asks /api/openapi.json, then an OpenAPI 3.1 document listing every route', async () => {
  const r = await t.anon().get('/api/openapi.json');
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  expect(r.body.openapi).toMatch(/^3\.1\.\d+$/);
  const listed = Object.entries(r.body.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
  const routes = allRoutes().map((route) => `${route.method} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
  expect(listed.sort()).toEqual(routes.sort());
  for (const route of allRoutes().filter((x) => x.body)) {
    const op = r.body.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')][route.method];
    expect(op.requestBody.content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\//);
  }
});

test('when anyone asks /api/docs, then an HTML page naming the routes', async () => {
  const r = await t.anon().get('/api/docs');
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^text\/html/);
  expect(r.text).toMatch(/^<!doctype html>/i);
  expect(r.text).toContain('/api/health');
  expect(r.text).not.toMatch(/<script/i);
});

describe('security headers', () => {
  const expectHeaders = (r: Res) => {
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-powered-by')).toBeNull();
  };

  test('on JSON, HTML and problem responses alike', async () => {
    const c = t.anon();
    for (const r of [await c.get('/api/health'), await c.get('/api/docs'), await c.get('/api/auth/me'), await c.get('/api/no-such-thing')]) {
      expectHeaders(r);
    }
  });

  test('when an API path does not exist, then 404 not_found as problem+json', async () => {
    const r = await t.anon().get('/api/no-such-thing');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('not_found');
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
