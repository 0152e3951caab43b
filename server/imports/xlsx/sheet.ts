// The first sheet streamed row by row into records, with the cell semantics the importer has had
// since it read workbooks through exceljs: shared, inline and rich text, booleans, numbers, dates
// (a number whose style is a date format → YYYY-MM-DD), formulas and error values refused (null,
// named in `formulas`); header in row 1, rows without values skipped, `row` as the user sees it.
// Reading stops at the first record past the cap: the rest of the sheet is never inflated.
import type { Parsed, RawRecord } from '../records';
import { readXml } from './xml';
import { Book, Limits } from './workbook';
import { XlsxRefused } from './refused';
import { isHxlRow } from '../hxl';

type Cell = { col: number; t?: string; style: number; formula: boolean; text?: string };
type Value = { value: unknown; formula?: boolean };

function columnOf(ref: string | undefined, previous: number): number {
  const letters = ref?.match(/^[A-Z]+/i)?.[0];
  if (!letters) return previous + 1;
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return col;
}

function excelDate(serial: number, date1904: boolean): unknown {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? serial : d.toISOString().slice(0, 10);
}

function valueOf(c: Cell, book: Book): Value {
  if (c.formula) return { value: null, formula: true };
  const v = c.text;
  if (v === undefined) return { value: undefined };
  switch (c.t) {
    case 's': {
      const s = book.strings[parseInt(v, 10)];
      if (s === undefined) throw new XlsxRefused('the workbook is damaged');
      return { value: s };
    }
    case 'str':
    case 'inlineStr':
      return { value: v };
    case 'b':
      return { value: parseInt(v, 10) !== 0 };
    case 'e':
      return { value: null, formula: true };
    default: {
      const n = parseFloat(v);
      return { value: c.style && book.dateStyles.has(c.style) ? excelDate(n, book.date1904) : n };
    }
  }
}

/** Gathers one row's cells; `end` turns them into the row's values (sparse, by column) and formulas. */
class RowReader {
  cells: unknown[] = [];
  formulaCols: number[] = [];
  hasValues = false;
  cell: Cell | null = null;
  lastCol = 0;
  inText = false;
  inFormula = false;
  phonetic = 0;

  constructor(readonly n: number) {}

  openCell(a: Record<string, string>) {
    this.lastCol = columnOf(a.r, this.lastCol);
    this.cell = { col: this.lastCol, t: a.t, style: a.s ? parseInt(a.s, 10) : 0, formula: false };
  }

  closeCell(book: Book) {
    const { value, formula } = valueOf(this.cell!, book);
    if (formula) this.formulaCols.push(this.cell!.col);
    if (value !== undefined || formula) {
      this.cells[this.cell!.col - 1] = value;
      this.hasValues = true;
    }
    this.cell = null;
  }
}

export async function readSheet(buf: Buffer, book: Book, limits: Limits): Promise<Parsed> {
  const records: RawRecord[] = [];
  let headers: string[] | null = null;
  let anyRow = false;
  let row: RowReader | null = null;
  let lastRow = 0;

  const endRow = (r: RowReader) => {
    if (!r.hasValues) return;
    anyRow = true;
    if (r.n === 1) {
      headers = r.cells.map((c) => String(c ?? '').trim());
      return;
    }
    if (r.n === 2 && isHxlRow(r.cells)) return; // KoboToolbox's row of hashtags
    const head = headers ?? [];
    const values: Record<string, unknown> = {};
    head.forEach((h, k) => { if (h) values[h] = r.cells[k] ?? null; });
    const formulas = r.formulaCols.map((col) => head[col - 1] ?? `column ${col}`);
    if (Object.values(values).every((v) => v === null || v === undefined || v === '') && !formulas.length) return;
    records.push({ row: r.n, values, formulas });
    if (records.length > limits.maxRecords) throw new XlsxRefused(`it has more than ${limits.maxRecords} rows; split it`);
  };

  await readXml(buf, book.sheet, limits.sheet, {
    open: (name, a) => {
      if (name === 'row') {
        lastRow = a.r ? parseInt(a.r, 10) : lastRow + 1;
        row = new RowReader(lastRow);
      } else if (!row) return;
      else if (name === 'c') row.openCell(a);
      else if (!row.cell) return;
      else if (name === 'f') {
        // exceljs took `<f>` with text, or a shared/array one (`t`), for a formula; so do we
        row.inFormula = true;
        if (a.t !== undefined) row.cell.formula = true;
      }
      else if (name === 'v' || name === 't') row.inText = true;
      else if (name === 'rPh') row.phonetic++;
    },
    text: (t) => {
      const c = row?.cell;
      if (!c) return;
      if (row!.inFormula && t) c.formula = true;
      if (!row!.inText || row!.phonetic) return;
      c.text = (c.text ?? '') + t;
    },
    close: (name) => {
      if (!row) return;
      if (name === 'row') { endRow(row); row = null; } else if (name === 'c' && row.cell) row.closeCell(book);
      else if (name === 'v' || name === 't') row.inText = false;
      else if (name === 'f') row.inFormula = false;
      else if (name === 'rPh') row.phonetic--;
    },
  });
  if (!anyRow) throw new XlsxRefused('it is empty');
  return { headers: headers ?? [], records };
}
