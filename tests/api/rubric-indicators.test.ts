// Rubric indicators: a qualitative indicator whose value is a level of an ordered scale, scored per
// period with the reason and the evidence (outcomes, stories, fragments) it rests on. Creating one,
// what a score may be, evidence the scorer may not see, what a donor receives (never the id of a
// record they cannot open), progress against baseline and target levels, the change-over-time
// chart, and the scale locked once a period is scored.
import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp, Client } from '../helpers/app';
import { outcomeIn } from '../helpers/review';
import { newStory, publish } from '../helpers/stories';

let t: TestApp;
let p1: Client, ev: Client, evB: Client, donor: Client, donorB: Client, admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  [p1, ev, evB, donor, donorB, admin] = await Promise.all((['partner1', 'evaluator', 'evaluatorB', 'donor', 'donorB', 'admin'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

const LEVELS = [
  { level: 1, label: 'Women observe', descriptor: 'Women attend the committee but do not speak.', labels: { fr: 'Les femmes observent', ar: 'النساء يراقبن' } },
  { level: 2, label: 'Women speak', descriptor: 'Women speak in the committee when invited.' },
  { level: 3, label: 'Women propose', descriptor: 'Women put items on the agenda.', descriptors: { nl: 'Vrouwen zetten punten op de agenda.' } },
  { level: 4, label: 'Women decide', descriptor: 'Women take part in the committee\'s decisions.' },
];
let seq = 0;
const rubricBody = (over: Record<string, unknown> = {}) => ({
  kind: 'rubric', code: `R-${++seq}`, name: "Women's voice in local peace committees", goals: ['NL-IV-1.1'], levels: LEVELS,
  baseline: { value: 1, date: '2021-01-01' }, targets: [{ value: 3, date: '2024-12-31' }, { value: 4, date: '2026-12-31' }],
  programmeId: t.world.programmes.A, ...over,
});
async function newRubric(c: Client = ev, over: Record<string, unknown> = {}) {
  const r = await c.post('/api/indicators', rubricBody(over));
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return r.body as { id: string; code: string };
}
const score = (year: number, level: unknown, over: Record<string, unknown> = {}) => ({
  periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, value: level, reason: `Committee minutes of ${year}.`, ...over,
});
const paths = (r: { body: { errors: Array<{ path: string }> } }) => r.body.errors.map((e) => e.path);
const codes = (r: { body: { errors: Array<{ code?: string }> } }) => r.body.errors.map((e) => e.code);
const valueCount = async (id: string) => Number((await t.ctx.db('indicator_values').where({ indicator_id: id }).count({ n: '*' }))[0].n);

describe('recording a rubric', () => {
  test('when an evaluator records one, then it is read back with its levels in order, translations and the shape of a rubric', async () => {
    const r = await ev.post('/api/indicators', rubricBody());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'rubric', unit: 'level', direction: 'increase', disaggregations: [], aggregation: 'none', wholeNumbers: true, iatiMeasure: 4 });
    expect(r.body.levels).toEqual(LEVELS);
    const seen = await donor.get(`/api/indicators/${r.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.levels.map((l: { label: string }) => l.label)).toEqual(['Women observe', 'Women speak', 'Women propose', 'Women decide']);
    expect((await donorB.get(`/api/indicators/${r.body.id}`)).status).toBe(404);
    const listed = (await donor.get(`/api/indicators?code=${r.body.code}`)).body.items[0];
    expect(listed).toMatchObject({ kind: 'rubric', levels: expect.any(Array) });
  });

  test('when a number is recorded as before, then it is a number and has no levels', async () => {
    const r = await admin.post('/api/indicators', { code: `N-${++seq}`, name: 'Women mediators', unit: 'women', direction: 'increase' });
    expect(r.status).toBe(201);
    expect(r.body.kind).toBe('number');
    expect(r.body).not.toHaveProperty('levels');
  });

  test.each([
    ['a rubric without levels', { levels: undefined }, '/levels'],
    ['a rubric with one level', { levels: [LEVELS[0]] }, '/levels'],
    ['a rubric with eight levels', { levels: Array.from({ length: 8 }, (_, k) => ({ level: Math.min(k + 1, 7), label: `L${k}`, descriptor: 'd' })) }, '/levels'],
    ['a rubric with a unit', { unit: 'women' }, '/unit'],
    ['a rubric with breakdowns', { disaggregations: ['sex'] }, '/disaggregations'],
    ['a level without a descriptor', { levels: [LEVELS[0], { level: 2, label: 'Women speak' }] }, '/levels/1/descriptor'],
    ['a level in a language the interface does not have', { levels: [{ ...LEVELS[0], labels: { es: 'Observan' } }, LEVELS[1]] }, '/levels/0/labels/es'],
    ['a number with levels', { kind: 'number', unit: 'women', direction: 'increase' }, '/levels'],
  ])('when %s is recorded, then 400 naming the field', async (_n, over, path) => {
    const r = await ev.post('/api/indicators', rubricBody(over));
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 400, code: 'validation_failed' });
    expect(paths(r)).toContain(path);
  });

  test.each([
    ['levels out of order', { levels: [LEVELS[0], LEVELS[2], LEVELS[1], LEVELS[3]] }, ['/levels/1/level', '/levels/2/level']],
    ['a baseline above the top level', { baseline: { value: 5, date: '2021-01-01' } }, ['/baseline/value']],
    ['a target between two levels', { targets: [{ value: 2.5, date: '2024-12-31' }] }, ['/targets/0/value']],
  ])('when %s, then 422 naming each field', async (_n, over, expected) => {
    const r = await ev.post('/api/indicators', rubricBody(over));
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'unprocessable' });
    expect(paths(r)).toEqual(expected);
  });
});

describe('scoring a period', () => {
  test.each([
    ['level 0', score(2022, 0), '/value', 'not_a_level'],
    ['level n+1', score(2022, 5), '/value', 'not_a_level'],
    ['level 2.5', score(2022, 2.5), '/value', 'not_a_level'],
    ['no reason', { ...score(2022, 2), reason: undefined }, '/reason', 'required'],
    ['a blank reason', score(2022, 2, { reason: '   ' }), '/reason', 'required'],
    ['a breakdown', score(2022, 2, { disaggregation: { country: 'ML' } }), '/disaggregation', 'no_breakdowns'],
  ])('when a score has %s, then 422 naming the field and nothing is saved', async (_n, body, path, code) => {
    const i = await newRubric();
    const r = await ev.post(`/api/indicators/${i.id}/values`, body);
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'unprocessable' });
    expect(r.body.errors).toEqual([expect.objectContaining({ path, code })]);
    expect(await valueCount(i.id)).toBe(0);
  });

  test('when a batch of scores has bad rows, then every bad row is named and none is saved', async () => {
    const i = await newRubric();
    const r = await ev.post(`/api/indicators/${i.id}/values`, [score(2021, 1), score(2022, 0), { ...score(2023, 3), reason: undefined }, score(2024, 'high')]);
    expect(r.status).toBe(400); // "high" is not a number at all: the schema refuses it first
    expect(paths(r)).toEqual(['/3/value']);
    const r2 = await ev.post(`/api/indicators/${i.id}/values`, [score(2021, 1), score(2022, 0), { ...score(2023, 3), reason: undefined }]);
    expect({ status: r2.status, paths: paths(r2) }).toEqual({ status: 422, paths: ['/1/value', '/2/reason'] });
    expect(await valueCount(i.id)).toBe(0);
  });

  test('when a score names evidence the scorer may not see, then 422 naming each one and nothing is saved', async () => {
    const i = await newRubric();
    const draft = await outcomeIn({ partner: p1, evaluator: ev }, 'draft'); // a partner's draft: not for its evaluators yet
    const submitted = await outcomeIn({ partner: p1, evaluator: ev }, 'submitted');
    const r = await ev.post(`/api/indicators/${i.id}/values`, score(2022, 2, {
      evidence: [{ kind: 'outcome', id: submitted }, { kind: 'outcome', id: draft }, { kind: 'story', id: randomUUID() }, { kind: 'fragment', id: submitted }],
    }));
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'unprocessable' });
    expect(paths(r)).toEqual(['/evidence/1/id', '/evidence/2/id', '/evidence/3/id']);
    expect(new Set(codes(r))).toEqual(new Set(['unknown_evidence']));
    expect(await valueCount(i.id)).toBe(0);
  });

  test('a number takes no reason and no evidence; a rubric is scored by the same people as a number is entered', async () => {
    const n = await admin.post('/api/indicators', { code: `N-${++seq}`, name: 'Women mediators', unit: 'women', direction: 'increase', programmeId: t.world.programmes.A });
    const r = await ev.post(`/api/indicators/${n.body.id}/values`, score(2022, 3));
    expect({ status: r.status, paths: paths(r), codes: codes(r) }).toEqual({ status: 422, paths: ['/reason'], codes: ['not_rubric'] });
    const i = await newRubric();
    expect((await donor.post(`/api/indicators/${i.id}/values`, score(2022, 2))).status).toBe(403);
    expect((await evB.post(`/api/indicators/${i.id}/values`, score(2022, 2))).status).toBe(404);
    expect((await p1.post(`/api/indicators/${i.id}/values`, score(2022, 2))).status).toBe(403); // the programme's, not the partner's own
  });
});

describe('what each reader receives', () => {
  let rubric: { id: string; code: string };
  let published: string, submitted: string, story: string, draftStory: string;
  beforeAll(async () => {
    const crew = { partner: p1, evaluator: ev };
    published = await outcomeIn(crew, 'published', { occurredOn: { date: '2023-05', precision: 'month' } });
    submitted = await outcomeIn(crew, 'submitted', { occurredOn: { date: '2024-02', precision: 'month' } });
    story = (await newStory(p1)).id;
    await publish('stories', story, p1, ev);
    draftStory = (await newStory(p1, { title: 'A story still in draft' })).id;
    await t.ctx.db('stories').where({ id: draftStory }).update({ status: 'submitted' }); // submitted: its evaluators see it, donors not
    rubric = await newRubric(ev, { goals: ['NL-IV-1.1'] });
    const made = await ev.post(`/api/indicators/${rubric.id}/values`, [
      score(2022, 1, { status: 'validated', evidence: [{ kind: 'outcome', id: published }] }),
      score(2023, 2, { status: 'validated', reason: 'Two women spoke at the **March** session.', evidence: [{ kind: 'story', id: story }, { kind: 'outcome', id: submitted }, { kind: 'story', id: draftStory }] }),
      score(2024, 3, { evidence: [{ kind: 'outcome', id: submitted }] }),
    ]);
    expect(made.status).toBe(201);
  });

  test('the scorer reads every score with its reason and all its evidence, titled, in the order given', async () => {
    const r = await ev.get(`/api/indicators/${rubric.id}/values?sort=periodEnd`);
    expect(r.body.items.map((v: { value: number }) => v.value)).toEqual([1, 2, 3]);
    expect(r.body.items[1]).toMatchObject({ reason: 'Two women spoke at the **March** session.', status: 'validated' });
    expect(r.body.items[1].evidence).toEqual([
      { kind: 'story', id: story, title: expect.any(String) }, { kind: 'outcome', id: submitted, title: expect.any(String) }, { kind: 'story', id: draftStory, title: 'A story still in draft' },
    ]);
  });

  test('a donor reads validated scores only, with only the evidence they may open — no id of anything else anywhere', async () => {
    const values = await donor.get(`/api/indicators/${rubric.id}/values?sort=periodEnd`);
    expect(values.body.items.map((v: { value: number }) => v.value)).toEqual([1, 2]);
    expect(values.body.items[1].evidence).toEqual([{ kind: 'story', id: story, title: expect.any(String) }]);
    const progress = await donor.get(`/api/indicators/${rubric.id}/progress`);
    const timeline = await donor.get('/api/dashboard/timeline?bucket=year&from=2021-01-01&to=2025-12-31');
    for (const text of [values.text, progress.text, timeline.text]) {
      expect(text).not.toContain(submitted);
      expect(text).not.toContain(draftStory);
    }
    expect(values.body.items[0]).not.toHaveProperty('createdBy');
  });

  test('progress answers the scale and the scored series, and measures the level against baseline and target levels', async () => {
    const mine = (await ev.get(`/api/indicators/${rubric.id}/progress`)).body;
    expect(mine.levels).toHaveLength(4);
    expect(mine).toMatchObject({ indicator: { kind: 'rubric' }, latest: { value: 3, status: 'draft' }, baseline: { value: 1 }, target: { value: 3, date: '2024-12-31' }, progress: 1, achieved: true });
    expect(mine.scores.map((s: { level: number; periodEnd: string }) => [s.periodEnd, s.level])).toEqual([['2022-12-31', 1], ['2023-12-31', 2], ['2024-12-31', 3]]);
    const theirs = (await donor.get(`/api/indicators/${rubric.id}/progress`)).body;
    // the donor sees the validated 2023 level: half way from level 1 to level 3
    expect(theirs).toMatchObject({ latest: { value: 2, status: 'validated' }, progress: 0.5, achieved: false });
    expect(theirs.scores.map((s: { reason: string }) => s.reason)).toEqual(['Committee minutes of 2022.', 'Two women spoke at the **March** session.']);
    expect(theirs.scores[0].evidence).toEqual([{ kind: 'outcome', id: published, title: expect.any(String) }]);
  });

  test('the change-over-time chart carries the rubric with its levels and a score per bucket: level, reason and evidence ids', async () => {
    const line = async (c: Client) => {
      const r = await c.get('/api/dashboard/timeline?bucket=year&from=2021-01-01&to=2025-12-31');
      expect(r.status).toBe(200);
      return r.body.indicators.find((x: { code: string }) => x.code === rubric.code);
    };
    const theirs = await line(donor);
    expect(theirs).toMatchObject({ kind: 'rubric', programmeId: t.world.programmes.A, total: [{ bucket: '2022', value: 1 }, { bucket: '2023', value: 2 }] });
    expect(theirs.levels.map((l: { level: number }) => l.level)).toEqual([1, 2, 3, 4]);
    expect(theirs.scores).toEqual([
      { bucket: '2022', period: { start: '2022-01-01', end: '2022-12-31' }, level: 1, reason: 'Committee minutes of 2022.', evidence: [{ kind: 'outcome', id: published }] },
      { bucket: '2023', period: { start: '2023-01-01', end: '2023-12-31' }, level: 2, reason: 'Two women spoke at the **March** session.', evidence: [{ kind: 'story', id: story }] },
    ]);
    const mine = await line(ev);
    expect(mine.scores.map((s: { level: number }) => s.level)).toEqual([1, 2, 3]);
    expect(mine.scores[1].evidence).toEqual([{ kind: 'story', id: story }, { kind: 'outcome', id: submitted }, { kind: 'story', id: draftStory }]);
    // numbers are lines as before: no levels, no scores
    expect((await donor.get('/api/dashboard/timeline?bucket=year')).body.indicators.filter((x: { kind: string }) => x.kind !== 'rubric').every((x: object) => !('scores' in x))).toBe(true);
  });

  test('when a record is erased on consent withdrawal, then it leaves the evidence of every score', async () => {
    const s = (await newStory(p1, { title: 'A story whose teller withdraws' })).id;
    await publish('stories', s, p1, ev);
    const i = await newRubric();
    const made = await ev.post(`/api/indicators/${i.id}/values`, score(2022, 2, { evidence: [{ kind: 'story', id: s }, { kind: 'outcome', id: published }] }));
    expect(made.body.evidence).toHaveLength(2);
    expect((await p1.post(`/api/stories/${s}/consent/withdraw`, { reason: 'The storyteller fears reprisals.' })).status).toBe(200);
    const after = (await ev.get(`/api/indicators/${i.id}/values`)).body.items[0];
    expect(after.evidence).toEqual([{ kind: 'outcome', id: published, title: expect.any(String) }]);
  });
});

describe('correcting scores and the scale', () => {
  test('a score is corrected as any value: its level, reason and evidence, each change a revision; a bad level is refused', async () => {
    const i = await newRubric();
    const story = (await newStory(p1)).id;
    await publish('stories', story, p1, ev);
    const v = (await ev.post(`/api/indicators/${i.id}/values`, score(2022, 2))).body;
    expect((await ev.patch(`/api/indicators/${i.id}/values/${v.id}`, { value: 9 })).body.errors).toEqual([expect.objectContaining({ path: '/value', code: 'not_a_level' })]);
    const r = await ev.patch(`/api/indicators/${i.id}/values/${v.id}`, { value: 3, reason: 'Re-read the minutes.', evidence: [{ kind: 'story', id: story }], status: 'validated' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ value: 3, reason: 'Re-read the minutes.', status: 'validated', evidence: [{ kind: 'story', id: story }] });
    const revs = await t.ctx.db('revisions').where({ entity_type: 'indicator_value', entity_id: v.id });
    expect(JSON.parse(revs[0].changes).map((c: { field: string }) => c.field)).toEqual(['value', 'status', 'reason', 'evidence']);
    // validating alone keeps the reason and the evidence
    const again = await ev.patch(`/api/indicators/${i.id}/values/${v.id}`, { note: 'checked' });
    expect(again.body).toMatchObject({ reason: 'Re-read the minutes.', evidence: [{ kind: 'story', id: story }] });
  });

  test('before a period is scored the scale may change; after, only its translations may', async () => {
    const i = await newRubric();
    const five = [...LEVELS, { level: 5, label: 'Women lead', descriptor: 'Women chair the committee.' }];
    expect((await ev.patch(`/api/indicators/${i.id}`, { levels: five })).body.levels).toHaveLength(5);
    await ev.post(`/api/indicators/${i.id}/values`, score(2022, 5));
    const fewer = await ev.patch(`/api/indicators/${i.id}`, { levels: LEVELS });
    expect({ status: fewer.status, paths: paths(fewer), codes: codes(fewer) }).toEqual({ status: 422, paths: ['/levels'], codes: ['levels_locked'] });
    const reworded = five.map((l) => (l.level === 2 ? { ...l, label: 'Women talk' } : l));
    expect((await ev.patch(`/api/indicators/${i.id}`, { levels: reworded })).status).toBe(422);
    const translated = five.map((l) => (l.level === 2 ? { ...l, labels: { ar: 'النساء يتكلمن', nl: 'Vrouwen spreken' } } : l));
    const ok = await ev.patch(`/api/indicators/${i.id}`, { levels: translated });
    expect(ok.status).toBe(200);
    expect(ok.body.levels[1].labels).toEqual({ ar: 'النساء يتكلمن', nl: 'Vrouwen spreken' });
    const revs = (await ev.get(`/api/indicators/${i.id}/revisions`)).body.items;
    expect(revs[0].changes.map((c: { field: string }) => c.field)).toEqual(['levels']);
  });

  test('a rubric does not become a number by a revision, nor a number a rubric', async () => {
    const i = await newRubric();
    const r = await ev.patch(`/api/indicators/${i.id}`, { unit: 'women', disaggregations: ['sex'], aggregation: 'sum' });
    expect({ status: r.status, paths: paths(r) }).toEqual({ status: 422, paths: ['/unit', '/disaggregations', '/aggregation'] });
    expect((await ev.patch(`/api/indicators/${i.id}`, { kind: 'number' })).status).toBe(400);
    const n = await ev.post('/api/indicators', { code: `N-${++seq}`, name: 'Women mediators', unit: 'women', direction: 'increase', programmeId: t.world.programmes.A });
    const withLevels = await ev.patch(`/api/indicators/${n.body.id}`, { levels: LEVELS });
    expect({ status: withLevels.status, paths: paths(withLevels), codes: codes(withLevels) }).toEqual({ status: 422, paths: ['/levels'], codes: ['not_rubric'] });
  });
});

describe('the check before publishing, for the reason of a score', () => {
  let rubric: { id: string };
  let outcome: string, story: string;
  const REASON = 'At the March session Oumou Keita confirmed that Mariam spoke first.';
  beforeAll(async () => {
    outcome = await outcomeIn({ partner: p1, evaluator: ev }, 'published', {
      occurredOn: { date: '2023-06', precision: 'month' },
      evidence: [{ kind: 'informant', role: 'Council clerk', name: 'Oumou Keïta', contact: '+223 76 12 34 56' }],
    });
    story = (await newStory(p1, { collectedBy: 'Mariam Sangaré' })).id;
    await publish('stories', story, p1, ev);
    rubric = await newRubric(ev);
  });
  const evidence = () => [{ kind: 'outcome', id: outcome }, { kind: 'story', id: story }];

  test("when a validated score's reason holds an informant's name and a story collector's from its evidence, then 409 needs_confirmation names each, and nothing is stored", async () => {
    const r = await ev.post(`/api/indicators/${rubric.id}/values`, score(2023, 2, { status: 'validated', reason: REASON, evidence: evidence() }));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('needs_confirmation');
    expect(r.body.errors.map((e: { id: string }) => e.id).sort()).toEqual([
      `personal_value:/reason:/outcomes/${outcome}/evidence/0/name`, `personal_value:/reason:/stories/${story}/collectedBy`,
    ].sort());
    expect(r.body.errors.every((e: { path: string }) => e.path === '/reason')).toBe(true);
    expect(r.text).not.toContain('Sangaré'); // a finding says what it found, never the value
    expect(await valueCount(rubric.id)).toBe(0);
  });

  test('when the scorer confirms each finding, then the score is validated; a draft with the same reason is not checked until it is validated', async () => {
    const first = await ev.post(`/api/indicators/${rubric.id}/values`, score(2023, 2, { status: 'validated', reason: REASON, evidence: evidence() }));
    const ids = first.body.errors.map((e: { id: string }) => e.id);
    const confirmed = await ev.post(`/api/indicators/${rubric.id}/values`, score(2023, 2, { status: 'validated', reason: REASON, evidence: evidence(), confirmed: ids }));
    expect(confirmed.status).toBe(201);
    const draft = await ev.post(`/api/indicators/${rubric.id}/values`, score(2024, 3, { reason: REASON, evidence: evidence() }));
    expect(draft.status).toBe(201);
    const validate = await ev.patch(`/api/indicators/${rubric.id}/values/${draft.body.id}`, { status: 'validated' });
    expect([validate.status, validate.body.code]).toEqual([409, 'needs_confirmation']);
    const stillDraft = (await ev.get(`/api/indicators/${rubric.id}/values?sort=periodEnd`)).body.items[1];
    expect(stillDraft.status).toBe('draft');
    const edited = await ev.patch(`/api/indicators/${rubric.id}/values/${draft.body.id}`, { status: 'validated', reason: 'At the March session the clerk confirmed that women spoke first.' });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('validated');
  });
});
