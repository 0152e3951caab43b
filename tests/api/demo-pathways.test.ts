// The demo's outcome chains: a donor's pathways view shows chains across partners, made only of
// outcomes the donor may open; setbacks reach only those who see work in review; seeding again
// adds nothing.
import { startTestApp, TestApp } from '../helpers/app';
import { demoClient } from '../helpers/demo';
import { seedDemo } from '../../seeds/demo';

jest.setTimeout(60_000);

let t: TestApp;
const as = (email: string) => demoClient(t, email);
type Pathways = { nodes: Array<{ id: string; status: string; conclusion: string | null; organisation: { name: string } }>; links: Array<{ sourceId: string; targetId: string; relation: string }> };

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.ctx);
});
afterAll(() => t.close());

test('the demo donor sees chains across partners, of published outcomes only, coloured by more than one conclusion', async () => {
  const donor = await as('donor@oogst.test');
  const r = await donor.get<Pathways>('/api/dashboard/pathways');
  expect(r.status).toBe(200);
  const { nodes, links } = r.body;
  expect(links.length).toBeGreaterThanOrEqual(6);
  expect(nodes.every((n) => n.status === 'published')).toBe(true);
  const orgOf = new Map(nodes.map((n) => [n.id, n.organisation.name]));
  expect(links.some((l) => orgOf.get(l.sourceId) !== orgOf.get(l.targetId))).toBe(true);
  // a chain of three: Mali's national committee → Mopti's council → its budget
  const targets = new Set(links.map((l) => l.targetId));
  expect(links.some((l) => targets.has(l.sourceId))).toBe(true);
  expect(new Set(nodes.map((n) => n.conclusion)).size).toBeGreaterThan(1);
  expect(links.every((l) => l.relation === 'contributes_to')).toBe(true); // the demo's setbacks are still in review
});

test('the evaluator also sees the setbacks under review; seeding again adds no link', async () => {
  const ev = await as('evaluator@oogst.test');
  const { links } = (await ev.get<Pathways>('/api/dashboard/pathways')).body;
  expect(links.filter((l) => l.relation === 'counteracts').length).toBeGreaterThanOrEqual(2);
  const before = Number((await t.ctx.db('outcome_links').count({ n: '*' }).first())?.n);
  await seedDemo(t.ctx);
  expect(Number((await t.ctx.db('outcome_links').count({ n: '*' }).first())?.n)).toBe(before);
});
