// Imports: a dry run reads the file, checks every row with the API's rules and keeps the rows
// (encrypted) with a report; the commit checks them again, then writes them all in one short
// transaction — or nothing. Both run outside the request transaction (route `ownTransaction`),
// so that checking 10,000 rows does not hold other writers up; the dry run marks its progress.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created } from '../http/types';
import { forbidden, notFound, Problem } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { listReply, pageOf } from '../http/paging';
import { Candidate, RowChecker } from './check';
import { mappingFor } from './mappings';
import { Format, parseFile } from './parse';
import { importKind } from './registry';
import { sourceOf } from './source';
import * as store from './store';

type Fields = { format: Format; kind: string; mappingId?: string; id?: string };
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PROGRESS_EVERY = 1000;

/** The import if it belongs to the user's organisation (admins: any); 404 otherwise. */
async function load(ctx: Ctx, id: string): Promise<Row> {
  const r = await store.findRow(ctx.db, id);
  if (!r || (ctx.user.role !== 'admin' && r.organisation_id !== ctx.user.organisationId)) throw notFound('import');
  return r;
}

export const get = async (ctx: Ctx) => store.present(await load(ctx, ctx.params.id));

export async function list(ctx: Ctx<unknown, { page?: string; pageSize?: string }>) {
  const page = pageOf(ctx.query);
  const qb = ctx.db('imports').modify((q) => { if (ctx.user.role !== 'admin') q.where({ organisation_id: ctx.user.organisationId }); });
  const [{ n }] = await qb.clone().count({ n: '*' });
  const rows = await qb.orderBy([{ column: 'created_at', order: 'desc' }, 'id']).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return listReply(rows.map((r: Row) => ({ ...store.present(r), errors: undefined })), Number(n), page);
}

/** Submission keys: a row without one, or repeating one, is an error; one imported before is skipped. */
async function sortKeys(ctx: Ctx, kind: string, candidates: Candidate[], checker: RowChecker, keyFields: string[]) {
  const known = await store.knownKeys(ctx.db, ctx.user.organisationId, kind, candidates.flatMap((c) => (c.key ? [c.key] : [])));
  const seen = new Set<string>();
  const fresh: Candidate[] = [];
  for (const c of candidates) {
    if (!c.key) checker.fail(c.row, '', '', 'missing_key', 'has no submission id in {fields}', { fields: keyFields.join(', ') });
    else if (seen.has(c.key)) checker.fail(c.row, '', '', 'duplicate_key', 'repeats an earlier submission');
    else if (!known.has(c.key)) fresh.push(c);
    seen.add(c.key ?? '');
  }
  return { fresh, skipped: candidates.filter((c) => c.key && known.has(c.key)).length };
}

export async function dryRun(ctx: Ctx<Fields>) {
  const b = ctx.body;
  const kind = importKind(ctx, b.kind);
  if (!ctx.file) throw new Problem('validation_failed', 'Send the file in the field "file"', [{ path: '/file', message: 'is required' }]);
  const mapping = b.mappingId ? await mappingFor(ctx, b.mappingId, b.kind) : undefined;
  const parsed = await parseFile(b.format, ctx.file.buffer);
  const source = sourceOf(kind, b.format, parsed, mapping, ctx.user.language);
  const id = b.id ?? randomUUID();
  const now = nowIso();
  // a progress mark, committed at once, so that GET /api/imports/:id can follow the dry run
  await ctx.db('imports').insert({
    id, organisation_id: ctx.user.organisationId, created_by: ctx.user.id, kind: kind.name, format: b.format, mapping_id: mapping?.id ?? null,
    filename: ctx.file.originalName.slice(0, 300), status: 'validating', total_rows: source.candidates.length, created_at: now, updated_at: now,
  });
  try {
    const checker = new RowChecker(ctx, kind, source.columnName);
    const { fresh, skipped } = source.keyed
      ? await sortKeys(ctx, kind.name, source.candidates, checker, source.keyFields ?? [])
      : { fresh: source.candidates, skipped: 0 };
    const items: store.Item[] = [];
    for (const [i, c] of fresh.entries()) {
      const item = await checker.check(c);
      if (item) items.push(item);
      if ((i + 1) % PROGRESS_EVERY === 0) await ctx.db('imports').where({ id }).update({ checked_rows: i + 1, updated_at: nowIso() });
    }
    const errors = checker.errors.sort((x, y) => x.row - y.row);
    await ctx.app.db.transaction(async (trx) => {
      await trx('imports').where({ id }).update({
        status: errors.length ? 'refused' : 'validated', checked_rows: fresh.length, skipped_rows: skipped, error_count: errors.length,
        errors: JSON.stringify(errors.slice(0, store.MAX_ERRORS)), updated_at: nowIso(),
      });
      if (!errors.length) await store.saveItems(trx, ctx.app.keyring, id, items);
      await audit(trx, { actorId: ctx.user.id, action: 'import.check', entityType: 'import', entityId: id, details: { kind: kind.name, format: b.format, rows: source.candidates.length, errors: errors.length, skipped } });
    });
  } catch (e) {
    await ctx.db('imports').where({ id, status: 'validating' }).del();
    throw e;
  }
  return created(store.present((await store.findRow(ctx.db, id))!));
}

export async function commit(ctx: Ctx) {
  const r = await load(ctx, ctx.params.id);
  if (r.created_by !== ctx.user.id) throw forbidden('Only the person who checked the file commits it');
  if (r.status !== 'validated') throw new Problem('conflict', `An import that is ${r.status} cannot be committed`, [{ path: '/status', message: `is ${r.status}` }]);
  const items = await store.itemsOf(ctx.db, ctx.app.keyring, r.id);
  const { kind, fresh, errors } = await recheckItems(ctx, r, items);
  if (errors.length) {
    await ctx.db('imports').where({ id: r.id, status: 'validated' }).update({ status: 'refused', error_count: errors.length, errors: JSON.stringify(errors.slice(0, store.MAX_ERRORS)), updated_at: nowIso() });
    throw new Problem('unprocessable', 'Some rows no longer pass the checks; nothing was imported', errors.slice(0, 100).map((e) => ({ path: `/rows/${e.row}${e.path}`, message: e.message })));
  }
  const marked = await ctx.db('imports').where({ id: r.id, status: 'validated' }).update({ status: 'committing', updated_at: nowIso() });
  if (marked !== 1) throw new Problem('conflict', 'This import is being committed already');
  try {
    await ctx.app.db.transaction(async (trx) => {
      const ids = await kind.insert(trx, ctx, fresh.map((i) => i.input), r.id);
      const now = nowIso();
      await store.saveKeys(trx, fresh.flatMap((i, n) => (i.key ? [{ organisation_id: r.organisation_id, kind: r.kind, source_key: i.key, record_id: ids[n], import_id: r.id, created_at: now }] : [])));
      await trx('import_chunks').where({ import_id: r.id }).del();
      await trx('imports').where({ id: r.id }).update({ status: 'committed', committed_rows: ids.length, skipped_rows: Number(r.skipped_rows) + items.length - fresh.length, committed_at: now, updated_at: now });
      await audit(trx, { actorId: ctx.user.id, action: 'import.commit', entityType: 'import', entityId: r.id, details: { kind: r.kind, records: ids.length } });
    });
  } catch (e) {
    await ctx.db('imports').where({ id: r.id, status: 'committing' }).update({ status: 'validated', updated_at: nowIso() });
    throw e;
  }
  return store.present((await store.findRow(ctx.db, r.id))!);
}

/** Checks the kept rows again: reference data or earlier imports may have changed since the dry run. */
async function recheckItems(ctx: Ctx, r: Row, items: store.Item[]) {
  const kind = importKind(ctx, r.kind);
  const known = await store.knownKeys(ctx.db, r.organisation_id, r.kind, items.flatMap((i) => (i.key ? [i.key] : [])));
  const fresh = items.filter((i) => !i.key || !known.has(i.key));
  const checker = new RowChecker(ctx, kind, (c) => c);
  for (const i of fresh) await checker.recheck(i);
  return { kind, fresh, errors: checker.errors };
}
