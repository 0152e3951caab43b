// What reading an uploaded file gives, whatever its format: records by row, and the row limit.
// A leaf, so the XLSX worker can use it without loading the rest of the importer.

/** One record of the file: its row as the user sees it (header = row 1) and its values by column. */
export type RawRecord = { row: number; values: Record<string, unknown>; formulas: string[] };
export type Parsed = { headers: string[] | null; records: RawRecord[] };

export const MAX_ROWS = 100_000;
