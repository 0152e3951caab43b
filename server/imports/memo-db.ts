// The rule checks of a record kind (checkOutcome and the like) ask the database the same
// reference questions — are these goal codes known, is this a change-type code, is this harvest
// one of the organisation's — row after row. For a bulk import this wraps the database handle so
// that each distinct read runs once: the answer is remembered under the query's calls and their
// arguments (or its SQL, when an argument is a function). Only for reads of reference data that
// the import itself does not change, within one import.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';

type Call = [string | symbol, unknown[]];

function keyOf(target: Knex.QueryBuilder, calls: Call[]): string {
  const plain = calls.every(([, args]) => args.every((a) => typeof a !== 'function' && !(a && typeof a === 'object' && 'toSQL' in a)));
  return plain ? JSON.stringify(calls.map(([m, args]) => [String(m), args])) : target.toString();
}

export function memoDb(db: Db): Db {
  const answers = new Map<string, Promise<unknown>>();
  const wrap = (qb: Knex.QueryBuilder, calls: Call[]): Knex.QueryBuilder => {
    const proxy: Knex.QueryBuilder = new Proxy(qb, {
      get(target, prop) {
        if (prop === 'then') {
          const key = keyOf(target, calls);
          let answer = answers.get(key);
          if (!answer) {
            answer = Promise.resolve(target);
            answers.set(key, answer);
          }
          return (ok: (v: unknown) => unknown, fail: (e: unknown) => unknown) => answer.then(ok, fail);
        }
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        // builder methods return the builder itself: keep returning the wrapper, and note the call
        return (...args: unknown[]) => {
          const out = value.apply(target, args);
          if (out !== target) return out;
          calls.push([prop, args]);
          return proxy;
        };
      },
    });
    return proxy;
  };
  const handle = ((...args: unknown[]) => wrap((db as unknown as (...a: unknown[]) => Knex.QueryBuilder)(...args), [['table', args]])) as unknown as Db;
  return Object.assign(handle, { client: db.client, raw: db.raw.bind(db), fn: db.fn });
}
