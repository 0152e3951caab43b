// Demo outcome chains (seeds/demo/pathways.json): Mali's national steering committee opening the
// way for Mopti's council and its budget, a cross-border chain from Chad to Gedaref and back that
// the evaluator linked, and setbacks that work against earlier gains. Each end is found by the
// start of its outcome's title, so the file reads as the partners' own words.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Db } from '../server/db/knex';
import type { DemoIds } from './demo';
import { SEEDS_DIR } from '../server/core/paths';

type DemoLink = { from: string; to: string; relation: 'contributes_to' | 'counteracts'; by: 'partner1' | 'partner2' | 'evaluator' };

export async function seedDemoPathways(db: Db, ids: DemoIds): Promise<void> {
  const { links } = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'demo', 'pathways.json'), 'utf8')) as { links: DemoLink[] };
  const outcomes: Array<{ id: string; title: string; created_at: string }> = await db('outcomes')
    .whereIn('organisation_id', [ids.orgs.partner1, ids.orgs.partner2]).select('id', 'title', 'created_at');
  if (await db('outcome_links').whereIn('source_id', outcomes.map((o) => o.id)).first('id')) return; // seeded before
  const find = (start: string) => {
    const found = outcomes.filter((o) => o.title.startsWith(start));
    if (found.length !== 1) throw new Error(`demo pathways: ${found.length} outcomes start with "${start}"`);
    return found[0];
  };
  const by = { partner1: ids.users['partner@oogst.test'], partner2: ids.users['partner2@oogst.test'], evaluator: ids.users['evaluator@oogst.test'] };
  await db('outcome_links').insert(links.map((l) => {
    const [source, target] = [find(l.from), find(l.to)];
    // recorded once both outcomes were
    return { id: randomUUID(), source_id: source.id, target_id: target.id, relation: l.relation, created_by: by[l.by], created_at: [source.created_at, target.created_at].sort()[1] };
  }));
}
