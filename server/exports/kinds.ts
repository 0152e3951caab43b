// What an exportable record kind provides: its columns for spreadsheets (and the names beside its
// codes), the schema of its list filters, and its records page by page, presented through the
// kind's own redaction function.
// A record kind is exported when the registry says it joins `exports` (server/kinds/registry.ts);
// indicator values, which are not a record kind, are listed as they are.
import type { Ctx } from '../http/types';
import type { Column } from './cells';
import type { NameColumn } from './names';
import type { List } from '../reference/names';
import type { KindName } from '../kinds/registry';

export type Query = Record<string, string | undefined>;

export type ExportKind<T = any> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  /** the path segment: /api/exports/<name>.csv */
  name: string;
  /** the record kind it exports, when it is one (then it is offered only if the kind joins `exports`) */
  kind?: KindName;
  sheet: string;
  /** the list's query schema: an export takes the same filters as the list (page and sort aside) */
  query: string;
  columns: Column<T>[];
  /** the names in the reader's language that go beside code columns, and the reference lists they need */
  names: NameColumn<T>[];
  lists: List[];
  /**
   * Checks the filters (a 400 comes before any byte is written) and returns the records page by
   * page, as the caller may receive them; confidential records are never among them.
   */
  open: (ctx: Ctx<unknown, Query>) => Promise<AsyncIterable<T[]>>;
};

/** Rows per page: each page is one short read, so other requests go between pages. */
export const PAGE = 500;
