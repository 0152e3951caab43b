// Full-text matching over a record table with a folded `search_text`, the same way as outcomes:
// an FTS5 external-content table keyed on `seq` on SQLite, the generated `search_tsv` column on
// PostgreSQL. Terms come from queryTerms (letters and digits only), so nothing reaches the
// engine's own syntax. Returns an SQL expression to order by (higher is better).
import type { Knex } from 'knex';
import { Db, isPostgres } from '../db/knex';

export function applyFts(qb: Knex.QueryBuilder, db: Db, table: string, alias: string, terms: string[]): { rank: string } {
  if (isPostgres(db)) {
    const tsquery = terms.map((t) => `${t}:*`).join(' & ');
    qb.whereRaw(`${alias}.search_tsv @@ to_tsquery('simple', ?)`, [tsquery]);
    return { rank: db.raw(`ts_rank(${alias}.search_tsv, to_tsquery('simple', ?))`, [tsquery]).toQuery() };
  }
  const fts = `${table}_fts`;
  const ftsAlias = `${alias}_fts`;
  qb.join(`${fts} as ${ftsAlias}`, `${ftsAlias}.rowid`, `${alias}.seq`)
    .whereRaw(`${ftsAlias}.${fts} MATCH ?`, [terms.map((t) => `"${t}"*`).join(' ')]);
  return { rank: `-${ftsAlias}.rank` };
}
