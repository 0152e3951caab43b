// Full-text matching over a record table with a folded `search_text`, the same way as outcomes:
// an FTS5 external-content table keyed on `seq` on SQLite, the generated `search_tsv` column on
// PostgreSQL. Terms come from queryTerms (letters and digits only), so nothing reaches the
// engine's own syntax. Returns an SQL expression to order by (higher is better).
import type { Knex } from 'knex';
import { Db, isPostgres } from './knex';

export function applyFts(qb: Knex.QueryBuilder, db: Db, table: string, alias: string, terms: string[]): { rank: string } {
  if (isPostgres(db)) {
    const tsquery = terms.map((t) => `${t}:*`).join(' & ');
    qb.whereRaw(`${alias}.search_tsv @@ to_tsquery('simple', ?)`, [tsquery]);
    return { rank: db.raw(`ts_rank(${alias}.search_tsv, to_tsquery('simple', ?))`, [tsquery]).toQuery() };
  }
  const fts = `${table}_fts`;
  const ftsAlias = `${alias}_fts`;
  // the matches as a table of their own, joined to the records by seq: so the index is asked once.
  // Joined directly, SQLite's planner may walk the records and run the MATCH once per record
  // (10,000 outcomes: 10 s); the LIMIT keeps the planner from folding the subquery back into a join
  qb.join(db.raw(`(SELECT rowid AS seq, rank FROM ${fts} WHERE ${fts} MATCH ? LIMIT -1) AS ${ftsAlias}`, [terms.map((t) => `"${t}"*`).join(' ')]), `${ftsAlias}.seq`, `${alias}.seq`);
  return { rank: `-${ftsAlias}.rank` };
}
