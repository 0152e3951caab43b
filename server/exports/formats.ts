// The three export formats, written page by page to the response: CSV (UTF-8 with a byte-order
// mark, so spreadsheets read the accents and scripts right), XLSX (exceljs' streaming writer) and
// JSON (the records exactly as the API presents them). Spreadsheet cells go through neutralise().
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { Cell, Column, neutralise } from './cells';
import { waitDrain, writeChunk } from './sink';

export const FORMATS = ['csv', 'xlsx', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** Excel refuses a cell of more than 32,767 characters; longer texts continue on a second sheet. */
export const XLSX_CELL_MAX = 32767;

const cellsOf = <T>(columns: Column<T>[], r: T): Cell[] => columns.map((c) => neutralise(c.value(r)));

async function writeCsv<T>(out: Writable, columns: Column<T>[], pages: AsyncIterable<T[]>): Promise<void> {
  await writeChunk(out, '\ufeff' + stringify([columns.map((c) => c.name)]));
  for await (const page of pages) {
    if (!page.length) continue;
    await writeChunk(out, stringify(page.map((r) => cellsOf(columns, r)), { cast: { boolean: (b) => String(b) } }));
  }
}

async function writeXlsx<T>(out: Writable, sheet: string, columns: Column<T>[], pages: AsyncIterable<T[]>): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const main = book.addWorksheet(sheet);
  main.addRow(columns.map((c) => c.name)).commit();
  const overflow: Array<[number, string, number, string]> = [];
  let rowNumber = 1;
  for await (const page of pages) {
    for (const r of page) {
      rowNumber += 1;
      const cells = cellsOf(columns, r).map((v, i) => {
        if (typeof v !== 'string' || v.length <= XLSX_CELL_MAX) return v;
        for (let part = 1; part * XLSX_CELL_MAX < v.length; part++) {
          overflow.push([rowNumber, columns[i].name, part + 1, v.slice(part * XLSX_CELL_MAX, (part + 1) * XLSX_CELL_MAX)]);
        }
        return v.slice(0, XLSX_CELL_MAX);
      });
      main.addRow(cells).commit();
    }
    // exceljs zips into the response; wait while the socket is full so memory stays flat
    if (out.writableNeedDrain) await waitDrain(out);
  }
  main.commit();
  if (overflow.length) {
    const rest = book.addWorksheet('continued');
    rest.addRow(['row', 'column', 'part', 'text']).commit();
    for (const o of overflow) rest.addRow(o).commit();
    rest.commit();
  }
  await book.commit();
}

async function writeJson<T>(out: Writable, pages: AsyncIterable<T[]>): Promise<void> {
  await writeChunk(out, `{"exportedAt":${JSON.stringify(new Date().toISOString())},"items":[`);
  let first = true;
  for await (const page of pages) {
    if (!page.length) continue;
    await writeChunk(out, (first ? '\n' : ',\n') + page.map((r) => JSON.stringify(r)).join(',\n'));
    first = false;
  }
  await writeChunk(out, '\n]}\n');
}

export function writeExport<T>(out: Writable, format: Format, sheet: string, columns: Column<T>[], pages: AsyncIterable<T[]>): Promise<void> {
  if (format === 'csv') return writeCsv(out, columns, pages);
  if (format === 'xlsx') return writeXlsx(out, sheet, columns, pages);
  return writeJson(out, pages);
}
