// Headers that keep record data where it belongs: never kept by a browser's or a proxy's cache,
// session cookies Secure in production whatever the hop to the process, and — with PUBLIC_URL
// set — only that origin may write and only that host name is answered (DNS rebinding).
import type { AddressInfo } from 'node:net';
import http, { Server } from 'node:http';
import { createApp } from '../../server/app';
import { startTestApp, TestApp, Client, PASSWORD } from '../helpers/app';
import { outcomeBody } from '../helpers/fixtures';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t.close());

/** A second server on the same database, as configured in production behind a proxy. */
async function productionServer(): Promise<{ base: string; server: Server }> {
  const app = createApp({ ...t.ctx, config: { ...t.ctx.config, env: 'production', publicUrl: 'https://oogst.example.org' } });
  const server: Server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test('when an answer carries record data, then no cache may keep it', async () => {
  const p1 = await t.as('partner1');
  const o = (await p1.post('/api/outcomes', outcomeBody())).body;
  for (const path of ['/api/outcomes', `/api/outcomes/${o.id}`, `/api/outcomes/${o.id}/revisions`, '/api/auth/me', '/api/stories']) {
    const r = await p1.get(path);
    expect([path, r.status, r.headers.get('cache-control')]).toEqual([path, 200, 'private, no-store']);
  }
  expect((await p1.post('/api/outcomes', outcomeBody())).headers.get('cache-control')).toBe('private, no-store');
});

describe('in production behind a proxy that speaks plain HTTP to the process', () => {
  let prod: { base: string; server: Server };
  beforeAll(async () => { prod = await productionServer(); });
  afterAll(async () => { prod.server.closeAllConnections(); await new Promise((r) => prod.server.close(r)); });

  /** fetch cannot set Host: a plain HTTP request can, as a browser under DNS rebinding does. */
  const request = (method: string, path: string, headers: Record<string, string>, body?: unknown) => new Promise<{ status: number; setCookie: string; body: string }>((resolve, reject) => {
    const req = http.request(`${prod.base}${path}`, { method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; }).on('end', () => resolve({ status: res.statusCode!, setCookie: String(res.headers['set-cookie'] ?? ''), body: text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
  const login = (headers: Record<string, string>) => request('POST', '/api/auth/login', headers, { email: 'partner1@test.oogst', password: PASSWORD });

  test('when someone logs in, then the session cookie is Secure', async () => {
    const r = await login({ host: 'oogst.example.org', origin: 'https://oogst.example.org' });
    expect(r.status).toBe(200);
    expect(r.setCookie).toMatch(/;\s*Secure/i);
  });

  test('when a page under another host name writes with its own origin (DNS rebinding), then it is refused', async () => {
    const rebound = await login({ host: 'evil.example.net', origin: 'http://evil.example.net' });
    expect(rebound.status).toBe(421);
    // the Host may be right (a proxy rewrites it) while the Origin is not the public one
    const cross = await login({ host: 'oogst.example.org', origin: 'http://oogst.example.org' });
    expect(cross.status).toBe(403);
    expect(JSON.parse(cross.body).code).toBe('bad_origin');
  });

  test('when a load balancer asks for health by address, then it is answered', async () => {
    const c = new Client(prod.base);
    expect((await c.get('/api/health')).status).toBe(200);
    expect((await request('GET', '/api/health', { host: '10.0.0.7' })).status).toBe(200);
    expect((await request('GET', '/api/outcomes', { host: '10.0.0.7' })).status).toBe(421);
  });
});
