// The demo's rubrics: two qualitative indicators with four levels in every interface language,
// scored over four validated years with reasons and evidence; each demo user sees the part of the
// evidence they may open; the change-over-time chart carries both; seeding again adds nothing.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { demoClient } from '../helpers/demo';
import { seedDemo } from '../../seeds/demo';

jest.setTimeout(60_000);

let t: TestApp;
const as = (email: string) => demoClient(t, email);
const CODES = ['WLP-ML-COMMITTEE-VOICE', 'WLP-WHRD-RESPONSE'];
type Value = { value: number; status: string; reason: string; evidence: Array<{ kind: string; id: string }> };

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.ctx);
});
afterAll(() => t.close());

const rubric = async (c: Client, code: string) => (await c.get(`/api/indicators?code=${code}`)).body.items[0];
const scores = async (c: Client, id: string) => (await c.get(`/api/indicators/${id}/values?sort=periodEnd`)).body.items as Value[];

test('the demo donor reads both rubrics: four translated levels, four validated years with reasons, and only evidence they may open', async () => {
  const donor = await as('donor@oogst.test');
  const evaluator = await as('evaluator@oogst.test');
  for (const code of CODES) {
    const i = await rubric(donor, code);
    expect(i).toMatchObject({ kind: 'rubric', programme: { id: expect.any(String) } });
    expect(i.levels).toHaveLength(4);
    for (const l of i.levels) expect(Object.keys(l.labels).sort()).toEqual(['ar', 'fr', 'nl']);
    const theirs = await scores(donor, i.id);
    expect(theirs.map((v) => v.status)).toEqual(['validated', 'validated', 'validated', 'validated']);
    expect(theirs.every((v) => v.reason.length > 40)).toBe(true);
    const all = (await scores(evaluator, i.id)).flatMap((v) => v.evidence.map((e) => e.id));
    const seen = theirs.flatMap((v) => v.evidence.map((e) => e.id));
    expect(seen.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(seen.length); // work in review and restricted records stay with those who may see them
    for (const e of theirs.flatMap((v) => v.evidence)) {
      expect((await donor.get(`/api/${e.kind === 'story' ? 'stories' : `${e.kind}s`}/${e.id}`)).status).toBe(200);
    }
  }
  const timeline = await donor.get('/api/dashboard/timeline?bucket=year&from=2021-01-01&to=2026-12-31');
  const lines = timeline.body.indicators.filter((x: { kind: string }) => x.kind === 'rubric');
  expect(lines.map((x: { code: string }) => x.code).sort()).toEqual(CODES);
  expect(lines.every((x: { scores: unknown[] }) => x.scores.length === 4)).toBe(true);
});

test('the partner sees its own draft score of 2026 as well; seeding again adds no rubric', async () => {
  const partner = await as('partner@oogst.test');
  const i = await rubric(partner, CODES[0]);
  expect((await scores(partner, i.id)).map((v) => [v.value, v.status]).at(-1)).toEqual([4, 'draft']);
  await seedDemo(t.ctx);
  expect(Number((await t.ctx.db('indicators').whereIn('code', CODES).count({ n: '*' }))[0].n)).toBe(2);
  expect(Number((await t.ctx.db('indicator_levels').count({ n: '*' }))[0].n)).toBe(8);
});

test("the harvest report names a rubric's baseline, target and latest score by their levels, in the reader's language", async () => {
  const donor = await as('donor@oogst.test');
  const harvest = (await donor.get('/api/harvests?pageSize=50')).body.items.find((h: { programme: { name: string } }) => /Women Lead Peace/.test(h.programme.name));
  for (const [lang, baseline] of [['en', 'Level 1 of 4: Women observe'], ['fr', 'Niveau 1 sur 4 : Les femmes observent']] as const) {
    const html = (await donor.get(`/api/harvests/${harvest.id}/report.html?lang=${lang}`)).text;
    const row = /<tr><th scope="row">[^<]*(?:voice|voix)[^<]*<\/th>(.*?)<\/tr>/i.exec(html)?.[1] ?? '';
    expect(row).toContain(baseline);
    expect(row).not.toMatch(/\d+ level\b/); // never "1 level", a number with the unit of a rubric
  }
});
