// Every outcome, story and fragment the API returns carries `can`: what its reader may do now. It
// must say exactly what the API then allows — for each state and each kind of reader, every move
// it lists succeeds (on a fresh record in that state) and every move it leaves out is refused
// (403, or 409 invalid_transition, the record unchanged); the same for editing.
import { startTestApp, TestApp, Client, Person } from '../helpers/app';
import { askSubstantiator, Crew, enterAnswer, outcomeIn } from '../helpers/review';
import { moveReviewed } from '../helpers/proof';
import { fragmentBody, newStory, ok, sourceBody } from '../helpers/stories';

let t: TestApp;
let crew: Crew;
const as: Partial<Record<Person, Client>> = {};
const READERS = ['partner1', 'partner2', 'evaluator', 'evaluatorB', 'donor', 'admin'] as const;
beforeAll(async () => {
  t = await startTestApp();
  for (const w of READERS) as[w] = await t.as(w);
  crew = { partner: as.partner1!, evaluator: as.evaluator! };
});
afterAll(() => t.close());

type Can = { edit: boolean; transitions: Array<{ to: string; comment: boolean }> };
const REFUSED = (r: { status: number; body: { code?: string } }) => r.status === 403 || r.status === 404 || (r.status === 409 && ['invalid_transition', 'conflict'].includes(r.body.code ?? ''));

/** Asserts that `can`, as `who` reads it on `path`, is what the API allows; `fresh` makes another record in the same state. */
async function agrees(who: Client, path: string, targets: string[], fresh: () => Promise<string>, prepare: (id: string) => Promise<void> = async () => {}) {
  const read = await who.get(path);
  if (read.status === 404) return; // a record the reader may not see says nothing
  const can: Can = read.body.can;
  expect(can).toBeDefined();
  const listed = new Set(can.transitions.map((m) => m.to));
  const base = path.slice(0, path.lastIndexOf('/'));
  for (const to of targets) {
    if (listed.has(to)) {
      const id = await fresh();
      await prepare(id);
      const r = await moveReviewed(who, `${base}/${id}/transitions`, { to, comment: 'Reasoned in the test.' });
      expect({ to, status: r.status, code: r.body.code }).toEqual({ to, status: 200, code: undefined });
    } else {
      const r = await who.post(`${path}/transitions`, { to, comment: 'Reasoned in the test.' });
      expect({ to, refused: REFUSED(r) }).toEqual({ to, refused: true });
    }
  }
  const status = (await as.admin!.get(path)).body.status;
  const edit = await who.patch(path, path.startsWith('/api/fragments') ? { locator: `p. ${status.length}` } : { title: `Edited as allowed ${status}` });
  expect({ edit: edit.status === 200, status }).toEqual({ edit: can.edit, status });
}

const OUTCOME_STATES = ['draft', 'submitted', 'under_review', 'substantiated', 'published', 'retracted'];
const OUTCOME_TARGETS = ['draft', 'submitted', 'under_review', 'substantiated', 'partly_substantiated', 'not_substantiated', 'published', 'retracted'];

describe.each(OUTCOME_STATES)('an outcome in %s', (state) => {
  test.each(READERS)('when %s reads it, then can says exactly what they may do', async (who) => {
    const id = await outcomeIn(crew, state);
    const answered = async (fresh: string) => {
      if (state !== 'under_review') return;
      const s = await askSubstantiator(crew.evaluator, fresh);
      await enterAnswer(crew.evaluator, fresh, s.id);
    };
    await agrees(as[who]!, `/api/outcomes/${id}`, OUTCOME_TARGETS, () => outcomeIn(crew, state), answered);
  });
});

describe('stories and fragments', () => {
  const storyIn = async (state: string) => {
    const s = await newStory(as.partner1!);
    if (state !== 'draft') await ok(as.partner1!.post(`/api/stories/${s.id}/transitions`, { to: 'submitted' }));
    if (state === 'published') await ok(moveReviewed(as.evaluator!, `/api/stories/${s.id}/transitions`, { to: 'published' }));
    return s.id as string;
  };
  test.each(['draft', 'submitted', 'published'].flatMap((s) => READERS.map((w) => [s, w] as const)))('a story in %s, read by %s', async (state, who) => {
    await agrees(as[who]!, `/api/stories/${await storyIn(state)}`, ['draft', 'submitted', 'published'], () => storyIn(state));
  });

  let sourceId: string;
  const fragmentIn = async (state: string, author: Client = as.partner1!) => {
    sourceId ??= (await ok(as.partner1!.post('/api/sources', { ...sourceBody(), programmeId: t.world.programmes.A }), 201)).id;
    const f = await ok(author.post('/api/fragments', fragmentBody(sourceId)), 201);
    if (state !== 'draft') await ok(author.post(`/api/fragments/${f.id}/transitions`, { to: 'submitted' }));
    if (state === 'published') await ok(moveReviewed(as.evaluator!, `/api/fragments/${f.id}/transitions`, { to: 'published' }));
    return f.id as string;
  };
  test.each(['draft', 'submitted', 'published'].flatMap((s) => READERS.map((w) => [s, w] as const)))('a fragment in %s, read by %s', async (state, who) => {
    await agrees(as[who]!, `/api/fragments/${await fragmentIn(state)}`, ['draft', 'submitted', 'published'], () => fragmentIn(state));
  });

  test("when an evaluator reads her own draft fragment, then can offers publishing it directly, and it works", async () => {
    const ev = as.evaluator!;
    const src = (await ok(ev.post('/api/sources', { ...sourceBody(), programmeId: t.world.programmes.A }), 201)).id;
    const f = await ok(ev.post('/api/fragments', fragmentBody(src)), 201);
    expect(f.can.transitions.map((m: { to: string }) => m.to)).toContain('published');
    expect((await moveReviewed(ev, `/api/fragments/${f.id}/transitions`, { to: 'published' })).status).toBe(200);
  });
});

test('when a list is read, then each item carries can for its reader', async () => {
  const id = await outcomeIn(crew, 'submitted');
  const mine = (await as.partner1!.get('/api/outcomes?status=submitted&pageSize=200')).body.items.find((o: { id: string }) => o.id === id);
  const theirs = (await as.evaluator!.get('/api/outcomes?status=submitted&pageSize=200')).body.items.find((o: { id: string }) => o.id === id);
  expect(mine.can).toEqual({ edit: false, transitions: [] });
  expect(theirs.can.transitions.map((m: { to: string }) => m.to).sort()).toEqual(['draft', 'retracted', 'under_review']);
});
