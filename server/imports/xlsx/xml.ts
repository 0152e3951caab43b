// One part of the workbook read as a stream of XML events (saxes, the parser exceljs itself uses),
// fed straight from the capped inflate so no part is ever held whole. Element names lose their
// namespace prefix: some writers (the Open XML SDK) spell every element `x:row`.
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { InflateCaps, inflateEntry, ZipEntry } from './zip';
import { XlsxRefused } from './refused';

export type XmlHandlers = {
  open?: (name: string, attrs: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
};

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Excel holds at most 32,767 characters in a cell; saxes keeps a text whole until the next tag,
 * so a longer run of text between two tags is refused before it can fill the worker's heap. */
export const MAX_TEXT_RUN = 1_000_000;

export async function readXml(buf: Buffer, entry: ZipEntry, caps: InflateCaps, on: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  let failure: unknown;
  // saxes reports errors through a handler; keep the first and stop the stream by throwing
  parser.on('error', (e) => { failure ??= e; });
  // saxes keeps one handler per event: each tag also ends the current run of text
  let run = 0;
  parser.on('opentag', (tag) => { run = 0; on.open?.(local(tag.name), tag.attributes as Record<string, string>); });
  parser.on('closetag', (tag) => { run = 0; on.close?.(local(tag.name)); });
  if (on.text) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  const decoder = new StringDecoder('utf8');
  const check = () => {
    if (failure === undefined) return;
    if (failure instanceof XlsxRefused) throw failure;
    throw new XlsxRefused(`${entry.name} is not well-formed XML`);
  };
  await inflateEntry(buf, entry, caps, (chunk) => {
    const text = decoder.write(chunk);
    run += text.length;
    if (run > MAX_TEXT_RUN) throw new XlsxRefused('a cell holds more text than a spreadsheet cell can (32,767 characters)');
    parser.write(text);
    check();
  });
  parser.write(decoder.end());
  parser.close();
  check();
}
