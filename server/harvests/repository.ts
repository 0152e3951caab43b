// Harvests in the database: rows with their programme, domains of change, and the number of
// outcomes per status — counted with the same visibility rule as the outcome list.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/knex';
import { nowIso } from '../core/clock';
import { domainCode } from '../change-domains/service';
import type { CurrentUser } from '../http/types';
import type { Page } from '../http/paging';
import { whereVisible } from '../outcomes/access';
import { namesOf } from '../reference/language';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const base = (db: Db) => db('harvests as h').join('programmes as p', 'p.id', 'h.programme_id');
const COLUMNS = ['h.*', 'p.name as programme_name'];

export async function findRow(db: Db, id: string): Promise<Row | undefined> {
  return base(db).where('h.id', id).first(COLUMNS);
}

export async function list(
  db: Db, user: CurrentUser, f: { programmeIds?: string[]; statuses?: string[] }, page: Page,
): Promise<{ rows: Row[]; total: number }> {
  const qb = base(db);
  if (user.role !== 'admin') qb.whereIn('h.programme_id', user.programmeIds);
  if (f.programmeIds) qb.whereIn('h.programme_id', f.programmeIds);
  if (f.statuses) qb.whereIn('h.status', f.statuses);
  const [{ n }] = await qb.clone().clearSelect().count({ n: '*' });
  const rows = await qb.select(COLUMNS).orderBy([{ column: 'h.created_at', order: 'desc' }, 'h.id'])
    .limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { rows, total: Number(n) };
}

// A harvest's domains of change live in change_domains (server/domains), where stories file
// under them by code; the harvest form edits them by name.
export type NamedDomain = { code: string; name: string; names: Record<string, string> };

export async function domainsOf(db: Db, ids: string[]): Promise<Map<string, NamedDomain[]>> {
  const out = new Map<string, NamedDomain[]>();
  if (!ids.length) return out;
  for (const r of await db('change_domains').whereIn('harvest_id', ids).orderBy(['harvest_id', 'position', 'code'])) {
    out.set(r.harvest_id, [...(out.get(r.harvest_id) ?? []), { code: r.code, name: r.name, names: namesOf(r.names) }]);
  }
  return out;
}

/** Makes the harvest's domains these names, in this order; a domain stories are filed under is never dropped. */
export async function setDomains(db: Db, id: string, names: string[], actorId?: string): Promise<void> {
  const existing = await db('change_domains').where({ harvest_id: id });
  const wanted = names.map((name, position) => ({ code: domainCode(name), name, position }));
  for (const w of wanted) {
    if (existing.some((e) => e.code === w.code)) await db('change_domains').where({ harvest_id: id, code: w.code }).update({ name: w.name, position: w.position });
    else await db('change_domains').insert({ id: randomUUID(), harvest_id: id, ...w, created_by: actorId ?? null, created_at: nowIso() });
  }
  const dropped = existing.map((e) => e.code).filter((c) => !wanted.some((w) => w.code === c));
  if (!dropped.length) return;
  const used: string[] = await db('stories').where({ harvest_id: id }).whereIn('domain', dropped).distinct('domain').pluck('domain');
  await db('change_domains').where({ harvest_id: id }).whereIn('code', dropped.filter((c) => !used.includes(c))).del();
}

/** Outcomes per harvest and status, of those the user may see. */
export async function countsOf(db: Db, user: CurrentUser, ids: string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (!ids.length) return out;
  const qb = db('outcomes as o').whereIn('o.harvest_id', ids);
  whereVisible(qb, user);
  const rows = await qb.groupBy('o.harvest_id', 'o.status').select('o.harvest_id', 'o.status').count({ n: '*' });
  for (const r of rows as Array<{ harvest_id: string; status: string; n: number | string }>) {
    out.set(r.harvest_id, { ...(out.get(r.harvest_id) ?? {}), [r.status]: Number(r.n) });
  }
  return out;
}
