// Data of the dashboard benchmark beyond the outcomes: stories and fragments (when their tables
// exist) tagged to goals, and a million indicator values — 40 global series by country and year
// since 1990, and 20 monthly indicators in each of 48 programmes (the demo programme among them),
// ten countries each. Deterministic, inserted in large transactions, skipped when already there.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { DemoIds } from '../seeds/demo';
import { rng } from './lib';

const NAP_SUBGOALS = ['NL-IV-1.1', 'NL-IV-1.2', 'NL-IV-1.3', 'NL-IV-2.1', 'NL-IV-2.2', 'NL-IV-3.1', 'NL-IV-3.2', 'NL-IV-4.1', 'NL-IV-4.2', 'NL-IV-5.1', 'NL-IV-5.4'];
const OTHER_GOALS = ['PART', 'PREV', 'PROT', 'RR', 'SDG5', 'SDG16', 'GAP3-1', 'GAP3-4', 'WPSI-INC'];
const COUNTRIES = ['ML', 'BF', 'NE', 'TD', 'SD', 'SS', 'SO', 'ET', 'CD', 'BI', 'RW', 'UG', 'NG', 'MR', 'IQ', 'SY', 'YE', 'LB', 'LY', 'CO',
  'UA', 'AF', 'PS', 'CF', 'CM', 'KE', 'MZ', 'MM', 'PH', 'GT', 'HN', 'SV', 'VE', 'HT', 'ER', 'DJ', 'EG', 'TN', 'JO', 'DZ'];
const now = new Date().toISOString();
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

async function insertAll(db: Knex, table: string, rows: Record<string, unknown>[], chunk = 400): Promise<void> {
  for (let k = 0; k < rows.length; k += 20_000) {
    await db.transaction(async (trx) => { await trx.batchInsert(table, rows.slice(k, k + 20_000), chunk); });
  }
}

export async function insertEvidence(db: Knex, demo: DemoIds, n: number): Promise<string> {
  if (!(await db.schema.hasTable('stories')) || !(await db.schema.hasTable('fragments'))) return 'no stories or fragments (tables absent)';
  const r = rng(7);
  const orgs = [demo.orgs.partner1, demo.orgs.partner2];
  const status = () => r.pick(['draft', 'submitted', 'published', 'published', 'published']);
  const day = () => `${r.int(2021, 2026)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
  const have = Number((await db('stories').where('title', 'like', 'Bench story %').count({ n: '*' }))[0].n);
  if (have < n) {
    const stories: Record<string, unknown>[] = [];
    const goals: Record<string, unknown>[] = [];
    for (let i = have; i < n; i++) {
      const id = randomUUID();
      const s = status();
      stories.push({
        id, organisation_id: orgs[i % 2], status: s, title: `Bench story ${i}`, story: 'Before the dialogue sessions the women of the village were not invited to the council. Now two of them speak there.',
        why_significant: 'It is the first time.', domain: r.pick(['any-other-change', 'negative-change', 'participation']), collected_on: day(), country: r.pick(COUNTRIES.slice(0, 12)),
        language: r.pick(['fr', 'en', 'ar']), consent_level: r.pick(['named', 'anonymous', 'anonymous', 'internal_only']), sensitivity: r.next() < 0.85 ? 'public' : 'restricted',
        search_text: 'before the dialogue sessions the women', created_at: now, updated_at: now, published_at: s === 'published' ? now : null,
      });
      goals.push({ story_id: id, goal_code: r.pick(NAP_SUBGOALS), is_primary: true });
    }
    await insertAll(db, 'stories', stories, 150);
    await insertAll(db, 'story_goals', goals);
  }
  const haveF = Number((await db('sources').where('title', 'like', 'Bench source %').count({ n: '*' }))[0].n);
  if (!haveF) {
    const sources = Array.from({ length: 200 }, (_x, i) => ({
      id: randomUUID(), organisation_id: orgs[i % 2], programme_id: demo.programmeId, title: `Bench source ${i}`, year: r.int(2021, 2026),
      type: r.pick(['interview', 'focus_group', 'report', 'survey_answer', 'media']), confidentiality: r.next() < 0.8 ? 'public' : 'internal', created_at: now, updated_at: now,
    }));
    await insertAll(db, 'sources', sources);
    const fragments: Record<string, unknown>[] = [];
    const goals: Record<string, unknown>[] = [];
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const src = sources[i % sources.length];
      const speaker = r.next() < 0.6;
      fragments.push({
        id, source_id: src.id, organisation_id: src.organisation_id, programme_id: demo.programmeId, status: status(), excerpt: 'The women mediators were asked to come back next month.',
        locator: `p. ${r.int(1, 40)}`, has_speaker: speaker, consent_level: speaker ? r.pick(['named', 'anonymous', 'internal_only']) : null, language: r.pick(['fr', 'en', 'ar']),
        country: r.pick(COUNTRIES.slice(0, 12)), sensitivity: r.next() < 0.85 ? 'public' : 'restricted', search_text: 'women mediators', created_at: now, updated_at: now,
      });
      goals.push({ fragment_id: id, goal_code: r.pick(NAP_SUBGOALS), is_primary: true });
    }
    await insertAll(db, 'fragments', fragments, 150);
    await insertAll(db, 'fragment_goals', goals);
  }
  return `${n} stories and ${n} fragments`;
}

type Indicator = { id: string; programme: string | null; org: string | null; series: string[]; every: 'year' | 'month' };

async function indicators(db: Knex, demo: DemoIds): Promise<Indicator[]> {
  const r = rng(11);
  const programmes = [demo.programmeId];
  for (let p = 1; p < 48; p++) {
    const id = randomUUID();
    await db('programmes').insert({ id, name: `Bench programme ${p}`, created_at: now, updated_at: now });
    programmes.push(id);
  }
  const out: Indicator[] = [];
  for (let i = 0; i < 40; i++) out.push({ id: randomUUID(), programme: null, org: null, series: COUNTRIES, every: 'year' });
  for (const [k, p] of programmes.entries()) {
    for (let i = 0; i < 20; i++) {
      const org = k === 0 && i < 10 ? [demo.orgs.partner1, demo.orgs.partner2][i % 2] : null;
      out.push({ id: randomUUID(), programme: p, org, series: COUNTRIES.slice((k + i) % 30, ((k + i) % 30) + 10), every: 'month' });
    }
  }
  await insertAll(db, 'indicators', out.map((x, i) => ({
    id: x.id, code: `BENCH-${i}`, name: `Bench indicator ${i}`, unit: x.every === 'year' ? 'percent' : 'people', direction: 'increase',
    disaggregations: '["country"]', targets: '[]', programme_id: x.programme, organisation_id: x.org, created_at: now, updated_at: now,
  })));
  await insertAll(db, 'indicator_goals', out.map((x) => ({ indicator_id: x.id, goal_code: r.next() < 0.6 ? r.pick(NAP_SUBGOALS) : r.pick(OTHER_GOALS) })));
  return out;
}

export async function insertIndicatorValues(db: Knex, demo: DemoIds, target: number): Promise<string> {
  if (await db('indicators').where('code', 'BENCH-0').first('id')) return 'indicator values were there';
  const r = rng(13);
  const all = await indicators(db, demo);
  const global = all.filter((x) => x.every === 'year');
  const perMonthly = Math.ceil((target - global.length * 37 * COUNTRIES.length) / ((all.length - global.length) * 10));
  let rows: Record<string, unknown>[] = [];
  let total = 0;
  const flush = async () => { await insertAll(db, 'indicator_values', rows, 400); total += rows.length; rows = []; };
  for (const x of all) {
    for (const country of x.series) {
      const n = x.every === 'year' ? 37 : perMonthly;
      for (let k = 0; k < n && total + rows.length < target; k++) {
        // yearly since 1990; monthly back from October 2026
        const month = 2026 * 12 + 9 - (n - 1 - k);
        const y = x.every === 'year' ? 1990 + k : Math.floor(month / 12);
        const m = x.every === 'year' ? 1 : (month % 12) + 1;
        const start = `${y}-${pad(m)}-01`;
        const end = x.every === 'year' ? `${y}-12-31` : `${y}-${pad(m)}-${pad(lastDay(y, m))}`;
        rows.push({
          id: randomUUID(), indicator_id: x.id, period_start: start, period_end: end, value: Math.round(r.next() * 1000) / 10,
          disaggregation: JSON.stringify({ country }), country, organisation_id: x.org, status: r.next() < 0.9 ? 'validated' : 'draft', created_at: now, updated_at: now,
        });
      }
      if (rows.length >= 50_000) await flush();
    }
  }
  await flush();
  return `${all.length} indicators`;
}
