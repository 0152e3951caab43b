// What an importable record kind provides. A row becomes the same body the kind's API takes
// (toInput), is checked by the same JSON Schema (schema) and the same domain rules (check) as
// that API, and is written in one batch (insert). Outcomes are here from the start; stories and
// indicator values join by adding an ImportKind to IMPORT_KINDS in server/imports/registry.ts.
import type { Ctx, Role } from '../http/types';
import type { Db } from '../db/knex';

/** A problem with one value, before the schema sees the row (a number that is not one, …). */
export type CellError = { column: string; path: string; code: string };

export type Converted<I> = { input: I; errors: CellError[] };

export type ImportKind<I = any> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  name: string;
  /** who may import it (403 for others) */
  roles: readonly Role[];
  /** the spreadsheet columns, in template order (also the targets of a form mapping) */
  columns: string[];
  /** columns a spreadsheet must have */
  required: string[];
  /** columns of the kind's export that an import reads past (ids, states, timestamps) */
  ignored: string[];
  /** targets a mapping may fill beyond the columns (e.g. `coordinates` from a geopoint) */
  mappingTargets: string[];
  /** the API's body schema, e.g. outcomes#/$defs/outcomeCreate */
  schema: string;
  /** the part of the input that the schema checks, when the row carries more (e.g. which indicator) */
  body?: (input: I) => unknown;
  toInput: (values: Record<string, unknown>) => Converted<I>;
  /** the column of a path of the body, for messages the user can find in the spreadsheet */
  columnOf: (path: string, input: I) => string;
  /** the API's domain rules (throws a 422 Problem naming the paths); db answers reference reads */
  check: (db: Db, input: I, ctx: Ctx) => Promise<void>;
  /** writes the records in the caller's transaction and returns their ids, in order */
  insert: (trx: Db, ctx: Ctx, inputs: I[], importId: string) => Promise<string[]>;
  /** extra sheets of the XLSX template: the codes a column takes */
  codeSheets?: (ctx: Ctx) => Promise<Array<{ name: string; rows: unknown[][] }>>;
};
