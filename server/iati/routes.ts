// IATI 2.03 activity files of a programme and of one of its harvests: published data only.
import type { Ctx, RouteDef } from '../http/types';
import { Reply } from '../http/types';
import { loadRow as loadHarvest } from '../harvests/service';
import { iatiData } from './data';
import { iatiXml } from './build';

/** Where the reports the file links to are read: the configured public address, else this request's. */
export const baseUrlOf = (ctx: Ctx) => ctx.app.config.publicUrl ?? `${ctx.secure ? 'https' : 'http'}://${String(ctx.headers.host ?? 'localhost')}`;

const xmlReply = (xml: string, name: string) => new Reply(200, xml, { 'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}.xml"` });

async function programmeIati(ctx: Ctx) {
  const d = await iatiData(ctx, ctx.params.id);
  return xmlReply(iatiXml(d, baseUrlOf(ctx)), `iati-${d.programme.iatiIdentifier}`);
}

async function harvestIati(ctx: Ctx) {
  const h = await loadHarvest(ctx, ctx.params.id);
  const d = await iatiData(ctx, h.programme_id, h.id);
  return xmlReply(iatiXml(d, baseUrlOf(ctx)), `iati-${d.programme.iatiIdentifier}-harvest-${h.id.slice(0, 8)}`);
}

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/programmes/:id/iati.xml', tag: 'iati', summary: "The programme's IATI 2.03 activity: results of its published outcomes and validated indicator values", access: 'user', produces: 'application/xml', handler: programmeIati },
  { method: 'get', path: '/api/harvests/:id/iati.xml', tag: 'iati', summary: "IATI 2.03 activity of the harvest's programme, with the harvest's published outcomes", access: 'user', produces: 'application/xml', handler: harvestIati },
];
