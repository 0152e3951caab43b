// The parts of an XLSX file (a zip archive), read from its central directory without modelling the
// workbook, and inflated as a stream that stops at a cap. A part that inflates past the size it
// declares, past an absolute cap, or whose declared size is a compression ratio no real workbook
// has, is refused: that is how a few megabytes of upload used to become gigabytes of memory.
import zlib from 'node:zlib';
import { XlsxRefused } from './refused';

export type ZipEntry = { name: string; method: number; flags: number; compressedSize: number; size: number; localOffset: number };

/** How far a part may inflate. Ratios are measured on real workbooks (see RELIABILITY.md §XLSX). */
export type InflateCaps = { maxBytes: number; maxRatio: number; ratioFreeBytes: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const damaged = () => new XlsxRefused('the workbook is damaged');

function endOfCentralDirectory(buf: Buffer): number {
  // the record is 22 bytes plus a comment of at most 65,535
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  throw damaged();
}

/** The archive's parts by name, as its central directory lists them. */
export function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const end = endOfCentralDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  // ZIP64 is for parts over 4 GB; nothing that fits the upload limit needs it
  if (count === 0xffff || at === 0xffffffff) throw new XlsxRefused('it uses ZIP64, which no workbook of this size needs');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw damaged();
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, {
      name, flags: buf.readUInt16LE(at + 8), method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20), size: buf.readUInt32LE(at + 24), localOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** The part's bytes as stored (compressed), found through its local header. */
function storedBytes(buf: Buffer, e: ZipEntry): Buffer {
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw damaged();
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + e.compressedSize > buf.length) throw damaged();
  return buf.subarray(start, start + e.compressedSize);
}

/** The most bytes the part may inflate to; refused before inflating when its declared size is too much. */
export function capOf(e: ZipEntry, caps: InflateCaps): number {
  if (e.flags & 1) throw new XlsxRefused('it is encrypted; save it without a password');
  if (e.method !== 0 && e.method !== 8) throw new XlsxRefused(`${e.name} is compressed in a way workbooks are not (method ${e.method})`);
  if (e.size > caps.maxBytes) throw new XlsxRefused(`${e.name} would be ${Math.round(e.size / 2 ** 20)} MB unpacked; the limit is ${Math.round(caps.maxBytes / 2 ** 20)} MB`);
  if (e.size > caps.ratioFreeBytes && e.size > e.compressedSize * caps.maxRatio) {
    throw new XlsxRefused(`${e.name} unpacks ${Math.round(e.size / Math.max(1, e.compressedSize))} times larger than it is packed; no real workbook does (a zip bomb?)`);
  }
  return e.size;
}

/**
 * Streams the part's inflated bytes to `onChunk`, stopping as soon as they pass the size the
 * part declares (checked above against the caps), or when `onChunk` throws (the caller's own
 * cap, such as the row limit) — the rest of the part is never inflated.
 */
export function inflateEntry(buf: Buffer, e: ZipEntry, caps: InflateCaps, onChunk: (chunk: Buffer) => void): Promise<void> {
  const cap = capOf(e, caps);
  const stored = storedBytes(buf, e);
  if (e.method === 0) {
    if (stored.length > cap) return Promise.reject(new XlsxRefused(`${e.name} is larger than it declares`));
    return new Promise((resolve) => { onChunk(stored); resolve(); });
  }
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    let out = 0;
    const fail = (err: unknown) => { inflate.destroy(); reject(err); };
    inflate.on('data', (chunk: Buffer) => {
      out += chunk.length;
      if (out > cap) return fail(new XlsxRefused(`${e.name} unpacks to more than the ${cap} bytes it declares (a zip bomb?)`));
      try { onChunk(chunk); } catch (err) { fail(err); }
    });
    inflate.on('error', () => fail(damaged()));
    inflate.on('end', resolve);
    inflate.end(stored);
  });
}

/** The whole inflated bytes of one part, under the caps (a part read into memory, e.g. a CSV in an archive). */
export async function entryBytes(buf: Buffer, e: ZipEntry, caps: InflateCaps): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await inflateEntry(buf, e, caps, (c) => chunks.push(c));
  return Buffer.concat(chunks);
}

/** Whether the bytes are a zip archive (a workbook, a zipped CSV, a REFI-QDA project). */
export const isZip = (buf: Buffer) => buf.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004';

/** One part read whole from an archive under these caps: the caps of a part held in memory. */
export const PART_IN_MEMORY: InflateCaps = { maxBytes: 64 * 2 ** 20, maxRatio: 200, ratioFreeBytes: 2 ** 20 };
