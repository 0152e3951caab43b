import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { OUTCOME_INPUT_COLUMNS } from '../server/exports/outcomes';
import { syntheticOutcomes } from '../bench/lib';
(async () => {
  const book = new ExcelJS.Workbook(); const ws = book.addWorksheet('outcomes');
  ws.addRow(OUTCOME_INPUT_COLUMNS.map((c) => c.name));
  for (const o of syntheticOutcomes(10000, 7)) ws.addRow(OUTCOME_INPUT_COLUMNS.map((c) => c.value({ ...o, harvestId: null, evidence: [] } as never)));
  const buf = Buffer.from(await book.xlsx.writeBuffer());
  let t = performance.now();
  const b2 = new ExcelJS.Workbook(); await b2.xlsx.load(buf as never); let n = 0; b2.worksheets[0].eachRow(() => n++);
  console.log('load', Math.round(performance.now() - t), n);
  t = performance.now(); n = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' } as never);
  for await (const sheet of reader) { for await (const row of sheet as never as AsyncIterable<ExcelJS.Row>) { n++; void row.values; } break; }
  console.log('stream', Math.round(performance.now() - t), n);
})();
