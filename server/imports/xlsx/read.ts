// Reads the first sheet of an XLSX workbook into records without modelling the workbook: the zip's
// central directory, the workbook's parts it needs (each inflated under a cap), then the sheet as
// a stream that stops at the row limit. Runs inside the XLSX worker (see pool.ts).
import { MAX_ROWS, Parsed } from '../records';
import { zipEntries } from './zip';
import { Limits, readBook } from './workbook';
import { readSheet } from './sheet';

const MB = 2 ** 20;

/**
 * The caps. Real workbooks pack their XML 5–40 times (measured on the Kobo exports, exceljs's
 * output and a 100,000-row import: RELIABILITY.md §9); 200:1 is refused above 1 MB, where only
 * a zip bomb goes. The sheet may unpack to 1 GB because it is streamed, never held; the shared
 * strings are held, so they are capped in bytes and in count.
 */
export const LIMITS: Limits = {
  part: { maxBytes: 16 * MB, maxRatio: 200, ratioFreeBytes: MB },
  sheet: { maxBytes: 1024 * MB, maxRatio: 200, ratioFreeBytes: MB },
  sharedStrings: { maxBytes: 128 * MB, maxRatio: 200, ratioFreeBytes: MB },
  maxSharedStrings: 2_000_000,
  maxRecords: MAX_ROWS,
};

export async function readXlsx(buf: Buffer, limits: Limits = LIMITS): Promise<Parsed> {
  const parts = zipEntries(buf);
  const book = await readBook(buf, parts, limits);
  return readSheet(buf, book, limits);
}
