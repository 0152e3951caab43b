// Shared by the proof-under-pressure tests (access policy, canaries, hostile input, key rotation):
// the route registry as data, and records driven into a given state through the API, the way
// people would get them there.
import http from 'node:http';
import { allRoutes } from '../../server/app';
import type { RouteDef } from '../../server/http/types';
import type { Client, Person, Res, TestApp } from './app';
import { outcomeBody } from './fixtures';

export const routeName = (r: RouteDef) => `${r.method.toUpperCase()} ${r.path}`;
export const hasRoute = (name: string) => allRoutes().some((r) => routeName(r) === name);
export const paramsOf = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);

/** The route's path with its parameters filled in; a missing one is an error of the test. */
export function fill(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, p: string) => {
    if (params[p] === undefined) throw new Error(`no value for :${p} of ${path}`);
    return encodeURIComponent(params[p]);
  });
}

export function must(r: Res, what: string, status = [200, 201, 204]): Res {
  if (!status.includes(r.status)) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 300)}`);
  return r;
}

export type Org = 'p1' | 'p2' | 'p3';
export type OutcomeStatus = 'draft' | 'submitted' | 'under_review' | 'substantiated' | 'partly_substantiated' | 'not_substantiated' | 'published' | 'retracted';
export type Sensitivity = 'public' | 'restricted' | 'confidential';
export const OUTCOME_STATES: OutcomeStatus[] = ['draft', 'submitted', 'under_review', 'substantiated', 'partly_substantiated', 'not_substantiated', 'published', 'retracted'];

export const AUTHOR: Record<Org, Person> = { p1: 'partner1', p2: 'partner2', p3: 'partner3' };
export const REVIEWER: Record<Org, Person> = { p1: 'evaluator', p2: 'evaluator', p3: 'evaluatorB' };
export const PROGRAMME_OF: Record<Org, 'A' | 'B'> = { p1: 'A', p2: 'A', p3: 'B' };

const PATH: Record<OutcomeStatus, OutcomeStatus[]> = {
  draft: [],
  submitted: ['submitted'],
  under_review: ['submitted', 'under_review'],
  substantiated: ['submitted', 'under_review', 'substantiated'],
  partly_substantiated: ['submitted', 'under_review', 'partly_substantiated'],
  not_substantiated: ['submitted', 'under_review', 'not_substantiated'],
  published: ['submitted', 'under_review', 'substantiated', 'published'],
  retracted: ['submitted', 'retracted'],
};
const CONCLUSIONS = new Set<OutcomeStatus>(['substantiated', 'partly_substantiated', 'not_substantiated']);

/** Asks an independent person and records their answer (when substantiation exists). */
export async function substantiate(reviewer: Client, id: string, substantiator: { name: string; relationship: string; contact?: string } = { name: 'Mariam Independent', relationship: 'Council clerk' }, comments?: string): Promise<string | undefined> {
  if (!hasRoute('POST /api/outcomes/:id/substantiations')) return undefined;
  const s = must(await reviewer.post(`/api/outcomes/${id}/substantiations`, { substantiator, independent: true }), 'substantiation');
  const sid = s.body.id as string;
  must(await reviewer.put(`/api/outcomes/${id}/substantiations/${sid}`, {
    description: 'agree', significance: 'agree', contribution: 'partly', answeredOn: '2025-01-15', ...(comments && { comments }),
  }), 'answer');
  return sid;
}

/**
 * A transition as an evaluator makes it after reviewing the check before publishing: when the
 * answer is 409 needs_confirmation, the request is repeated confirming every finding. Tests of
 * that check itself post the transition plainly.
 */
export async function moveReviewed(c: Client, path: string, body: Record<string, unknown>): Promise<Res> {
  const r = await c.post(path, body);
  if (r.status !== 409 || r.body?.code !== 'needs_confirmation') return r;
  return c.post(path, { ...body, confirmed: r.body.errors.map((e: { id: string }) => e.id) });
}

export type MadeOutcome = { id: string; org: Org; status: OutcomeStatus; sensitivity: Sensitivity; forced: boolean };

/**
 * An outcome of `org` in `status`, through the API: its partner records and submits it, the
 * programme's evaluator reviews, substantiates, concludes, publishes or retracts. When the API
 * refuses a step (e.g. publishing a restricted outcome), the state is set in the database instead,
 * so the access rules are still checked on it (`forced`).
 */
export async function outcomeIn(t: TestApp, org: Org, status: OutcomeStatus, sensitivity: Sensitivity = 'public', over: Record<string, unknown> = {}): Promise<MadeOutcome> {
  const author = await t.as(AUTHOR[org]);
  const reviewer = await t.as(REVIEWER[org]);
  const id = must(await author.post('/api/outcomes', outcomeBody({ sensitivity, ...over })), 'create outcome').body.id as string;
  for (const to of PATH[status]) {
    if (CONCLUSIONS.has(to)) await substantiate(reviewer, id);
    const c = to === 'submitted' ? author : reviewer;
    const r = await moveReviewed(c, `/api/outcomes/${id}/transitions`, { to, comment: 'Moved on for the proof tests.' });
    if (r.status !== 200) {
      await forceStatus(t, id, status);
      return { id, org, status, sensitivity, forced: true };
    }
  }
  return { id, org, status, sensitivity, forced: false };
}

export async function forceStatus(t: TestApp, id: string, status: OutcomeStatus): Promise<void> {
  const now = new Date().toISOString();
  await t.ctx.db('outcomes').where({ id }).update({
    status, updated_at: now, submitted_at: status === 'draft' ? null : now,
    published_at: status === 'published' ? now : null, retracted_at: status === 'retracted' ? now : null,
  });
}

/** Runs `fn` over `items`, `width` at a time (the requests of a batch overlap; results keep order). */
export async function inBatches<T, R>(items: T[], width: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }));
  return out;
}

// A lean keep-alive HTTP client for tests that send thousands of requests: fetch costs about
// twice the CPU per request, and client and server share one process in the API tests.
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

export function quickRequest(base: string, method: string, path: string, cookie: string | undefined, body?: unknown): Promise<Res> {
  const u = new URL(base + path);
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers: Record<string, string | number> = { origin: base };
  if (cookie) headers.cookie = cookie;
  if (data) Object.assign(headers, { 'content-type': 'application/json', 'content-length': data.length });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        resolve({ status: res.statusCode ?? 0, body: parsed, headers: h, text });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}
