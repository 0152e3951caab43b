// The import template of a record kind: its columns in a CSV header, or an XLSX workbook whose
// first sheet has the columns and whose other sheets list the codes they take (goal codes,
// typology codes, allowed values).
import type { Ctx } from '../http/types';
import { Reply, Stream } from '../http/types';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { CONTENT_TYPES } from '../exports/formats';
import { importKind } from './registry';

type Query = { kind: string };

export async function csvTemplate(ctx: Ctx<unknown, Query>) {
  const kind = importKind(ctx, ctx.query.kind);
  return new Reply(200, '\ufeff' + stringify([kind.columns]), { 'Content-Disposition': `attachment; filename="oogst-${kind.name}-template.csv"` });
}

export async function xlsxTemplate(ctx: Ctx<unknown, Query>) {
  const kind = importKind(ctx, ctx.query.kind);
  const sheets = (await kind.codeSheets?.(ctx)) ?? [];
  return new Stream(CONTENT_TYPES.xlsx, `oogst-${kind.name}-template.xlsx`, async (out) => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const main = book.addWorksheet(kind.name);
    main.addRow(kind.columns).commit();
    main.commit();
    for (const s of sheets) {
      const ws = book.addWorksheet(s.name);
      for (const row of s.rows) ws.addRow(row).commit();
      ws.commit();
    }
    await book.commit();
  });
}
