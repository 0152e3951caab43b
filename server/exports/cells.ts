// Spreadsheet cells: what one value of a record becomes in a CSV or XLSX export, and the guard
// against formula injection. A text that starts with = + - @ (or a tab or carriage return, which
// some spreadsheets skip before reading a formula) gets a leading apostrophe, so spreadsheets show
// it as text instead of running it. Numbers and booleans are written as such and need no guard.
export type Cell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export const neutralise = (v: Cell): Cell => (typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v);

/** On import, an apostrophe in front of a formula character is the one an export added. */
export const unneutralise = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** A column of an export: its header and how to read it from a presented record. */
export type Column<T> = { name: string; value: (r: T) => Cell };

export const joinCodes = (codes: string[]): string | null => (codes.length ? codes.join(', ') : null);
export const jsonCell = (v: unknown): string | null => (v === null || v === undefined || (Array.isArray(v) && !v.length) ? null : JSON.stringify(v));
