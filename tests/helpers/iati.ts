// Checks an IATI activities file against the official 2.03 schema (xmllint compiled to
// WebAssembly, so no system package is needed) and its codes against the IATI code lists
// copied into tests/fixtures/iati/.
import fs from 'node:fs';
import path from 'node:path';
import Module from 'node:module';
import type * as JsdomTypes from 'jsdom';
import { validateXML } from 'xmllint-wasm';

// jsdom is loaded by Node itself (which can require its ESM dependencies), not by jest's registry
const { JSDOM } = (Module as unknown as { _load: (id: string, parent: null, main: boolean) => typeof JsdomTypes })._load(require.resolve('jsdom'), null, false);

const DIR = path.join(__dirname, '../fixtures/iati');
const file = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(DIR, name), 'utf8') });

export async function schemaErrors(xml: string): Promise<string[]> {
  const r = await validateXML({
    xml: [{ fileName: 'activity.xml', contents: xml }],
    schema: [file('iati-activities-schema.xsd')],
    preload: [file('iati-common.xsd'), file('xml.xsd')],
  });
  return r.valid ? [] : r.errors.map((e) => e.message);
}

export function codelist(name: string): Set<string> {
  const xml = fs.readFileSync(path.join(DIR, 'codelists', `${name}.xml`), 'utf8');
  return new Set([...xml.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]));
}

/** Every coded attribute whose code list is here, with the codes that are not in it. */
export function unknownCodes(xml: string): Record<string, string[]> {
  const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
  const checks: Array<[string, string, string]> = [
    ['activity-status', 'code', 'ActivityStatus'], ['sector', 'code', 'Sector'], ['policy-marker', 'code', 'PolicyMarker'],
    ['policy-marker', 'significance', 'PolicySignificance'], ['policy-marker', 'vocabulary', 'PolicyMarkerVocabulary'],
    ['result', 'type', 'ResultType'], ['indicator', 'measure', 'IndicatorMeasure'], ['document-link > category', 'code', 'DocumentCategory'],
  ];
  const out: Record<string, string[]> = {};
  for (const [selector, attr, list] of checks) {
    const codes = codelist(list);
    const bad = [...doc.querySelectorAll(selector)].map((el) => el.getAttribute(attr) ?? '').filter((c) => !codes.has(c));
    if (bad.length) out[`${selector}@${attr}`] = bad;
  }
  return out;
}

export const dom = (xml: string) => new JSDOM(xml, { contentType: 'application/xml' }).window.document;
