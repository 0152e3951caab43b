// A record's revisions as its reader may read them, for every kind: in full where the reader
// receives the record's personal data (and, read so from outside its organisation when a change
// touched a personal field, audited), else only the dates it was corrected on.
import type { Ctx } from '../http/types';
import { correctionsOf, revisionsOf } from '../revisions/log';
import { auditRevisionViews, type PersonalKind, type Shown } from '../audit/personal-views';

type Revision = Awaited<ReturnType<typeof revisionsOf>>[number];

/** `shown`: what of the full revisions this reader may see besides (e.g. links to records hidden from them left out). */
export async function revisionsFor(ctx: Ctx, kind: PersonalKind, r: Shown, full: boolean, shown: (items: Revision[]) => Promise<Revision[]> = async (x) => x) {
  if (!full) return { items: await correctionsOf(ctx.db, kind.entityType, r.id) };
  const items = await shown(await revisionsOf(ctx.db, ctx.app.keyring, kind.entityType, r.id));
  await auditRevisionViews(ctx, kind, r, items);
  return { items };
}
