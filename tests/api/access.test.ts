// Walks the route registry: every route keeps the order of checks of DESIGN.md — origin, then
// login, then the role's right to use the route (403 whatever the body), then the body — and
// answers what the client got wrong with problem+json, never a 5xx.
import { randomUUID } from 'node:crypto';
import { allRoutes } from '../../server/app';
import { ROLES, type Role, type RouteDef } from '../../server/http/types';
import { startTestApp, Client, TestApp, Res, Person } from '../helpers/app';

// Bodies that take the seed-file shape, whose documentary keys (notes, sources) vary by file:
// an unknown field is kept, not refused. Each entry says why; the last test keeps the list honest.
const OPEN_BODIES: Record<string, string> = {
  'frameworks#/$defs/frameworkImport': 'seed-file shape with free documentary keys (notes, sources)',
};

const PERSON_OF: Record<Role, Person> = { admin: 'admin', partner: 'partner1', evaluator: 'evaluator', donor: 'donor' };
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const routes = allRoutes();
const name = (r: RouteDef) => `${r.method.toUpperCase()} ${r.path}`;
const concretePath = (r: RouteDef) => r.path.replace(/:[A-Za-z]+/g, () => randomUUID());
const allowedRoles = (r: RouteDef): readonly Role[] => (r.access === 'public' || r.access === 'user' ? ROLES : r.access);

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

/** A caller the route lets past login and role: anonymous for public routes, else a permitted role. */
async function permitted(r: RouteDef): Promise<Client> {
  return r.access === 'public' ? t.anon() : t.as(PERSON_OF[allowedRoles(r)[0]]);
}

async function call(c: Client, r: RouteDef, body?: unknown, headers?: Record<string, string>): Promise<Res> {
  const res = await c.request(r.method.toUpperCase(), concretePath(r), body, headers);
  expect(res.status).toBeLessThan(500);
  return res;
}

function expectProblem(res: Res, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual(expect.objectContaining({
    type: expect.any(String), title: expect.any(String), status, code, errors: expect.any(Array),
  }));
}

test('the registry is not empty and has no duplicate routes', () => {
  expect(routes.length).toBeGreaterThan(5);
  expect(new Set(routes.map(name)).size).toBe(routes.length);
});

describe.each(routes.map((r) => [name(r), r] as const))('%s', (_name, r) => {
  test('declares a summary, a tag and an access rule', () => {
    expect(r.summary.trim()).not.toBe('');
    expect(r.tag.trim()).not.toBe('');
    if (typeof r.access === 'string') expect(['public', 'user']).toContain(r.access);
    else {
      expect(r.access.length).toBeGreaterThan(0);
      for (const role of r.access) expect(ROLES).toContain(role);
    }
  });

  if (r.access !== 'public') {
    test('when anonymous, then 401 unauthenticated', async () => {
      const res = await call(t.anon(), r, WRITES.has(r.method) ? '{bad' : undefined);
      expectProblem(res, 401, 'unauthenticated');
    });
  }

  if (Array.isArray(r.access)) {
    const others = ROLES.filter((role) => !r.access.includes(role));
    if (others.length) {
      test.each(others)('when logged in as %s, then 403 forbidden before the body is read', async (role) => {
        const c = await t.as(PERSON_OF[role]);
        const res = await call(c, r, WRITES.has(r.method) ? '{bad' : undefined);
        expectProblem(res, 403, 'forbidden');
      });
    }
  }

  if (WRITES.has(r.method)) {
    test('when the Origin is foreign, then 403 bad_origin, even with a permitted session', async () => {
      const evil = new Client(t.base, 'https://evil.example');
      evil.cookie = (await permitted(r)).cookie;
      expectProblem(await call(evil, r, '{bad'), 403, 'bad_origin');
      expectProblem(await call(new Client(t.base, 'https://evil.example'), r, {}), 403, 'bad_origin');
      // no Origin at all, but the browser says the request is cross-site
      expectProblem(await call(new Client(t.base, null), r, {}, { 'sec-fetch-site': 'cross-site' }), 403, 'bad_origin');
    });
  }

  if (r.body) {
    const body = r.body;
    test('when the body is not JSON, then 400 malformed_json', async () => {
      expectProblem(await call(await permitted(r), r, '{bad'), 400, 'malformed_json');
    });

    test('when the body has an unknown field, then 400 validation_failed naming it', async () => {
      const res = await call(await permitted(r), r, { surelyNotAField: 1 });
      expectProblem(res, 400, 'validation_failed');
      const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path);
      if (OPEN_BODIES[body]) expect(paths).not.toContain('/surelyNotAField');
      else expect(paths).toContain('/surelyNotAField');
    });

    test('when the body is over 1 MB, then 413 payload_too_large', async () => {
      const res = await call(await permitted(r), r, { surelyNotAField: 'x'.repeat(1024 * 1024 + 1) });
      expectProblem(res, 413, 'payload_too_large');
    });

    test('when the body is text/plain, then 415 unsupported_media_type', async () => {
      const res = await call(await permitted(r), r, 'hello', { 'content-type': 'text/plain' });
      expectProblem(res, 415, 'unsupported_media_type');
    });
  }
});

test('every body schema allowed to keep unknown fields is one that a route uses', () => {
  const used = new Set(routes.map((r) => r.body));
  for (const ref of Object.keys(OPEN_BODIES)) expect(used).toContain(ref);
});
