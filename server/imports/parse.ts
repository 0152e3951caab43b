// Reading an uploaded file into records: CSV (UTF-8 with or without a byte-order mark, or UTF-16
// with one; comma, semicolon or tab separated, as Excel and KoboToolbox write them), XLSX (first
// sheet, header in row 1; formulas are refused, never evaluated), a KoboToolbox API v2 data
// response, and an ODK Central OData submissions response. A file that cannot be read at all is a
// 422 naming the file; problems of single rows are left to the checks of the record kind.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { Problem } from '../http/problem';

/** One record of the file: its row as the user sees it (header = row 1) and its values by column. */
export type RawRecord = { row: number; values: Record<string, unknown>; formulas: string[] };
export type Parsed = { headers: string[] | null; records: RawRecord[] };
export type Format = 'csv' | 'xlsx' | 'kobo-json' | 'kobo-csv' | 'odk-odata';

export const MAX_ROWS = 100_000;

const unreadable = (message: string) => new Problem('unprocessable', `The file cannot be read: ${message}`, [{ path: '/file', message }]);

/** The file's text; anything that is not UTF-8 (or UTF-16 with a byte-order mark) is refused. */
export function decodeText(buf: Buffer): string {
  let text: string;
  try {
    if (buf[0] === 0xff && buf[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(buf.subarray(2));
    else if (buf[0] === 0xfe && buf[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(buf.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    throw unreadable('it is not UTF-8 text; save it as "CSV UTF-8" and try again');
  }
  if (text.includes('\u0000')) throw unreadable('it holds binary data, not text');
  return text;
}

/** The separator of the header line: the one of , ; and tab that occurs most outside quotes. */
function delimiterOf(text: string): string {
  const line = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

const isBlank = (values: Record<string, unknown>) => Object.values(values).every((v) => v === null || v === undefined || v === '');

function fromTable(table: unknown[][], formulasOf?: (i: number) => string[]): Parsed {
  if (!table.length) throw unreadable('it is empty');
  const headers = table[0].map((h) => String(h ?? '').trim());
  const records: RawRecord[] = [];
  for (let i = 1; i < table.length; i++) {
    const values: Record<string, unknown> = {};
    headers.forEach((h, k) => { if (h) values[h] = table[i][k] ?? null; });
    const formulas = formulasOf?.(i) ?? [];
    if (isBlank(values) && !formulas.length) continue;
    records.push({ row: i + 1, values, formulas });
  }
  if (records.length > MAX_ROWS) throw unreadable(`it has more than ${MAX_ROWS} rows; split it`);
  return { headers, records };
}

export function parseCsv(buf: Buffer): Parsed {
  const text = decodeText(buf).replace(/^\ufeff/, '');
  let table: string[][];
  try {
    table = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    throw unreadable(`it is not well-formed CSV (${(e as Error).message.slice(0, 200)})`);
  }
  return fromTable(table);
}

/** A cell's value as text, number, boolean or ISO date; formulas and error values are marked. */
function cellValue(v: ExcelJS.CellValue): { value: unknown; formula?: boolean } {
  if (v === null || v === undefined) return { value: null };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
  if (typeof v !== 'object') return { value: v };
  if ('formula' in v || 'sharedFormula' in v || 'error' in v) return { value: null, formula: true };
  if ('richText' in v) return { value: v.richText.map((r) => r.text).join('') };
  if ('text' in v) return { value: typeof v.text === 'string' ? v.text : cellValue(v.text as ExcelJS.CellValue).value };
  return { value: null };
}

/**
 * The first sheet of a workbook. Read whole, not streamed: exceljs's stream reader, given a
 * workbook whose sheet comes before its shared strings (as LibreOffice writes them), sometimes
 * answered no rows at all (2 in 400 reads of the Kobo fixture).
 */
export async function parseXlsx(buf: Buffer): Promise<Parsed> {
  if (buf.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') throw unreadable('it is not an XLSX workbook');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'legacyDrawing'] });
  } catch {
    throw unreadable('the workbook is damaged');
  }
  // the first sheet holds the records; the others are the template's lists of codes
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('the workbook has no sheet');
  const table: unknown[][] = [];
  const formulas = new Map<number, string[]>();
  let header: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: unknown[] = [];
    (row.values as ExcelJS.CellValue[]).forEach((v, col) => {
      const { value, formula } = cellValue(v);
      cells[col - 1] = value;
      if (formula && n > 1) formulas.set(n - 1, [...(formulas.get(n - 1) ?? []), header[col - 1] ?? `column ${col}`]);
    });
    if (n === 1) header = cells.map((c) => String(c ?? '').trim());
    table[n - 1] = cells;
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return fromTable(table, (i) => formulas.get(i) ?? []);
}

function parseJson(buf: Buffer): unknown {
  try {
    return JSON.parse(decodeText(buf).replace(/^\ufeff/, ''));
  } catch (e) {
    if (e instanceof Problem) throw e;
    throw unreadable('it is not valid JSON');
  }
}

function submissions(list: unknown, what: string): Parsed {
  if (!Array.isArray(list) || list.some((s) => !s || typeof s !== 'object' || Array.isArray(s))) {
    throw unreadable(`it is not ${what}`);
  }
  if (list.length > MAX_ROWS) throw unreadable(`it has more than ${MAX_ROWS} submissions; split it`);
  return { headers: null, records: list.map((values, i) => ({ row: i + 1, values, formulas: [] })) };
}

export async function parseFile(format: Format, buf: Buffer): Promise<Parsed> {
  switch (format) {
    case 'csv':
    case 'kobo-csv':
      return parseCsv(buf);
    case 'xlsx':
      return parseXlsx(buf);
    case 'kobo-json': {
      const json = parseJson(buf) as { results?: unknown } | unknown[];
      return submissions(Array.isArray(json) ? json : json?.results, 'a KoboToolbox data response ({"results": [...]})');
    }
    case 'odk-odata':
      return submissions((parseJson(buf) as { value?: unknown })?.value, 'an ODK Central OData response ({"value": [...]})');
  }
}
