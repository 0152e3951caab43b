// Time buckets of the dashboards: labels (2024-03, 2024-Q1, 2024), the dense list of a range,
// and the same labels as SQL expressions over ISO-date text columns (identical in SQLite and
// PostgreSQL), so counting happens in the database.
import { Problem } from '../http/problem';

export type Bucket = 'month' | 'quarter' | 'year';

const MAX_BUCKETS = 1200;

/** SQL: the label of the bucket holding the ISO date in `col`. */
export function bucketSql(bucket: Bucket, col: string): string {
  switch (bucket) {
    case 'year':
      return `substr(${col}, 1, 4)`;
    case 'month':
      return `substr(${col}, 1, 7)`;
    case 'quarter':
      return `(substr(${col}, 1, 4) || '-Q' || ((CAST(substr(${col}, 6, 2) AS INTEGER) + 2) / 3))`;
  }
}

/**
 * SQL: the cell of a dated record whose precision may be coarser than the bucket. A date known
 * only to the year goes in a cell labelled with its year in a month or quarter view — never in
 * January — so that every record is counted once and in a period that contains it.
 */
export function cellSql(bucket: Bucket, start: string, precision: string): { cell: string; coarse: string } {
  if (bucket === 'year') return { cell: bucketSql('year', start), coarse: '0' };
  return {
    cell: `CASE WHEN ${precision} = 'year' THEN ${bucketSql('year', start)} ELSE ${bucketSql(bucket, start)} END`,
    coarse: `CASE WHEN ${precision} = 'year' THEN 1 ELSE 0 END`,
  };
}

export function labelOf(bucket: Bucket, isoDate: string): string {
  if (bucket === 'year') return isoDate.slice(0, 4);
  if (bucket === 'month') return isoDate.slice(0, 7);
  return `${isoDate.slice(0, 4)}-Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every bucket from the one holding `from` to the one holding `to`, zeros included. */
export function bucketsBetween(bucket: Bucket, from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = labelOf(bucket, to);
  const step = bucket === 'year' ? 12 : bucket === 'quarter' ? 3 : 1;
  if (bucket === 'year') m = 1;
  if (bucket === 'quarter') m = Math.floor((m - 1) / 3) * 3 + 1;
  for (;;) {
    const label = labelOf(bucket, `${y}-${String(m).padStart(2, '0')}-01`);
    out.push(label);
    if (label >= end) break;
    if (out.length > MAX_BUCKETS) {
      throw new Problem('unprocessable', `More than ${MAX_BUCKETS} buckets: narrow from and to, or use a larger bucket`, [{ path: '/bucket', message: 'too many buckets for the range' }]);
    }
    m += step;
    if (m > 12) { y += 1; m -= 12; }
  }
  return out;
}
