// In-app notifications: a partner hears when an outcome is returned or commented on, an evaluator
// when something is submitted, commented on or a substantiator answers. Written in the request's
// transaction, so a failed action tells nobody.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/knex';
import { nowIso } from '../core/clock';

export type NotificationKind = 'outcome.submitted' | 'outcome.returned' | 'outcome.commented' | 'substantiation.answered';

export async function notify(
  db: Db, n: { userIds: string[]; kind: NotificationKind; outcomeId: string; actorId?: string | null },
): Promise<void> {
  const to = [...new Set(n.userIds)].filter((id) => id !== n.actorId);
  if (!to.length) return;
  const now = nowIso();
  await db('notifications').insert(to.map((userId) => ({
    id: randomUUID(), user_id: userId, kind: n.kind, entity_type: 'outcome', entity_id: n.outcomeId,
    actor_id: n.actorId ?? null, created_at: now,
  })));
}
