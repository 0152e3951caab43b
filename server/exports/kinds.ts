// What an exportable record kind provides: its columns for spreadsheets (and the names beside its
// codes), the schema of its list filters, and its records page by page, presented through the
// kind's own redaction function.
// Outcomes are here from the start; stories, fragments and indicator values join when their
// services exist (add an ExportKind to EXPORT_KINDS in server/exports/registry.ts).
import type { Ctx } from '../http/types';
import type { Column } from './cells';
import type { NameColumn } from './names';
import type { List } from '../reference/names';

export type Query = Record<string, string | undefined>;

export type ExportKind<T = any> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  /** the path segment: /api/exports/<name>.csv */
  name: string;
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
