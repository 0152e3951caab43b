// Request bodies and small helpers for the tests of stories, fragments, files and search: a
// complete, valid story, source and fragment that tests vary field by field. "Canary" marks
// personal data, so a test can assert that it never reaches those who may not see it.
import { randomUUID } from 'node:crypto';
import type { Client, TestApp } from './app';
import { moveReviewed } from './proof';

export function storyBody(over: Record<string, unknown> = {}) {
  return {
    title: 'Now the women of Sévaré speak at the land committee',
    story: 'Before the dialogues, only the chief and the imam spoke at the land committee. In March I stood up and asked why the displaced widows lost their gardens. Two elders answered me, and the committee gave back four plots.',
    whySignificant: 'Because a woman from the displaced families was listened to in public for the first time.',
    domain: 'any-other-change', collectedBy: 'Collector Canary', collectedOn: '2025-02-14',
    location: { country: 'ML', adminArea: 'Mopti' }, language: 'en',
    storyteller: { role: 'market gardener', ageBand: '35-44', gender: 'woman', place: 'Sévaré' },
    consent: { level: 'anonymous', method: 'verbal', givenOn: '2025-02-14', recordedBy: 'Recorder Canary' },
    goals: [{ code: 'NL-IV-1.1', primary: true }, { code: 'PART' }], sensitivity: 'public',
    ...over,
  };
}

export function sourceBody(over: Record<string, unknown> = {}) {
  return { title: 'Focus group with women traders, Sévaré market', type: 'focus_group', author: 'FPPS field team', year: 2024, confidentiality: 'public', ...over };
}

export function fragmentBody(sourceId: string, over: Record<string, unknown> = {}) {
  return {
    sourceId, excerpt: 'Since the committee includes women, we go back to the weekly market without fear of being turned away.',
    locator: 'p. 4', language: 'en',
    speaker: { role: 'vegetable seller', gender: 'woman', ageBand: '45-54', consent: { level: 'anonymous', method: 'recorded', givenOn: '2024-05-02', recordedBy: 'Recorder Canary' } },
    goals: [{ code: 'NL-IV-4.2', primary: true }], themes: [] as string[],
    ...over,
  };
}

export async function ok<T = any>(p: Promise<{ status: number; body: T; text: string }>, status = 200): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await p;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${r.text}`);
  return r.body;
}

/** A harvest of programme A (harvests are created here directly; their API is another module's). */
export async function newHarvest(t: TestApp, programme: 'A' | 'B' = 'A'): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await t.ctx.db('harvests').insert({ id, programme_id: t.world.programmes[programme], title: `Harvest ${id.slice(0, 8)}`, status: 'collecting', created_at: now, updated_at: now });
  return id;
}

export async function newStory(c: Client, over: Record<string, unknown> = {}) {
  return ok(c.post('/api/stories', storyBody(over)), 201) as Promise<{ id: string; status: string; [k: string]: unknown }>;
}

/** Moves a story or fragment along: the partner submits, the evaluator publishes. */
export async function publish(kind: 'stories' | 'fragments', id: string, submitter: Client, evaluator: Client) {
  await ok(submitter.post(`/api/${kind}/${id}/transitions`, { to: 'submitted' }));
  return ok(moveReviewed(evaluator, `/api/${kind}/${id}/transitions`, { to: 'published' }));
}

/** Uploads a file as multipart/form-data, as a browser form would. */
export async function upload(c: Client, fields: Record<string, string>, content: Uint8Array, name = 'evidence.bin', type = 'application/octet-stream') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(content)], { type }), name);
  const headers: Record<string, string> = { origin: c.base };
  if (c.cookie) headers.cookie = c.cookie;
  const res = await fetch(`${c.base}/api/files`, { method: 'POST', headers, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
}

export async function download(c: Client, id: string) {
  const res = await fetch(`${c.base}/api/files/${id}`, { headers: c.cookie ? { cookie: c.cookie } : {} });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Every row of every table, as text: to prove that something is stored nowhere any more. */
export async function everyStoredRow(t: TestApp): Promise<string> {
  const db = t.ctx.db;
  const pg = db.client.config.client === 'pg';
  const names: string[] = pg
    ? (await db.raw(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)).rows.map((r: { name: string }) => r.name)
    : (await db.raw(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r: { name: string }) => r.name);
  let out = '';
  for (const name of names) {
    const rows = await db(name).select('*');
    out += `${name}:${JSON.stringify(rows, (_k, v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v?.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v))}\n`;
  }
  return out;
}
