// The XLSX reader's caps, one by one: a part that lies about its size, a ratio no workbook has, too
// many shared strings, and the row limit stopping the read early; and the LibreOffice order (sheet
// before shared strings) reads like any other.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { LIMITS, readXlsx } from '../../server/imports/xlsx/read';
import { zipEntries } from '../../server/imports/xlsx/zip';
import { deflated, manyRows, workbook, zipBomb } from '../helpers/xlsx-hostile';

const KOBO = fs.readFileSync(path.resolve(__dirname, '../fixtures/kobo/gc-scripts-hub_kobotoolbox_submissions_export.xlsx'));
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheetOf = (rows: string) => deflated('xl/worksheets/sheet1.xml', `<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`);

test('when a part inflates past the size it declares, then it is refused there', async () => {
  await expect(readXlsx(zipBomb(1, 50_000))).rejects.toThrow(/more than the 50000 bytes it declares/);
});

test('when a part declares a ratio no workbook has, then it is refused before inflating', async () => {
  const bomb = zipBomb(1); // ~1 MB packed, ~1 GB declared
  await expect(readXlsx(bomb, { ...LIMITS, sheet: { ...LIMITS.sheet, maxBytes: 4 * 2 ** 30 } })).rejects.toThrow(/times larger than it is packed/);
});

test('when the shared strings pass their cap, then the workbook is refused', async () => {
  const sst = deflated('xl/sharedStrings.xml', `<sst ${NS}>${'<si><t>x</t></si>'.repeat(11)}</sst>`);
  await expect(readXlsx(workbook(sheetOf('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), sst), { ...LIMITS, maxSharedStrings: 10 })).rejects.toThrow(/more than 10 distinct texts/);
});

test('when a sheet has far more rows than the limit, then the read stops soon after the limit', async () => {
  const buf = manyRows(500_000);
  const started = performance.now();
  await expect(readXlsx(buf, { ...LIMITS, maxRecords: 1_000 })).rejects.toThrow(/more than 1000 rows; split it/);
  const small = performance.now() - started;
  const all = performance.now();
  await expect(readXlsx(buf, { ...LIMITS, maxRecords: 400_000 })).rejects.toThrow(/more than 400000 rows/);
  expect(small * 10).toBeLessThan(performance.now() - all); // the first read stopped at its cap, not at the end
}, 30_000);

test('when the sheet comes before the shared strings in the archive, then the strings are read first', async () => {
  const names = [...zipEntries(KOBO).keys()];
  expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));
  const parsed = await readXlsx(KOBO);
  expect(parsed.records).toHaveLength(3);
  expect(parsed.records.every((r) => typeof r.values['What community are you from?'] === 'string')).toBe(true);
});

test('when exceljs writes dates, rich text, booleans, formulas and errors, then they read as the importer always read them', async () => {
  const book = new ExcelJS.Workbook();
  const s = book.addWorksheet('a');
  s.addRow(['text', 'rich', 'n', 'b', 'date', 'f', 'e']);
  s.addRow(['x', { richText: [{ text: 'a' }, { text: 'b', font: { bold: true } }] }, 1.5, true, new Date(Date.UTC(2024, 1, 29)), { formula: '1+1', result: 2 }, { error: '#N/A' }]);
  s.addRow([]);
  s.addRow(['y']);
  for (const useSharedStrings of [true, false]) {
    const buf = Buffer.from(await book.xlsx.writeBuffer({ useSharedStrings } as never));
    const parsed = await readXlsx(buf);
    expect(parsed.records).toEqual([
      { row: 2, values: { text: 'x', rich: 'ab', n: 1.5, b: true, date: '2024-02-29', f: null, e: null }, formulas: ['f', 'e'] },
      { row: 4, values: { text: 'y', rich: null, n: null, b: null, date: null, f: null, e: null }, formulas: [] },
    ]);
  }
});
