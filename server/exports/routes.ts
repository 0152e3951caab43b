// Exports: GET /api/exports/<kind>.csv|.xlsx|.json with the list's filters. Streamed page by page
// (any size, never cut off), through the same redaction as the API, confidential records left out;
// beside each code, its name in the reader's language (the profile's).
import type { Ctx, RouteDef } from '../http/types';
import { Stream } from '../http/types';
import { audit } from '../audit/log';
import { CONTENT_TYPES, Format, FORMATS, writeExport } from './formats';
import type { ExportKind, Query } from './kinds';
import { EXPORT_KINDS } from './registry';
import { withNameColumns, withNameFields } from './names';
import { readerLanguage } from '../reference/language';
import { readerNames } from '../reference/names';

async function exportOf(ctx: Ctx<unknown, Query>, kind: ExportKind, format: Format): Promise<Stream> {
  const pages = await kind.open(ctx);
  // who took which records out, with which filters (never values of the records)
  const filters = Object.fromEntries(Object.entries(ctx.query).filter(([k]) => k !== 'page' && k !== 'pageSize'));
  await audit(ctx.db, { actorId: ctx.user.id, action: `export.${kind.name}`, details: { format, filters } });
  const day = new Date().toISOString().slice(0, 10);
  const names = await readerNames(ctx.db, readerLanguage(ctx), kind.lists);
  const columns = withNameColumns(kind.columns, kind.names, names);
  const rows = format === 'json' ? withNameFields(pages, kind.names, names) : pages;
  return new Stream(CONTENT_TYPES[format], `oogst-${kind.name}-${day}.${format}`, (out) => writeExport(out, format, kind.sheet, columns, rows));
}

export const routes: RouteDef[] = EXPORT_KINDS.flatMap((kind) => FORMATS.map((format): RouteDef => ({
  method: 'get', path: `/api/exports/${kind.name}.${format}`, tag: 'exports', access: 'user', query: kind.query,
  summary: `Export ${kind.name} as ${format.toUpperCase()} with the list filters (redacted as in the API; confidential records left out)`,
  produces: CONTENT_TYPES[format].split(';')[0],
  handler: (ctx) => exportOf(ctx, kind, format),
})));
