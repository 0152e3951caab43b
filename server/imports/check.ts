// Checking the rows of an import with the rules of the record kind's API, in the same order: the
// body schema first (what the API answers 400 to), then the domain rules (what it answers 422
// to). Every row is checked, and every failing row is named with its column, path and a message
// in the user's language.
import type { ErrorObject } from 'ajv';
import type { Ctx } from '../http/types';
import { Problem } from '../http/problem';
import { toProblemPaths } from '../http/validation';
import type { ImportKind } from './kinds';
import { codeOfKeyword, codeOfRule, messageOf, RowError } from './messages';
import { memoDb } from './memo-db';
import type { Item } from './store';

export type Candidate = { row: number; key?: string; values: Record<string, unknown>; formulas: string[] };
/** The name a column has in the user's file (a spreadsheet header, or the form fields a mapping reads). */
export type ColumnName = (column: string) => string;

const ENGLISH: Record<string, string> = { formula: 'holds a formula', not_a_number: 'is not a number', not_boolean: 'must be true or false', invalid_json: 'is not valid JSON', bad_geopoint: 'is not a geopoint' };

function schemaErrors(errors: ErrorObject[] | null | undefined): Array<{ path: string; code: string; message: string }> {
  const out = [];
  for (const e of errors ?? []) {
    const [p] = toProblemPaths([e]);
    if (p) out.push({ path: p.path, code: codeOfKeyword(e.keyword, p.message), message: p.message });
  }
  return out;
}

export class RowChecker {
  readonly errors: RowError[] = [];
  private readonly db;
  private readonly validate;

  constructor(private readonly ctx: Ctx, private readonly kind: ImportKind, private readonly columnName: ColumnName) {
    this.db = memoDb(ctx.db);
    this.validate = ctx.app.validator.get(kind.schema);
  }

  /** `params` fill the message's `{name}`s. */
  fail(row: number, column: string, path: string, code: string, fallback: string, params: Record<string, string> = {}): void {
    const message = messageOf(code, this.ctx.user.language, fallback).replace(/\{(\w+)\}/g, (all, k: string) => params[k] ?? all);
    this.errors.push({ row, column: column ? this.columnName(column) : '', path, code, message });
  }

  /** The row's input when it passes every check; undefined (its errors noted) when not. */
  async check(c: Candidate): Promise<Item | undefined> {
    const before = this.errors.length;
    for (const column of c.formulas) this.fail(c.row, column, '', 'formula', ENGLISH.formula);
    const { input, errors } = this.kind.toInput(c.values);
    for (const e of errors) this.fail(c.row, e.column, e.path, e.code, ENGLISH[e.code] ?? 'is not valid');
    // a cell that could not be read is named once, not again as missing
    const named = new Set([...c.formulas, ...errors.map((e) => e.column)]);
    if (!this.validate(this.kind.body ? this.kind.body(input) : input)) {
      for (const e of schemaErrors(this.validate.errors)) {
        const column = this.kind.columnOf(e.path, input);
        if (!named.has(column)) this.fail(c.row, column, e.path, e.code, e.message);
        named.add(column); // one message per cell: a oneOf's branches repeat the failure
      }
    } else if (this.errors.length === before) {
      await this.rules(c.row, input);
    }
    return this.errors.length === before ? { row: c.row, key: c.key, input } : undefined;
  }

  /** The same checks again for a kept row (at commit time), from its input. */
  async recheck(item: Item): Promise<void> {
    if (!this.validate(this.kind.body ? this.kind.body(item.input) : item.input)) {
      for (const e of schemaErrors(this.validate.errors)) this.fail(item.row, this.kind.columnOf(e.path, item.input), e.path, e.code, e.message);
    } else await this.rules(item.row, item.input);
  }

  private async rules(row: number, input: unknown): Promise<void> {
    try {
      await this.kind.check(this.db, input, this.ctx);
    } catch (e) {
      if (!(e instanceof Problem) || e.code !== 'unprocessable') throw e;
      for (const p of e.errors) this.fail(row, this.kind.columnOf(p.path, input), p.path, p.code ?? codeOfRule(p.path, p.message), p.message);
    }
  }
}
