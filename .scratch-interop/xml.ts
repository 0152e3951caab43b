import { xmlDocument } from '../server/reports/dom';
for (const x of ['<a><b x="1">t</b></a>', '<a><b>', 'not xml', '<!DOCTYPE a [<!ENTITY e "xxx">]><a>&e;</a>', '<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>']) {
  try { const d = xmlDocument(x); console.log(JSON.stringify(x), d ? d.documentElement.outerHTML : null); } catch (e) { console.log(JSON.stringify(x), 'THROWS', (e as Error).message.slice(0, 80)); }
}
