// Starts Oogst in-process on a free port against a fresh copy of the template database, and
// gives tests HTTP clients logged in as the people of a small world (two programmes).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../server/core/config';
import { createContext } from '../../server/context';
import { createApp } from '../../server/app';
import { createLogger } from '../../server/logger';
import type { AppContext, Role } from '../../server/http/types';
import { hashPassword } from '../../server/auth/passwords';
import * as users from '../../server/users/repository';
import { nowIso } from '../../server/core/clock';
import { freshDatabaseUrl } from './db';

export type Res<T = any> = { status: number; body: T; headers: Headers; text: string }; // eslint-disable-line @typescript-eslint/no-explicit-any

export class Client {
  /** cookies by name, as a browser keeps them (every cookie goes with every request: paths are not modelled) */
  private jar = new Map<string, string>();
  get cookie(): string | undefined {
    return this.jar.size ? [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }
  set cookie(header: string | undefined) {
    this.jar = new Map((header ?? '').split(';').map((p) => p.trim()).filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  }
  constructor(readonly base: string, readonly origin: string | null = base) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.origin && method !== 'GET') h.origin = this.origin;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair, ...attributes] = setCookie.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1);
      // an empty value or Max-Age=0 is how the server deletes a cookie
      if (!value || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }
  get<T = any>(path: string) { return this.request<T>('GET', path); } // eslint-disable-line @typescript-eslint/no-explicit-any
  post<T = any>(path: string, body?: unknown) { return this.request<T>('POST', path, body); } // eslint-disable-line @typescript-eslint/no-explicit-any
  patch<T = any>(path: string, body?: unknown) { return this.request<T>('PATCH', path, body); } // eslint-disable-line @typescript-eslint/no-explicit-any
  put<T = any>(path: string, body?: unknown) { return this.request<T>('PUT', path, body); } // eslint-disable-line @typescript-eslint/no-explicit-any
  delete<T = any>(path: string) { return this.request<T>('DELETE', path); } // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const PASSWORD = 'correct horse battery';

/** The people of the test world. Programme A joins partners p1 and p2; programme B joins p3. */
export const PEOPLE = {
  admin: { role: 'admin', org: 'adminOrg', programme: null },
  partner1: { role: 'partner', org: 'p1', programme: null },
  partner1b: { role: 'partner', org: 'p1', programme: null },
  partner2: { role: 'partner', org: 'p2', programme: null },
  partner3: { role: 'partner', org: 'p3', programme: null },
  evaluator: { role: 'evaluator', org: 'evalOrg', programme: 'A' },
  evaluatorB: { role: 'evaluator', org: 'evalOrg', programme: 'B' },
  donor: { role: 'donor', org: 'donorOrg', programme: 'A' },
  donorB: { role: 'donor', org: 'donorOrg', programme: 'B' },
} as const;
export type Person = keyof typeof PEOPLE;

export type World = { orgs: Record<string, string>; programmes: { A: string; B: string }; users: Record<Person, string> };

export type TestApp = {
  ctx: AppContext;
  base: string;
  world: World;
  anon: () => Client;
  as: (who: Person) => Promise<Client>;
  close: () => Promise<void>;
};

async function buildWorld(ctx: AppContext): Promise<World> {
  const now = nowIso();
  const db = ctx.db;
  const orgs: Record<string, string> = {};
  const kinds: Record<string, string> = { adminOrg: 'admin', p1: 'partner', p2: 'partner', p3: 'partner', evalOrg: 'evaluator', donorOrg: 'donor' };
  for (const [key, kind] of Object.entries(kinds)) {
    orgs[key] = randomUUID();
    await db('organisations').insert({ id: orgs[key], name: `Org ${key}`, kind, created_at: now, updated_at: now });
  }
  const programmes = { A: randomUUID(), B: randomUUID() };
  for (const [key, id] of Object.entries(programmes)) {
    await db('programmes').insert({ id, name: `Programme ${key}`, created_at: now, updated_at: now, iati_identifier: `XM-TEST-${key}`, reporting_org_ref: 'XM-DAC-7' });
  }
  await db('programme_partners').insert([
    { programme_id: programmes.A, organisation_id: orgs.p1 },
    { programme_id: programmes.A, organisation_id: orgs.p2 },
    { programme_id: programmes.B, organisation_id: orgs.p3 },
  ]);
  const passwordHash = await hashPassword(PASSWORD);
  const ids = {} as Record<Person, string>;
  for (const [who, p] of Object.entries(PEOPLE) as Array<[Person, (typeof PEOPLE)[Person]]>) {
    ids[who] = randomUUID();
    await users.insert(db, ctx.keyring, { id: ids[who], email: `${who.toLowerCase()}@test.oogst`, name: `Name of ${who}`, role: p.role as Role, organisationId: orgs[p.org], language: 'en', passwordHash, now });
    if (p.programme) await db('programme_members').insert({ programme_id: programmes[p.programme], user_id: ids[who] });
  }
  return { orgs, programmes, users: ids };
}

/** `logTo`: a stream that receives every log line, at every level, for a test to read. */
export async function startTestApp(options: { logTo?: Writable } = {}): Promise<TestApp> {
  const { url, drop } = await freshDatabaseUrl();
  const config = loadConfig({ ...process.env, DATABASE_URL: url, OOGST_DATA_DIR: '/tmp/oogst-test-data' });
  const ctx = createContext(config);
  if (options.logTo) ctx.log = createLogger('trace', options.logTo);
  const world = await buildWorld(ctx);
  const server: Server = await new Promise((resolve) => {
    const s = createApp(ctx).listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients = new Map<Person, Client>();
  return {
    ctx, base, world,
    anon: () => new Client(base),
    async as(who) {
      const existing = clients.get(who);
      if (existing) return existing;
      const c = new Client(base);
      const r = await c.post('/api/auth/login', { email: `${who.toLowerCase()}@test.oogst`, password: PASSWORD });
      if (r.status !== 200) throw new Error(`login as ${who} failed: ${r.status} ${r.text}`);
      clients.set(who, c);
      return c;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await ctx.db.destroy();
      await drop();
    },
  };
}
