// Demo records: the outcomes of seeds/demo/outcomes.json (written as field partners write them),
// put into the states they are in, with the transitions that led there. Later modules add their
// records here too.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../server/http/types';
import type { Db } from '../server/db/knex';
import type { DemoIds } from './demo';
import { SEEDS_DIR } from '../server/core/paths';
import { toRow, OutcomeInput } from '../server/outcomes/representation';
import { checkOutcome } from '../server/outcomes/rules';
import { refreshEvidenceCount } from '../server/outcomes/repository';
import { seedDemoReview } from './demo-review';
import { seedDemoIndicators } from './demo-indicators';
import { seedDemoStories } from './demo-stories';
import { seedDemoInterop } from './demo-interop';
import { seedDemoPathways } from './demo-pathways';

/** `conclusion`: for a published outcome, the one it was published on (substantiated unless said). */
type DemoOutcome = OutcomeInput & { org: 'partner1' | 'partner2'; status: string; conclusion?: 'substantiated' | 'partly_substantiated' };

const PATH: Record<string, string[]> = {
  draft: ['draft'],
  submitted: ['draft', 'submitted'],
  under_review: ['draft', 'submitted', 'under_review'],
  substantiated: ['draft', 'submitted', 'under_review', 'substantiated'],
  partly_substantiated: ['draft', 'submitted', 'under_review', 'partly_substantiated'],
  not_substantiated: ['draft', 'submitted', 'under_review', 'not_substantiated'],
  published: ['draft', 'submitted', 'under_review', 'substantiated', 'published'],
};

/** A plausible moment after the change: a few weeks later, never in the future. */
function recordedAt(o: DemoOutcome, step: number): string {
  const [y, m = '06', d = '15'] = o.occurredOn.date.split('-');
  const t = Date.UTC(Number(y), Number(m) - 1, Number(d)) + (30 + step * 12) * 86400_000;
  return new Date(Math.min(t, Date.now() - (10 - step) * 3600_000)).toISOString();
}

export async function seedDemoOutcomes(app: AppContext, db: Db, ids: DemoIds): Promise<void> {
  if (await db('outcomes').whereIn('organisation_id', [ids.orgs.partner1, ids.orgs.partner2]).first('id')) return;
  const items = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'demo', 'outcomes.json'), 'utf8')) as DemoOutcome[];
  const author = { partner1: ids.users['partner@oogst.test'], partner2: ids.users['partner2@oogst.test'] };
  const evaluator = ids.users['evaluator@oogst.test'];
  for (const item of items) {
    const { org, status, conclusion, ...input } = item;
    await checkOutcome(db, input, ids.orgs[org]);
    const id = randomUUID();
    const steps = status === 'published' && conclusion ? [...PATH.under_review, conclusion, 'published'] : PATH[status];
    const at = steps.map((_s, i) => recordedAt(item, i));
    await db('outcomes').insert({
      id, organisation_id: ids.orgs[org], created_by: author[org], status, ...toRow(app.keyring, input),
      created_at: at[0], updated_at: at[at.length - 1], submitted_at: steps.includes('submitted') ? at[1] : null,
      published_at: status === 'published' ? at[at.length - 1] : null,
    });
    await db('outcome_goals').insert(input.goals.map((g) => ({ outcome_id: id, goal_code: g.code, is_primary: !!g.primary })));
    await db('transitions').insert(steps.map((to, i) => ({
      entity_type: 'outcome', entity_id: id, from_status: i ? steps[i - 1] : null, to_status: to,
      actor_id: to === 'draft' || to === 'submitted' ? author[org] : evaluator, at: at[i],
      comment: ['substantiated', 'partly_substantiated', 'not_substantiated'].includes(to) ? 'Reviewed against the substantiators’ answers.' : null,
    })));
  }
}

export async function seedDemoRecords(app: AppContext, db: Db, ids: DemoIds): Promise<void> {
  await seedDemoOutcomes(app, db, ids);
  await seedDemoPathways(db, ids);
  await seedDemoReview(app, db, ids);
  await seedDemoStories(app, db, ids);
  await seedDemoIndicators(db, ids);
  await seedDemoInterop(db, ids);
  await refreshEvidenceCount(db); // demo records are inserted directly, so count their evidence once
}
