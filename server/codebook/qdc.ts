// The REFI-QDA codebook format (.qdc, namespace urn:QDA-XML:codebook:1.0) that QualCoder,
// ATLAS.ti, NVivo and MAXQDA exchange: Codes nested in Codes, each with a guid, a name, whether it
// can be coded, a colour and a description. Guids are derived from Oogst's codes (name-based,
// SHA-1, as UUID version 5), so every export names a goal or theme with the same guid and an
// edited codebook comes back onto the same themes.
import { createHash } from 'node:crypto';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { xmlDocument } from '../reports/dom';

export const QDC_NS = 'urn:QDA-XML:codebook:1.0';

export function guidOf(key: string): string {
  const h = createHash('sha1').update(`oogst:${key}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

export type CodeNode = { guid: string; name: string; codable: boolean; color?: string; description?: string | null; children: CodeNode[] };

function addCode(parent: XMLBuilder, c: CodeNode): void {
  const el = parent.ele('Code', { guid: c.guid, name: c.name, isCodable: String(c.codable), ...(c.color && { color: c.color }) });
  if (c.description) el.ele('Description').txt(c.description).up();
  for (const child of c.children) addCode(el, child);
}

export function codebookXml(codes: CodeNode[], origin: string): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(QDC_NS, 'CodeBook', { origin });
  const list = doc.ele('Codes');
  for (const c of codes) addCode(list, c);
  return doc.end({ prettyPrint: true });
}

/** The namespace of a REFI-QDA project (project.qde, inside a .qdpx): its CodeBook holds the codes. */
export const QDE_NS = 'urn:QDA-XML:project:1.0';

/** The Code tree of a codebook (.qdc), or of the codebook in a project (.qde); null when it is neither. */
export function parseCodebook(xml: string): CodeNode[] | null {
  const doc = xmlDocument(xml.replace(/^\ufeff/, ''));
  const root = doc?.documentElement;
  const project = root?.localName === 'Project' && root.namespaceURI === QDE_NS;
  const book = project ? [...root.children].find((e) => e.localName === 'CodeBook') : root;
  if (!book || book.localName !== 'CodeBook' || (!project && book.namespaceURI !== QDC_NS)) return null;
  const codes = [...book.children].find((e) => e.localName === 'Codes');
  const read = (el: Element): CodeNode => ({
    guid: (el.getAttribute('guid') ?? '').replace(/[{}]/g, '').toUpperCase(),
    name: el.getAttribute('name') ?? '',
    codable: el.getAttribute('isCodable') !== 'false',
    description: [...el.children].find((e) => e.localName === 'Description')?.textContent ?? null,
    children: [...el.children].filter((e) => e.localName === 'Code').map(read),
  });
  return codes ? [...codes.children].filter((e) => e.localName === 'Code').map(read) : [];
}
