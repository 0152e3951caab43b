// Demo rubrics (seeds/demo/rubrics.json): qualitative indicators of the two demo partners — women's
// voice in local peace committees, and how institutions respond to threats against women
// human-rights defenders — with four levels in English, French, Arabic and Dutch, and a score per
// year with its reason and its evidence: demo outcomes (found by title and organisation), stories
// (by key) and fragments (by source and locator). Some evidence is a draft or restricted, so the
// partner, the evaluator and the donor each see a different part of it, as they would.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Db } from '../server/db/knex';
import type { DemoIds } from './demo';
import { SEEDS_DIR } from '../server/core/paths';
import { checkIndicator, checkValues } from '../server/indicators/rules';
import { setEvidence } from '../server/indicators/evidence';
import { levelToRow, RUBRIC_SHAPE, toRow, valueToRow, type EvidenceRef, type IndicatorInput, type ValueInput } from '../server/indicators/representation';

type Org = 'partner1' | 'partner2';
type DemoEvidence = { outcome: string; org: Org } | { story: string } | { fragment: string; locator: string };
type DemoScore = { periodStart: string; periodEnd: string; level: number; status: 'draft' | 'validated'; reason: string; evidence?: DemoEvidence[] };
type DemoRubric = Omit<IndicatorInput, 'unit' | 'direction'> & { owner: Org; scores: DemoScore[] };

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'demo', file), 'utf8')) as T;

/** The demo record a score names; the seed stops if the demo files changed under it. */
async function evidenceRef(db: Db, ids: DemoIds, e: DemoEvidence, stories: Map<string, { title: string; org: Org }>): Promise<EvidenceRef> {
  const found = 'outcome' in e
    ? await db('outcomes').where({ title: e.outcome, organisation_id: ids.orgs[e.org] }).first('id')
    : 'story' in e
      ? stories.get(e.story) && await db('stories').where({ title: stories.get(e.story)!.title, organisation_id: ids.orgs[stories.get(e.story)!.org] }).first('id')
      : await db('fragments as f').join('sources as s', 's.id', 'f.source_id').where({ 'f.locator': e.locator, 'f.programme_id': ids.programmeId })
        .whereIn('s.title', read<{ sources: Array<{ key: string; title: string }> }>('fragments.json').sources.filter((s) => s.key === e.fragment).map((s) => s.title)).first('f.id as id');
  if (!found) throw new Error(`a demo rubric names evidence that is not in the demo: ${JSON.stringify(e)}`);
  return { kind: 'outcome' in e ? 'outcome' : 'story' in e ? 'story' : 'fragment', id: found.id };
}

export async function seedDemoRubrics(db: Db, ids: DemoIds, now: string): Promise<void> {
  const stories = new Map(read<Array<{ key: string; title: string; org: Org }>>('stories.json').map((s) => [s.key, { title: s.title, org: s.org }]));
  for (const d of read<DemoRubric[]>('rubrics.json')) {
    if (await db('indicators').where({ code: d.code }).first('id')) continue;
    const { owner, scores, ...rest } = d;
    const input: IndicatorInput = { ...RUBRIC_SHAPE, ...rest, disaggregations: [], kind: 'rubric', iatiMeasure: 4 };
    await checkIndicator(db, input);
    const id = randomUUID();
    const author = ids.users[owner === 'partner1' ? 'partner@oogst.test' : 'partner2@oogst.test'];
    await db('indicators').insert({ id, ...toRow(input), programme_id: ids.programmeId, organisation_id: ids.orgs[owner], created_by: author, created_at: now, updated_at: now });
    await db('indicator_goals').insert((input.goals ?? []).map((g) => ({ indicator_id: id, goal_code: g })));
    await db('indicator_levels').insert((input.levels ?? []).map((l) => levelToRow(id, l)));
    const values: ValueInput[] = scores.map((s) => ({ periodStart: s.periodStart, periodEnd: s.periodEnd, value: s.level, status: s.status, reason: s.reason }));
    await checkValues(db, { id, disaggregations: [], kind: 'rubric', levels: input.levels }, values, (k) => `/${d.code}/${k}`);
    for (const [k, s] of scores.entries()) {
      const valueId = randomUUID();
      await db('indicator_values').insert({ id: valueId, indicator_id: id, ...valueToRow(values[k]), organisation_id: ids.orgs[owner], created_by: author, created_at: now, updated_at: now });
      await setEvidence(db, valueId, await Promise.all((s.evidence ?? []).map((e) => evidenceRef(db, ids, e, stories))));
    }
  }
}
