// What the sheet's cells need from the rest of the workbook: which part is the first sheet (found
// through xl/workbook.xml and its relationships, never assumed to be sheet1.xml), its date system,
// the shared strings (read first and capped, so a sheet that comes before them in the archive, as
// LibreOffice writes it, reads the same), and which cell styles are dates.
import path from 'node:path/posix';
import { readXml } from './xml';
import { InflateCaps, ZipEntry } from './zip';
import { XlsxRefused } from './refused';

export type Limits = { part: InflateCaps; sheet: InflateCaps; sharedStrings: InflateCaps; maxSharedStrings: number; maxRecords: number };
export type Book = { sheet: ZipEntry; date1904: boolean; strings: string[]; dateStyles: Set<number> };

// The built-in number formats that are dates or times (ECMA-376 §18.8.30), as exceljs knows them.
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's test for a date format, kept so cells read as they did: date letters outside quotes and []. */
const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

const idAttr = (attrs: Record<string, string>) => attrs['r:id'] ?? Object.entries(attrs).find(([k]) => k.endsWith(':id'))?.[1];

async function firstSheet(buf: Buffer, parts: Map<string, ZipEntry>, caps: InflateCaps) {
  const book = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!book || !rels) throw new XlsxRefused('it is not an XLSX workbook');
  let relId: string | undefined;
  let date1904 = false;
  await readXml(buf, book, caps, {
    open: (name, a) => {
      if (name === 'sheet' && relId === undefined) relId = idAttr(a);
      if (name === 'workbookPr') date1904 = a.date1904 === '1';
    },
  });
  let target: string | undefined;
  await readXml(buf, rels, caps, { open: (name, a) => { if (name === 'Relationship' && a.Id === relId) target = a.Target; } });
  if (!relId || !target) throw new XlsxRefused('the workbook has no sheet');
  const name = target.startsWith('/') ? target.slice(1) : path.normalize(`xl/${target}`);
  const sheet = parts.get(name);
  if (!sheet) throw new XlsxRefused('the workbook has no sheet');
  return { sheet, date1904 };
}

async function sharedStrings(buf: Buffer, entry: ZipEntry | undefined, limits: Limits): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let text: string | null = null;
  let inT = false;
  let phonetic = 0; // <rPh> runs are pronunciation guides, not the cell's text (exceljs skips them)
  await readXml(buf, entry, limits.sharedStrings, {
    open: (name) => {
      if (name === 'si') {
        if (strings.length >= limits.maxSharedStrings) throw new XlsxRefused(`it holds more than ${limits.maxSharedStrings} distinct texts; split it`);
        text = '';
      } else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    text: (t) => { if (inT && !phonetic && text !== null) text += t; },
    close: (name) => {
      if (name === 'si') { strings.push(text ?? ''); text = null; } else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
    },
  });
  return strings;
}

async function dateStyles(buf: Buffer, entry: ZipEntry | undefined, caps: InflateCaps): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!entry) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  await readXml(buf, entry, caps, {
    open: (name, a) => {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        if (id && (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id))) dates.add(xf);
        xf++;
      }
    },
    close: (name) => { if (name === 'cellXfs') inCellXfs = false; },
  });
  return dates;
}

export async function readBook(buf: Buffer, parts: Map<string, ZipEntry>, limits: Limits): Promise<Book> {
  const { sheet, date1904 } = await firstSheet(buf, parts, limits.part);
  const strings = await sharedStrings(buf, parts.get('xl/sharedStrings.xml'), limits);
  return { sheet, date1904, strings, dateStyles: await dateStyles(buf, parts.get('xl/styles.xml'), limits.part) };
}
