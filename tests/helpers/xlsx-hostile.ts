// Hostile workbooks made at test time, small on disk, into tests/.tmp: zip bombs (a sheet that
// inflates to gigabytes, declaring its size honestly or lying about it) and a sheet of two million
// rows. Deflate streams are written piece by piece: a sync-flushed block of 1 MB that only refers
// to itself can be repeated, so a 30 MB bomb costs 30 MB to make, not 30 GB to compress.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { TMP } from './db';

export type Part = { name: string; data: Buffer; size: number; crc: number; method?: number };

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** A part deflated whole (for the small XML parts). */
export function deflated(name: string, text: string | Buffer): Part {
  const raw = Buffer.from(text);
  return { name, data: zlib.deflateRawSync(raw), size: raw.length, crc: zlib.crc32(raw), method: 8 };
}

/** A zip archive of the parts, as any zip writer lays it out (local headers, central directory). */
export function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(p.method ?? 8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14); local.writeUInt32LE(p.data.length, 18); local.writeUInt32LE(p.size, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(p.method ?? 8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16); central.writeUInt32LE(p.data.length, 20); central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A workbook around the given sheet part (and shared strings, when given). */
export function workbook(sheet: Part, sharedStrings?: Part): Buffer {
  const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
  return zip([
    deflated('xl/workbook.xml', `<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    deflated('xl/_rels/workbook.xml.rels', rels),
    ...(sharedStrings ? [sharedStrings] : []),
    sheet,
  ]);
}

/** A raw deflate stream of `head`, then `unit` repeated `times` times, then `tail`, made in memory of one unit. */
export function repeatedDeflate(head: string, unit: string, times: number, tail: string, padding = Buffer.alloc(0)): { data: Buffer; size: number } {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const block = zlib.deflateRawSync(Buffer.from(unit), flush);
  const data = Buffer.concat([
    zlib.deflateRawSync(Buffer.from(head), flush),
    ...Array.from({ length: times }, () => block),
    padding,
    zlib.deflateRawSync(Buffer.from(tail)), // the final block
  ]);
  return { data, size: head.length + unit.length * times + tail.length };
}

/**
 * A zip bomb: a sheet of `compressedMb` MB that inflates about a thousand times (rows of the same
 * cell), declaring `declared` bytes (the truth, capped at 4 GB, when not given).
 */
export function zipBomb(compressedMb: number, declared?: number): Buffer {
  const unit = '<row><c t="inlineStr"><is><t>boom</t></is></c></row>'.repeat(20_000); // ~1 MB
  const oneBlock = zlib.deflateRawSync(Buffer.from(unit), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).length;
  const { data, size } = repeatedDeflate(SHEET_HEAD, unit, Math.ceil((compressedMb * 2 ** 20) / oneBlock), SHEET_TAIL);
  return workbook({ name: 'xl/worksheets/sheet1.xml', data, size: declared ?? Math.min(size, 0xfffffffe), crc: 0 });
}

/** A sheet of `rows` data rows (and a header) of varied values, deflated 10,000 rows at a time. */
export function manyRows(rows: number): Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  const put = (text: string, last = false) => {
    const b = Buffer.from(text);
    size += b.length;
    crc = zlib.crc32(b, crc);
    chunks.push(zlib.deflateRawSync(b, { finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }));
  };
  put(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>title</t></is></c></row>`);
  for (let from = 2; from <= rows + 1; from += 10_000) {
    let text = '';
    for (let r = from; r < Math.min(from + 10_000, rows + 2); r++) text += `<row><c><v>${r % 10_000}</v></c></row>`; // row numbers implied, as writers may
    put(text);
  }
  put(SHEET_TAIL, true);
  return workbook({ name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(chunks), size, crc });
}

/** The file made once per run (or kept from an earlier one) in tests/.tmp. */
export function hostileFile(name: string, make: () => Buffer): Buffer {
  const file = path.join(TMP, `hostile-${name}.xlsx`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(TMP, { recursive: true });
    fs.writeFileSync(`${file}.${process.pid}`, make());
    fs.renameSync(`${file}.${process.pid}`, file);
  }
  return fs.readFileSync(file);
}

/**
 * A sheet whose one cell holds `mb` MB of text: it passes every cap (the stream is padded with
 * empty stored blocks, 5 bytes each, to a ratio real workbooks have), so only the worker's heap
 * limit stops it — as it would any trick the caps do not foresee.
 */
export function hugeCell(mb: number): Buffer {
  const head = `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>title</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>`;
  const padding = Buffer.alloc(Math.ceil((mb * 2 ** 20) / 100 / 5) * 5);
  for (let i = 0; i < padding.length; i += 5) padding.writeUInt16LE(0xffff, i + 3); // 00 | 0000 | ffff: an empty stored block
  const { data, size } = repeatedDeflate(head, 'a'.repeat(2 ** 20), mb, '</t></is></c></row>' + SHEET_TAIL, padding);
  return workbook({ name: 'xl/worksheets/sheet1.xml', data, size, crc: 0 });
}
