// Reading an uploaded file into records: CSV (UTF-8 with or without a byte-order mark, or UTF-16
// with one; comma, semicolon or tab separated, as Excel and KoboToolbox write them; or zipped, as
// ODK Central downloads it), XLSX (first
// sheet, header in row 1; formulas are refused, never evaluated), a KoboToolbox API v2 data
// response, and an ODK Central OData submissions response. A file that cannot be read at all is a
// 422 naming the file; problems of single rows are left to the checks of the record kind.
import { parse } from 'csv-parse/sync';
import { Problem } from '../http/problem';
import { MAX_ROWS, Parsed, RawRecord } from './records';
import { readXlsxInWorker } from './xlsx/pool';
import { XlsxRefused } from './xlsx/refused';
import { entryBytes, isZip, PART_IN_MEMORY, zipEntries } from './xlsx/zip';
import { isHxlRow } from './hxl';

export { MAX_ROWS } from './records';
export type { Parsed, RawRecord } from './records';
export type Format = 'csv' | 'xlsx' | 'kobo-json' | 'kobo-csv' | 'odk-odata';

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

function fromTable(table: unknown[][]): Parsed {
  if (!table.length) throw unreadable('it is empty');
  const headers = table[0].map((h) => String(h ?? '').trim());
  const records: RawRecord[] = [];
  // rows keep their numbers in the file, so a report names the row a person sees
  for (let i = isHxlRow(table[1]) ? 2 : 1; i < table.length; i++) {
    const values: Record<string, unknown> = {};
    headers.forEach((h, k) => { if (h) values[h] = table[i][k] ?? null; });
    if (isBlank(values)) continue;
    records.push({ row: i + 1, values, formulas: [] });
  }
  if (records.length > MAX_ROWS) throw unreadable(`it has more than ${MAX_ROWS} rows; split it`);
  return { headers, records };
}

/** ODK Central's "CSV (zip)": its main CSV, written as <form>.csv beside the CSVs of repeat groups and a media folder. */
async function csvInZip(buf: Buffer): Promise<Buffer> {
  try {
    const entries = [...zipEntries(buf).values()];
    if (entries.some((e) => e.name === 'xl/workbook.xml')) throw unreadable('it is an XLSX workbook; import it as XLSX');
    // the form's own CSV has the shortest name: a repeat group's is <form>-<group>.csv
    const csv = entries.filter((e) => !e.name.includes('/') && /\.csv$/i.test(e.name)).sort((a, b) => a.name.length - b.name.length)[0];
    if (!csv) throw unreadable('the zip archive holds no CSV file');
    return await entryBytes(buf, csv, PART_IN_MEMORY);
  } catch (e) {
    if (e instanceof Problem) throw e;
    throw unreadable(e instanceof XlsxRefused ? e.message : 'the zip archive is damaged');
  }
}

export async function parseCsv(buf: Buffer): Promise<Parsed> {
  if (isZip(buf)) buf = await csvInZip(buf);
  const text = decodeText(buf).replace(/^\ufeff/, '');
  let table: string[][];
  try {
    table = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    throw unreadable(`it is not well-formed CSV (${(e as Error).message.slice(0, 200)})`);
  }
  return fromTable(table);
}

/**
 * The first sheet of a workbook, read in a worker thread by our own streaming reader
 * (server/imports/xlsx/): exceljs modelled the whole workbook in the server's heap before the row
 * limit could be checked, so one upload could take the server down.
 */
export async function parseXlsx(buf: Buffer): Promise<Parsed> {
  if (!isZip(buf)) throw unreadable('it is not an XLSX workbook');
  try {
    return await readXlsxInWorker(buf);
  } catch (e) {
    throw unreadable(e instanceof XlsxRefused ? e.message : 'the workbook is damaged');
  }
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
