// The IATI 2.03 activity file of a programme: published data only. One activity per identifier:
// a harvest is how the programme's results were gathered, not an activity of its own, so its
// published outcomes are results of the programme's activity (a second file with the same
// identifier would be a duplicate activity on the Registry and d-portal; one with an identifier of
// its own would count the same results twice).
import type { Ctx, RouteDef } from '../http/types';
import { Reply } from '../http/types';
import { iatiData } from './data';
import { iatiXml } from './build';

/** Where the reports the file links to are read: the configured public address, else this request's. */
export const baseUrlOf = (ctx: Ctx) => ctx.app.config.publicUrl ?? `${ctx.secure ? 'https' : 'http'}://${String(ctx.headers.host ?? 'localhost')}`;

const xmlReply = (xml: string, name: string) => new Reply(200, xml, { 'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}.xml"` });

async function programmeIati(ctx: Ctx) {
  const d = await iatiData(ctx, ctx.params.id);
  return xmlReply(iatiXml(d, baseUrlOf(ctx)), `iati-${d.programme.iatiIdentifier}`);
}

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/programmes/:id/iati.xml', tag: 'iati', summary: "The programme's IATI 2.03 activity: results of its published outcomes (of every harvest) and validated indicator values", access: 'user', produces: 'application/xml', handler: programmeIati },
];
