// The evidence of a rubric's scores: the outcomes, stories and fragments a score rests on. A
// scorer names only records they may see (the same visibility conditions as the records' own
// lists: outcomes/access, stories/access, fragments/access); a reader gets only the records they
// may open — a donor never receives the id of a draft, a restricted record or another
// programme's — so the same SQL conditions decide both.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import type { ProblemPath } from '../http/problem';
import { whereVisible } from '../outcomes/access';
import { whereStoryVisible } from '../stories/access';
import { whereFragmentVisible } from '../fragments/access';
import type { Evidence, EvidenceKind, EvidenceRef, ValueInput } from './representation';

const COLUMN: Record<EvidenceKind, string> = { outcome: 'outcome_id', story: 'story_id', fragment: 'fragment_id' };
const KINDS = Object.keys(COLUMN) as EvidenceKind[];
const CHUNK = 500; // SQLite and PostgreSQL limit the number of bound parameters

/** Each kind's records as the user may see them, aliased `r`, with a title column. */
function visible(db: Db, user: CurrentUser, kind: EvidenceKind): Knex.QueryBuilder {
  switch (kind) {
    case 'outcome':
      return whereVisible(db('outcomes as r'), user, 'r').select('r.id', 'r.title');
    case 'story':
      return whereStoryVisible(db('stories as r'), user, 'r').select('r.id', 'r.title');
    case 'fragment':
      // a fragment is named as search names it: its source, and where in the source it sits
      return whereFragmentVisible(db('fragments as r').join('sources as src', 'src.id', 'r.source_id'), user, 'r')
        .select('r.id', db.raw("src.title || coalesce(', ' || r.locator, '') as title"));
  }
}

/** Of these ids of one kind, the ones the user may see, with their titles. */
async function seen(db: Db, user: CurrentUser, kind: EvidenceKind, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let k = 0; k < unique.length; k += CHUNK) {
    for (const r of await visible(db, user, kind).whereIn('r.id', unique.slice(k, k + CHUNK))) out.set(r.id, r.title);
  }
  return out;
}

const keyOf = (e: EvidenceRef) => `${e.kind}:${e.id}`;

/**
 * The evidence of a batch of scores that names a record the scorer may not see (or none at all),
 * path by path. `kept` are references already stored on the value being corrected: they stay,
 * whoever corrects it.
 */
export async function unseenEvidence(db: Db, user: CurrentUser, rows: ValueInput[], prefix: (k: number) => string, kept: EvidenceRef[] = []): Promise<ProblemPath[]> {
  const keep = new Set(kept.map(keyOf));
  const asked = rows.flatMap((v) => v.evidence ?? []).filter((e) => !keep.has(keyOf(e)));
  const found = new Set<string>();
  for (const kind of KINDS) {
    const ids = asked.filter((e) => e.kind === kind).map((e) => e.id);
    if (ids.length) for (const id of (await seen(db, user, kind, ids)).keys()) found.add(`${kind}:${id}`);
  }
  return rows.flatMap((v, k) => (v.evidence ?? []).flatMap((e, j) => (keep.has(keyOf(e)) || found.has(keyOf(e)) ? []
    : [{ path: `${prefix(k)}/evidence/${j}/id`, message: `no such ${e.kind}, or not visible to you`, code: 'unknown_evidence' }])));
}

/** Replaces the evidence of one value, in the order given. */
export async function setEvidence(db: Db, valueId: string, refs: EvidenceRef[]): Promise<void> {
  await db('indicator_value_evidence').where({ value_id: valueId }).del();
  if (refs.length) {
    await db('indicator_value_evidence').insert(refs.map((e, position) => ({ value_id: valueId, position, kind: e.kind, [COLUMN[e.kind]]: e.id })));
  }
}

type StoredRow = { value_id: string; kind: EvidenceKind; outcome_id: string | null; story_id: string | null; fragment_id: string | null };

async function storedRows(db: Db, valueIds: string[]): Promise<StoredRow[]> {
  const rows: StoredRow[] = [];
  for (let k = 0; k < valueIds.length; k += CHUNK) {
    rows.push(...await db('indicator_value_evidence').whereIn('value_id', valueIds.slice(k, k + CHUNK)).orderBy(['value_id', 'position'])
      .select('value_id', 'kind', 'outcome_id', 'story_id', 'fragment_id'));
  }
  return rows;
}

/** All evidence stored on one value, visible or not: what a correction starts from. */
export async function storedEvidence(db: Db, valueId: string): Promise<EvidenceRef[]> {
  return (await storedRows(db, [valueId])).map((r) => ({ kind: r.kind, id: (r[COLUMN[r.kind] as keyof StoredRow] as string) }));
}

/** The evidence of each value that this reader may open, in the scorer's order. */
export async function evidenceFor(db: Db, user: CurrentUser, valueIds: string[]): Promise<Map<string, Evidence[]>> {
  const out = new Map<string, Evidence[]>(valueIds.map((id) => [id, []]));
  if (!valueIds.length) return out;
  const rows = await storedRows(db, valueIds);
  const idOf = (r: StoredRow) => r[COLUMN[r.kind] as keyof StoredRow] as string;
  const titles = new Map<EvidenceKind, Map<string, string>>();
  for (const kind of KINDS) titles.set(kind, await seen(db, user, kind, rows.filter((r) => r.kind === kind).map(idOf)));
  for (const r of rows) {
    const title = titles.get(r.kind)!.get(idOf(r));
    if (title !== undefined) out.get(r.value_id)!.push({ kind: r.kind, id: idOf(r), title });
  }
  return out;
}
