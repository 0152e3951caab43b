// jsdom for the server: drawing the dashboard's charts for reports, reading XML files. Its own
// dependencies are ES modules, which Node loads itself (require of ESM) — also under jest, whose
// module registry cannot — so it is loaded through Node's loader.
import Module from 'node:module';
import type * as JsdomTypes from 'jsdom';

const jsdom = (Module as unknown as { _load: (id: string, parent: null, main: boolean) => typeof JsdomTypes })._load(require.resolve('jsdom'), null, false);

export const { JSDOM, VirtualConsole } = jsdom;

/** A fresh, silent document (jsdom has no canvas and would say so). */
export const htmlDocument = (): Document => new JSDOM('<!doctype html><body></body>', { virtualConsole: new VirtualConsole() }).window.document as unknown as Document;

/**
 * An XML document, or null when the text is not well-formed XML. Documents with a DTD are refused
 * unread: the files Oogst reads never need one, and its entities could expand without end.
 */
export function xmlDocument(xml: string): Document | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return null;
  try {
    return new JSDOM(xml, { contentType: 'application/xml', virtualConsole: new VirtualConsole() }).window.document as unknown as Document;
  } catch {
    return null;
  }
}
