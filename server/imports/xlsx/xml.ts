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

export async function readXml(buf: Buffer, entry: ZipEntry, caps: InflateCaps, on: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  let failure: unknown;
  // saxes reports errors through a handler; keep the first and stop the stream by throwing
  parser.on('error', (e) => { failure ??= e; });
  if (on.open) parser.on('opentag', (tag) => on.open!(local(tag.name), tag.attributes as Record<string, string>));
  if (on.text) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  if (on.close) parser.on('closetag', (tag) => on.close!(local(tag.name)));
  const decoder = new StringDecoder('utf8');
  const check = () => {
    if (failure === undefined) return;
    if (failure instanceof XlsxRefused) throw failure;
    throw new XlsxRefused(`${entry.name} is not well-formed XML`);
  };
  await inflateEntry(buf, entry, caps, (chunk) => {
    parser.write(decoder.write(chunk));
    check();
  });
  parser.write(decoder.end());
  parser.close();
  check();
}
