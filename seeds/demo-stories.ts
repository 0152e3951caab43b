// Demo stories of change: the stories of seeds/demo/stories.json (written as collected in the
// field, in French, English and Arabic), filed under the domains of change of the demo harvest,
// put into their states, and the selection rounds of seeds/demo/selection-rounds.json — partner
// level, then programme level — with the panels' reasons and the feedback to the storytellers.
// Then the research fragments (seeds/demo-fragments.ts). The people named are invented.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../server/http/types';
import type { Db } from '../server/db/knex';
import type { DemoIds } from './demo';
import { SEEDS_DIR } from '../server/core/paths';
import { consentColumns } from '../server/domain/consent';
import { encrypt } from '../server/crypto/fields';
import { toRow, StoryInput } from '../server/stories/representation';
import { checkStory } from '../server/stories/rules';
import { sealStoryRow, sealTranslationRow } from '../server/stories/repository';
import { recordKey, seal } from '../server/crypto/record-keys';
import { seedDemoFragments } from './demo-fragments';

type DemoStory = StoryInput & { key: string; org: 'partner1' | 'partner2'; status: 'draft' | 'submitted' | 'published'; translation?: { language: string; title: string; story: string; whySignificant?: string; translatedBy?: string } };
type DemoRound = {
  level: string; domain: string; heldOn: string; panel: Array<{ role: string; count?: number }>; stories: string[]; selected: string;
  reasons: string; dissent?: string; votes?: Record<string, number>; feedback?: { method: string; givenOn: string; note: string };
};

const HARVEST = 'Harvest 2024–2025';
const DOMAINS = [
  { code: 'participation-in-peace-processes', name: 'Participation in peace processes', description: 'Women taking part in, and shaping, the places where conflicts are settled and peace is negotiated.' },
  { code: 'protection-from-gender-based-violence', name: 'Protection from gender-based violence', description: 'Survivors reaching care and justice; the people who protect them doing so.' },
  { code: 'social-norms', name: 'Social norms', description: 'What families, communities and leaders say and do about women’s place in peace and security.' },
  { code: 'policies-and-institutions', name: 'Policies and institutions', description: 'Rules, budgets and institutions that change for women’s security and participation.' },
];

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'demo', file), 'utf8')) as T;
const day = (date: string, plus: number) => new Date(Math.min(Date.parse(`${date}T10:00:00Z`) + plus * 86400_000, Date.now() - 3600_000)).toISOString();

/** The demo harvest of the review module, or one of our own when that module has not seeded it. */
async function harvestOf(db: Db, ids: DemoIds): Promise<string> {
  const existing = await db('harvests').where({ programme_id: ids.programmeId, title: HARVEST }).first('id');
  if (existing) return existing.id;
  const id = randomUUID();
  const at = '2024-01-10T09:00:00.000Z';
  await db('harvests').insert({ id, programme_id: ids.programmeId, title: HARVEST, period_start: '2024-01-01', period_end: '2025-12-31', status: 'collecting', created_by: ids.users['evaluator@oogst.test'], created_at: at, updated_at: at });
  return id;
}

async function seedStories(app: AppContext, db: Db, ids: DemoIds, harvestId: string): Promise<Map<string, string>> {
  const author = { partner1: ids.users['partner@oogst.test'], partner2: ids.users['partner2@oogst.test'] };
  const evaluator = ids.users['evaluator@oogst.test'];
  const keys = new Map<string, string>();
  for (const { key, org, status, translation, ...input } of read<DemoStory[]>('stories.json')) {
    const story: StoryInput = { ...input, harvestId };
    await checkStory(db, story, ids.orgs[org]);
    const id = randomUUID();
    keys.set(key, id);
    const steps = ['draft', 'submitted', 'published'].slice(0, ['draft', 'submitted', 'published'].indexOf(status) + 1);
    const at = steps.map((_s, i) => day(input.collectedOn, 4 + i * 12));
    const translations = translation ? [{ title: translation.title, story: translation.story, why_significant: translation.whySignificant ?? null }] : [];
    await db('stories').insert({
      id, organisation_id: ids.orgs[org], created_by: author[org], status, ...await sealStoryRow(db, app.keyring, id, toRow(app.keyring, story, translations)),
      ...consentColumns(app.keyring, input.consent), created_at: at[0], updated_at: at[at.length - 1],
      submitted_at: at[1] ?? null, published_at: at[2] ?? null,
    });
    await db('story_goals').insert(input.goals.map((g) => ({ story_id: id, goal_code: g.code, is_primary: !!g.primary })));
    if (translation) {
      await db('story_translations').insert(await sealTranslationRow(db, app.keyring, id, {
        id: randomUUID(), story_id: id, language: translation.language, title: translation.title, story: translation.story,
        why_significant: translation.whySignificant ?? null, translated_by_enc: translation.translatedBy ? encrypt(app.keyring, translation.translatedBy) : null,
        created_by: author[org], created_at: at[0],
      }));
    }
    await db('transitions').insert(steps.map((to, i) => ({
      entity_type: 'story', entity_id: id, from_status: i ? steps[i - 1] : null, to_status: to, actor_id: to === 'published' ? evaluator : author[org], at: at[i],
    })));
  }
  return keys;
}

async function seedRounds(app: AppContext, db: Db, ids: DemoIds, harvestId: string, keys: Map<string, string>): Promise<void> {
  const evaluator = ids.users['evaluator@oogst.test'];
  for (const r of read<DemoRound[]>('selection-rounds.json')) {
    const id = randomUUID();
    const story = (key: string) => keys.get(key) ?? (() => { throw new Error(`demo round names an unknown story ${key}`); })();
    await db('selection_rounds').insert({
      id, level: r.level, domain: r.domain, harvest_id: harvestId, panel: JSON.stringify(r.panel), selected_story_id: story(r.selected),
      reasons: r.reasons, dissent: r.dissent ?? null, held_on: r.heldOn, recorded_by: evaluator, created_at: day(r.heldOn, 1),
    });
    await db('selection_round_stories').insert(r.stories.map((k) => ({ round_id: id, story_id: story(k), selected: k === r.selected, votes: r.votes?.[k] ?? null })));
    const feedback = r.feedback;
    if (feedback) {
      for (const k of r.stories) {
        await db('selection_feedback').insert({
          id: randomUUID(), round_id: id, story_id: story(k), given_on: feedback.givenOn, method: feedback.method,
          note: seal(await recordKey(db, app.keyring, 'story', story(k)), feedback.note), recorded_by: evaluator, created_at: day(feedback.givenOn, 1),
        });
      }
    }
  }
}

export async function seedDemoStories(app: AppContext, db: Db, ids: DemoIds): Promise<void> {
  if (await db('stories').whereIn('organisation_id', [ids.orgs.partner1, ids.orgs.partner2]).first('id')) return;
  const harvestId = await harvestOf(db, ids);
  const known = new Set(await db('change_domains').where({ harvest_id: harvestId }).pluck('code'));
  const fresh = DOMAINS.filter((d) => !known.has(d.code));
  if (fresh.length) {
    await db('change_domains').insert(fresh.map((d, i) => ({ id: randomUUID(), harvest_id: harvestId, ...d, position: known.size + i, created_by: ids.users['evaluator@oogst.test'], created_at: '2024-01-10T09:00:00.000Z' })));
  }
  const keys = await seedStories(app, db, ids, harvestId);
  await seedRounds(app, db, ids, harvestId, keys);
  await seedDemoFragments(app, db, ids, keys);
}
