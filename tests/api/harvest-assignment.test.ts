// Filing an outcome into a harvest: an evaluator may use only the harvests of the programmes they
// evaluate, even when the outcome's organisation is a partner in another programme as well.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { newHarvest, outcomeIn } from '../helpers/review';

let t: TestApp;
let p1: Client, ev: Client, evB: Client;
let harvestA: string, harvestB: string, outcome: string;

beforeAll(async () => {
  t = await startTestApp();
  [p1, ev, evB] = await Promise.all([t.as('partner1'), t.as('evaluator'), t.as('evaluatorB')]);
  // partner1 works in programme B too (the test world has it in A only)
  await t.ctx.db('programme_partners').insert({ programme_id: t.world.programmes.B, organisation_id: t.world.orgs.p1 });
  harvestA = (await newHarvest(t, ev, { title: 'Harvest of programme A' })).id;
  harvestB = (await newHarvest(t, evB, { programmeId: t.world.programmes.B, title: 'Harvest of programme B' })).id;
  outcome = await outcomeIn({ partner: p1, evaluator: ev }, 'submitted');
});
afterAll(async () => { await t.close(); });

test("when an evaluator files an outcome into another programme's harvest, then it is refused and nothing changes", async () => {
  const r = await ev.patch(`/api/outcomes/${outcome}`, { harvestId: harvestB });
  expect(r.status).toBe(403);
  expect(r.body.code).toBe('forbidden');
  expect(r.body.errors[0].path).toBe('/harvestId');
  expect((await p1.get(`/api/outcomes/${outcome}`)).body.harvestId ?? null).toBeNull();
});

test('when evaluators file the outcome into, and out of, harvests of their own programmes only, then it moves only then', async () => {
  expect((await ev.patch(`/api/outcomes/${outcome}`, { harvestId: harvestA })).status).toBe(200);
  expect((await p1.get(`/api/outcomes/${outcome}`)).body.harvestId).toBe(harvestA);
  // programme B's evaluator may not take it out of programme A's harvest, not even to none
  expect((await evB.patch(`/api/outcomes/${outcome}`, { harvestId: harvestB })).status).toBe(403);
  expect((await evB.patch(`/api/outcomes/${outcome}`, { harvestId: null })).status).toBe(403);
  expect((await ev.patch(`/api/outcomes/${outcome}`, { harvestId: null })).status).toBe(200);
  expect((await evB.patch(`/api/outcomes/${outcome}`, { harvestId: harvestB })).status).toBe(200);
  expect((await p1.get(`/api/outcomes/${outcome}`)).body.harvestId).toBe(harvestB);
});
