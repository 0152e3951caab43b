// Demo research: the themes codebook, ten sources (focus groups, interviews, reports, a survey,
// radio and press monitoring) of the two partners and the evaluation team, 46 coded fragments
// from them (seeds/demo/fragments.json), and the evidence links from demo outcomes — found by
// title and organisation — to those fragments and to stories. The people quoted are invented.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../server/http/types';
import type { Db } from '../server/db/knex';
import type { DemoIds } from './demo';
import { SEEDS_DIR } from '../server/core/paths';
import { toRow, FragmentInput } from '../server/fragments/representation';
import { sealFragmentRow } from '../server/fragments/repository';

type Org = 'partner1' | 'partner2' | 'evaluator';
type DemoSource = { key: string; org: Org; title: string; type: string; author: string; year: number; url?: string; confidentiality: string };
type DemoFragment = Omit<FragmentInput, 'sourceId'> & { source: string; status: 'draft' | 'submitted' | 'published'; outcome: string; outcomeOrg: 'partner1' | 'partner2'; relation: string };
type DemoData = {
  themes: Array<{ code: string; name: string; description: string; parentCode?: string }>; sources: DemoSource[]; fragments: DemoFragment[];
  storyLinks: Array<{ story: string; outcome: string; outcomeOrg: 'partner1' | 'partner2'; relation: string }>;
};

const EMAIL: Record<Org, string> = { partner1: 'partner@oogst.test', partner2: 'partner2@oogst.test', evaluator: 'evaluator@oogst.test' };
const at = (year: number, n: number) => new Date(Math.min(Date.UTC(year, 5, 1) + n * 5 * 86400_000, Date.now() - 3600_000)).toISOString();

/** The demo outcome with this title, of this partner; the seed stops if the outcomes file changed. */
async function outcomeId(db: Db, ids: DemoIds, title: string, org: 'partner1' | 'partner2'): Promise<string> {
  const o = await db('outcomes').where({ title, organisation_id: ids.orgs[org] }).first('id');
  if (!o) throw new Error(`demo fragments name an outcome that is not in the demo: ${title}`);
  return o.id;
}

async function seedSources(db: Db, ids: DemoIds, data: DemoData): Promise<Map<string, { id: string; title: string; org: Org }>> {
  const out = new Map<string, { id: string; title: string; org: Org }>();
  for (const [i, s] of data.sources.entries()) {
    const id = randomUUID();
    const when = at(s.year, i);
    await db('sources').insert({
      id, organisation_id: ids.orgs[s.org], programme_id: ids.programmeId, title: s.title, author: s.author, year: s.year, type: s.type,
      url: s.url ?? null, confidentiality: s.confidentiality, created_by: ids.users[EMAIL[s.org]], created_at: when, updated_at: when,
    });
    out.set(s.key, { id, title: s.title, org: s.org });
  }
  return out;
}

async function seedFragment(app: AppContext, db: Db, ids: DemoIds, f: DemoFragment, source: { id: string; title: string; org: Org }, n: number): Promise<string> {
  const id = randomUUID();
  const author = ids.users[EMAIL[source.org]];
  const evaluator = ids.users['evaluator@oogst.test'];
  // the evaluation team's own fragments go straight to published; partners' are submitted first
  const steps = source.org === 'evaluator' && f.status === 'published' ? ['draft', 'published'] : ['draft', 'submitted', 'published'].slice(0, ['draft', 'submitted', 'published'].indexOf(f.status) + 1);
  const times = steps.map((_s, i) => at(2024, n + i * 2));
  const { source: _s, status, outcome: _o, outcomeOrg: _g, relation: _r, ...input } = f;
  await db('fragments').insert({
    id, source_id: source.id, organisation_id: ids.orgs[source.org], programme_id: ids.programmeId, created_by: author, status,
    ...await sealFragmentRow(db, app.keyring, id, toRow(app.keyring, { ...input, sourceId: source.id }, source.title)), created_at: times[0], updated_at: times[times.length - 1],
    submitted_at: steps.includes('submitted') ? times[1] : null, published_at: status === 'published' ? times[times.length - 1] : null,
  });
  if (f.goals?.length) await db('fragment_goals').insert(f.goals.map((g) => ({ fragment_id: id, goal_code: g.code, is_primary: !!g.primary })));
  if (f.themes?.length) await db('fragment_themes').insert(f.themes.map((code) => ({ fragment_id: id, theme_code: code })));
  await db('transitions').insert(steps.map((to, i) => ({
    entity_type: 'fragment', entity_id: id, from_status: i ? steps[i - 1] : null, to_status: to, actor_id: to === 'published' ? evaluator : author, at: times[i],
  })));
  return id;
}

export async function seedDemoFragments(app: AppContext, db: Db, ids: DemoIds, stories: Map<string, string>): Promise<void> {
  const data = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'demo', 'fragments.json'), 'utf8')) as DemoData;
  const evaluator = ids.users['evaluator@oogst.test'];
  const now = at(2025, 0);
  for (const t of data.themes) {
    await db('themes').insert({ code: t.code, name: t.name, description: t.description, parent_code: t.parentCode ?? null, created_by: evaluator, created_at: now, updated_at: now })
      .onConflict('code').ignore();
  }
  const sources = await seedSources(db, ids, data);
  for (const [n, f] of data.fragments.entries()) {
    const id = await seedFragment(app, db, ids, f, sources.get(f.source)!, n);
    const outcome = await outcomeId(db, ids, f.outcome, f.outcomeOrg);
    await db('evidence_links').insert({ id: randomUUID(), outcome_id: outcome, fragment_id: id, relation: f.relation, created_by: evaluator, created_at: at(2025, n) });
  }
  for (const [n, l] of data.storyLinks.entries()) {
    const story = stories.get(l.story);
    if (!story) throw new Error(`demo evidence link names an unknown story ${l.story}`);
    const outcome = await outcomeId(db, ids, l.outcome, l.outcomeOrg);
    await db('evidence_links').insert({ id: randomUUID(), outcome_id: outcome, story_id: story, relation: l.relation, created_by: evaluator, created_at: at(2025, n) });
  }
}
