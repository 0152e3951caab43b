// Helpers for the interoperability tests (exports, imports, IATI, reports): many outcomes written
// straight into the database, outcomes moved to published through the API, CSV/XLSX readers.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { toRow, OutcomeInput } from '../../server/outcomes/representation';
import type { Client, TestApp } from './app';
import { outcomeBody } from './fixtures';
import { outcomeIn } from './review';

/** Writes n outcomes of an organisation directly (fast), in the given status. */
export async function insertOutcomes(t: TestApp, orgId: string, n: number, over: Partial<OutcomeInput> & { status?: string } = {}): Promise<string[]> {
  const { status = 'published', ...rest } = over;
  const ids: string[] = [];
  const now = new Date().toISOString();
  const rows = [];
  const goals = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    ids.push(id);
    const input = { ...(outcomeBody() as unknown as OutcomeInput), title: `Bulk outcome ${i}`, ...rest };
    rows.push({ id, organisation_id: orgId, status, ...toRow(t.ctx.keyring, input), created_at: now, updated_at: now, published_at: status === 'published' ? now : null });
    goals.push(...input.goals.map((g) => ({ outcome_id: id, goal_code: g.code, is_primary: !!g.primary })));
  }
  await t.ctx.db.batchInsert('outcomes', rows as never, 50);
  await t.ctx.db.batchInsert('outcome_goals', goals as never, 200);
  return ids;
}

/** Creates an outcome as a partner and takes it to `published` through the API (with a substantiation). */
export async function publishedOutcome(p: Client, ev: Client, over: Record<string, unknown> = {}): Promise<string> {
  return outcomeIn({ partner: p, evaluator: ev }, 'published', over);
}

/** The number of rows a query counts, the same on SQLite (a number) and PostgreSQL (a string). */
export async function countOf(q: PromiseLike<Array<Record<string, unknown>>>): Promise<number> {
  return Number(Object.values((await q)[0])[0]);
}

/** GET as raw bytes (for XLSX and byte-exact CSV checks). */
export async function getBytes(c: Client, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(c.base + path, { headers: c.cookie ? { cookie: c.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

export function csvRecords(text: string): Array<Record<string, string>> {
  return parse(text.replace(/^\ufeff/, ''), { columns: true, relax_column_count: false });
}

export async function xlsxRows(bytes: Buffer, sheet?: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const ws = sheet ? book.getWorksheet(sheet)! : book.worksheets[0];
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/** multipart/form-data POST of one file plus fields. */
export async function upload(c: Client, path: string, file: { name: string; bytes: Buffer | string; type?: string }, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([file.bytes as BlobPart], { type: file.type ?? 'application/octet-stream' }), file.name);
  const headers: Record<string, string> = { origin: c.base };
  if (c.cookie) headers.cookie = c.cookie;
  const res = await fetch(c.base + path, { method: 'POST', body: form, headers });
  const text = await res.text();
  let body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  try { body = JSON.parse(text); } catch { body = text; }
  return { status: res.status, body, text };
}

/** The columns of the outcome import template. */
export const HEADER = ['title', 'description', 'socialActorName', 'socialActorType', 'changeType', 'quadrant', 'occurredOn', 'occurredPrecision', 'country', 'adminArea', 'lat', 'lon', 'significance', 'contribution', 'positive', 'intended', 'sensitivity', 'language', 'primaryGoal', 'otherGoals', 'harvestId', 'evidence'];

/** One spreadsheet row of a valid outcome, in the template's columns, varied field by field. */
export function row(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Mopti council opens its reconciliation committee to women', description: 'Four women from Sévaré joined in March.',
    socialActorName: 'Mopti district council', socialActorType: 'local_government', changeType: 'OH-POLICY', quadrant: 'GAW-RULES',
    occurredOn: '2024-03', occurredPrecision: '', country: 'ML', adminArea: 'Mopti', lat: '', lon: '',
    significance: 'Women sit where peace is negotiated.', contribution: 'We trained and lobbied.', positive: 'yes', intended: 'TRUE',
    sensitivity: 'public', language: 'en', primaryGoal: 'NL-IV-1.3', otherGoals: 'PART, SDG16', harvestId: '', evidence: 'Council minutes, 12 March 2024',
    ...over,
  };
}
