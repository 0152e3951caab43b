// Cell values as the fields of a record body: text stays exactly as typed (only the apostrophe an
// export put before a formula character is taken off), codes are trimmed, numbers accept a decimal
// comma, booleans accept yes/no in the app's languages. An empty cell is an absent field.
import { unneutralise } from '../exports/cells';
import type { CellError } from './kinds';

export const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export function text(v: unknown): string | undefined {
  if (isEmpty(v)) return undefined;
  return typeof v === 'string' ? unneutralise(v) : String(v);
}

export function code(v: unknown): string | undefined {
  return isEmpty(v) ? undefined : String(v).trim();
}

export function codes(v: unknown): string[] {
  return isEmpty(v) ? [] : String(v).split(/[\s,;]+/).filter(Boolean);
}

/** Drops absent fields, so that the schema names what is missing. */
export const prune = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Goal tags from the primaryGoal and otherGoals columns (the primary first, never twice). */
export function goalTags(values: Record<string, unknown>): Array<{ code: string; primary?: boolean }> | undefined {
  const primary = code(values.primaryGoal);
  const others = codes(values.otherGoals).filter((c) => c !== primary);
  const goals = [...(primary ? [{ code: primary, primary: true }] : []), ...others.map((c) => ({ code: c }))];
  return goals.length ? goals : undefined;
}

/** The column of a goal path: /goals/0 is the primary goal when there is one, the rest are other goals. */
export function goalColumn(path: string, goals: Array<{ primary?: boolean }> | undefined): string | undefined {
  if (path === '/goals') return 'primaryGoal';
  const m = /^\/goals\/(\d+)/.exec(path);
  return m ? (m[1] === '0' && goals?.[0]?.primary ? 'primaryGoal' : 'otherGoals') : undefined;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'oui', 'vrai', 'ja', 'waar', 'نعم', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', 'non', 'faux', 'nee', 'onwaar', 'لا']);

/** Collects the cells that do not convert, with the column and body path they belong to. */
export class Cells {
  readonly errors: CellError[] = [];
  constructor(private readonly values: Record<string, unknown>) {}

  get(column: string): unknown {
    return this.values[column];
  }

  number(column: string, path: string): number | undefined {
    const v = this.values[column];
    if (isEmpty(v)) return undefined;
    const n = typeof v === 'number' ? v : Number(String(v).trim().replace(/^(-?\d+),(\d+)$/, '$1.$2'));
    if (!Number.isFinite(n)) {
      this.errors.push({ column, path, code: 'not_a_number' });
      return undefined;
    }
    return n;
  }

  boolean(column: string, path: string): boolean | undefined {
    const v = this.values[column];
    if (isEmpty(v)) return undefined;
    if (typeof v === 'boolean') return v;
    const s = String(v).trim().toLowerCase();
    if (TRUE.has(s)) return true;
    if (FALSE.has(s)) return false;
    this.errors.push({ column, path, code: 'not_boolean' });
    return undefined;
  }

  /** A JSON array, or one item per line (a line that is a web address is a link). */
  json<T>(column: string, path: string, lineItem: (line: string) => T): T[] | undefined {
    const v = this.values[column];
    if (Array.isArray(v)) return v as T[];
    const s = text(v);
    if (s === undefined) return undefined;
    if (s.trim().startsWith('[')) {
      try {
        return JSON.parse(s) as T[];
      } catch {
        this.errors.push({ column, path, code: 'invalid_json' });
        return undefined;
      }
    }
    return s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map(lineItem);
  }
}
