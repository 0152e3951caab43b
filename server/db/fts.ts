// Full-text matching over a record table with a folded `search_text`, the same way as outcomes:
// an FTS5 external-content table keyed on `seq` on SQLite, the generated `search_tsv` column on
// PostgreSQL. Terms come from queryTerms (letters and digits only), so nothing reaches the
// engine's own syntax. Returns an SQL expression to order by (higher is better).
import type { Knex } from 'knex';
import { Db, isPostgres } from './knex';

export function applyFts(qb: Knex.QueryBuilder, db: Db, table: string, alias: string, terms: string[], opts: { exact?: boolean } = {}): { rank: string } {
  // exact: the terms are tokens of a blind index (server/crypto/record-keys.ts), which holds every prefix itself
  const star = opts.exact ? '' : '*';
  if (isPostgres(db)) {
    const tsquery = terms.map((t) => (opts.exact ? t : `${t}:*`)).join(' & ');
    qb.whereRaw(`${alias}.search_tsv @@ to_tsquery('simple', ?)`, [tsquery]);
    return { rank: db.raw(`ts_rank(${alias}.search_tsv, to_tsquery('simple', ?))`, [tsquery]).toQuery() };
  }
  const fts = `${table}_fts`;
  const ftsAlias = `${alias}_fts`;
  // the matches as a table of their own, joined to the records by seq: so the index is asked once.
  // Joined directly, SQLite's planner may walk the records and run the MATCH once per record
  // (10,000 outcomes: 10 s); the LIMIT keeps the planner from folding the subquery back into a join
  qb.join(db.raw(`(SELECT rowid AS seq, rank FROM ${fts} WHERE ${fts} MATCH ? LIMIT -1) AS ${ftsAlias}`, [terms.map((t) => `"${t}"${star}`).join(' ')]), `${ftsAlias}.seq`, `${alias}.seq`);
  return { rank: `-${ftsAlias}.rank` };
}

const readable = new Map<string, Promise<string[]>>();

/**
 * A record table's columns as `alias.column`, all but its search index — `search_text`, and the
 * `search_tsv` PostgreSQL generates from it — which no reader uses and which can outweigh the row
 * many times (a long story's blind index: ~150 kB, its tsvector as much again). Read once per
 * table from the schema.
 */
export async function rowColumns(db: Db, table: string, alias: string): Promise<string[]> {
  const key = `${isPostgres(db) ? 'pg' : 'sqlite'}:${table}`;
  let names = readable.get(key);
  if (!names) {
    names = db(table).columnInfo().then((info) => Object.keys(info).filter((c) => c !== 'search_text' && c !== 'search_tsv'));
    readable.set(key, names);
    names.catch(() => readable.delete(key));
  }
  return (await names).map((c) => `${alias}.${c}`);
}
