// What every record list shares: the period filter (`from`/`to`: 2024, 2024-03 or 2024-03-12, as
// the first and last day they name) and the reading of a page — none when the words searched for
// fold to nothing, and a full-text page on the searches' own connections, within their limits (so
// not kept by the read cache, whose exactness rests on the main connection: health and writes
// never wait behind it).
import type { Knex } from 'knex';
import type { Ctx } from '../http/types';
import { Problem } from '../http/problem';
import { boundOf } from '../domain/dates';
import { bounded, searchDbFor } from '../db/search-connection';

/** A from/to value as the first or last day it names; 400 when it is not a date. */
export function dateBound(value: string | undefined, side: 'from' | 'to'): string | undefined {
  if (value === undefined || value === '') return undefined;
  const b = boundOf(value, side);
  if (!b) throw new Problem('validation_failed', `${side} is not a date`, [{ path: `/${side}`, message: 'is not a valid date' }]);
  return b;
}

export const periodFilter = (q: { from?: string; to?: string }) => ({ from: dateBound(q.from, 'from'), to: dateBound(q.to, 'to') });

/** One page of a list, read on the connection its filters call for. */
export async function readPage<R>(ctx: Ctx, terms: string[] | undefined, read: (db: Knex | Ctx['db']) => Promise<{ rows: R[]; total: number }>) {
  if (terms && terms.length === 0) return { rows: [] as R[], total: 0 };
  return bounded(() => read(terms?.length ? searchDbFor(ctx) : ctx.db));
}
