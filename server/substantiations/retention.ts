// Retention: a configurable number of days after a harvest closes, the names, relationships and
// contacts of the substantiators of its outcomes are erased — from the substantiation and from
// its revisions. Their verdicts and comments stay. Run at server start, daily while it runs, and
// by `cli purge-expired`; running it twice erases nothing more.
import type { Db } from '../db/knex';
import { audit } from '../audit/log';

type Change = { field: string; old: unknown; new: unknown };

const CHUNK = 500;

/** Erases what has passed its retention; returns how many substantiations were erased. */
export async function purgeExpired(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86400_000).toISOString();
  const at = now.toISOString();
  const ids: string[] = await db('substantiations as s').join('outcomes as o', 'o.id', 's.outcome_id')
    .join('harvests as h', 'h.id', 'o.harvest_id')
    .where('h.status', 'closed').where('h.closed_at', '<=', cutoff).whereNotNull('s.substantiator_enc')
    .pluck('s.id');
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await db.transaction(async (trx) => {
      await trx('substantiations').whereIn('id', chunk).update({ substantiator_enc: null, erased_at: at, updated_at: at });
      const revisions = await trx('revisions').where({ entity_type: 'substantiation' }).whereIn('entity_id', chunk).select('id', 'changes');
      for (const r of revisions) {
        const changes = (JSON.parse(r.changes) as Change[]).map((c) => (c.field === 'substantiator' ? { field: c.field, old: { enc: null }, new: { enc: null } } : c));
        await trx('revisions').where({ id: r.id }).update({ changes: JSON.stringify(changes) });
      }
      for (const id of chunk) await audit(trx, { action: 'substantiation.erase', entityType: 'substantiation', entityId: id, details: { reason: 'retention' } });
    });
  }
  return ids.length;
}
