// Saved mappings from KoboToolbox / ODK form fields to the columns of a record kind, with fixed
// values for what the form does not ask (goals, change type, country). They belong to an
// organisation: its people read and use them, and its partners (or admins) write them.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created, noContent } from '../http/types';
import { notFound, unprocessable } from '../http/problem';
import type { ProblemPath } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { diff, recordRevision } from '../revisions/log';
import { listReply, pageOf } from '../http/paging';
import { importKind } from './registry';
import type { Mapping, MappingField } from './mapping';
import { Problem } from '../http/problem';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Body = { name?: string; kind?: string; key?: string | null; fields?: Record<string, MappingField> };

export type SavedMapping = Mapping & { id: string; name: string; kind: string; organisationId: string; createdAt: string; updatedAt: string };

function fromRow(r: Row): SavedMapping {
  const d = JSON.parse(r.definition) as Mapping;
  return { id: r.id, name: r.name, kind: r.kind, key: d.key ?? null, fields: d.fields, organisationId: r.organisation_id, createdAt: r.created_at, updatedAt: r.updated_at };
}

const present = ({ organisationId: _o, ...m }: SavedMapping) => m;

/** The mapping if it belongs to the user's organisation (admins: any); 404 otherwise. */
export async function loadMapping(ctx: Ctx, id: string): Promise<SavedMapping> {
  const r = await ctx.db('import_mappings').where({ id }).first();
  if (!r || (ctx.user.role !== 'admin' && r.organisation_id !== ctx.user.organisationId)) throw notFound('mapping');
  return fromRow(r);
}

/** Each target is a column of the kind; geopoints fill `coordinates`, attachments fill `evidence`. */
function checkFields(kindName: string, ctx: Ctx, fields: Record<string, MappingField>): void {
  const kind = importKind(ctx, kindName);
  const errors: ProblemPath[] = [];
  for (const [column, f] of Object.entries(fields)) {
    if (![...kind.columns, ...kind.mappingTargets].includes(column)) errors.push({ path: `/fields/${column}`, message: `is not a column of ${kindName}` });
    if (column === 'coordinates' && f.as !== 'geopoint') errors.push({ path: `/fields/${column}/as`, message: 'coordinates come from a geopoint (as: geopoint)' });
    if (f.as === 'geopoint' && column !== 'coordinates') errors.push({ path: `/fields/${column}/as`, message: 'a geopoint fills the column coordinates' });
    if (f.as === 'attachments' && column !== 'evidence') errors.push({ path: `/fields/${column}/as`, message: 'attachments fill the column evidence' });
  }
  if (errors.length) throw new Problem('unprocessable', 'The mapping names columns the kind does not have', errors);
}

export async function list(ctx: Ctx<unknown, { page?: string; pageSize?: string }>) {
  const page = pageOf(ctx.query);
  const qb = ctx.db('import_mappings').modify((q) => { if (ctx.user.role !== 'admin') q.where({ organisation_id: ctx.user.organisationId }); });
  const [{ n }] = await qb.clone().count({ n: '*' });
  const rows = await qb.orderBy(['name', 'id']).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return listReply(rows.map((r: Row) => present(fromRow(r))), Number(n), page);
}

export const get = async (ctx: Ctx) => present(await loadMapping(ctx, ctx.params.id));

export async function create(ctx: Ctx<Required<Pick<Body, 'name' | 'kind' | 'fields'>> & Body>) {
  const b = ctx.body;
  checkFields(b.kind, ctx, b.fields);
  const id = randomUUID();
  const now = nowIso();
  await ctx.db('import_mappings').insert({
    id, organisation_id: ctx.user.organisationId, name: b.name, kind: b.kind, definition: JSON.stringify({ key: b.key ?? null, fields: b.fields }),
    created_by: ctx.user.id, created_at: now, updated_at: now,
  });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'import_mapping.create', entityType: 'import_mapping', entityId: id });
  return created(present(await loadMapping(ctx, id)));
}

/** Who may create a mapping of a kind may change it: its organisation's people whose role imports the kind. */
function checkOwner(ctx: Ctx, m: SavedMapping): void {
  if (ctx.user.role !== 'admin' && m.organisationId !== ctx.user.organisationId) {
    throw new Problem('forbidden', "Only its organisation's people change a mapping");
  }
  importKind(ctx, m.kind); // 403 for a role that does not import this kind (evaluators: outcomes, stories)
}

export async function update(ctx: Ctx<Body>) {
  const before = await loadMapping(ctx, ctx.params.id);
  checkOwner(ctx, before);
  const after = { name: ctx.body.name ?? before.name, key: ctx.body.key === undefined ? before.key ?? null : ctx.body.key, fields: ctx.body.fields ?? before.fields };
  checkFields(before.kind, ctx, after.fields);
  const changes = diff({ name: before.name, key: before.key ?? null, fields: before.fields }, after, ['name', 'key', 'fields']);
  if (!changes.length) return present(before);
  await ctx.db('import_mappings').where({ id: before.id }).update({ name: after.name, definition: JSON.stringify({ key: after.key, fields: after.fields }), updated_at: nowIso() });
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'import_mapping', entityId: before.id, actorId: ctx.user.id, action: 'update', changes, personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'import_mapping.update', entityType: 'import_mapping', entityId: before.id, details: { fields: changes.map((c) => c.field) } });
  return present(await loadMapping(ctx, before.id));
}

/** Deleting a mapping leaves its imports and the keys of the submissions they brought in. */
export async function remove(ctx: Ctx) {
  const m = await loadMapping(ctx, ctx.params.id);
  checkOwner(ctx, m);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'import_mapping', entityId: m.id, actorId: ctx.user.id, action: 'delete', changes: [{ field: 'fields', old: m.fields, new: null }], personal: [] });
  await ctx.db('import_mappings').where({ id: m.id }).del();
  await audit(ctx.db, { actorId: ctx.user.id, action: 'import_mapping.delete', entityType: 'import_mapping', entityId: m.id });
  return noContent();
}

/** The mapping an import names, for the kind being imported. */
export async function mappingFor(ctx: Ctx, id: string, kind: string): Promise<SavedMapping> {
  const m = await loadMapping(ctx, id).catch(() => { throw unprocessable('/mappingId', 'is not a mapping of your organisation'); });
  if (m.kind !== kind) throw unprocessable('/mappingId', `maps ${m.kind}, not ${kind}`);
  return m;
}
