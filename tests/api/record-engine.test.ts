// What every record kind shares through the engine (server/records/, server/kinds/registry.ts): reading revisions that hold
// personal data from outside the record's organisation is audited for stories and fragments as for
// outcomes; the lifecycle tables and their preconditions; the period filter of every list.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { fragmentBody, newStory, ok, sourceBody } from '../helpers/stories';
import { kindFor, kindsJoining } from '../../server/kinds/registry';
import { evidenceKinds } from '../../server/dashboard/evidence';
import { EXPORT_KINDS } from '../../server/exports/registry';

let t: TestApp;
let p1: Client, ev: Client;

beforeAll(async () => {
  t = await startTestApp();
  [p1, ev] = await Promise.all((['partner1', 'evaluator'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

const revisionReads = (entityId: string) => t.ctx.db('audit_log').where({ action: 'personal.view', entity_id: entityId }).count({ n: '*' }).then(([r]) => Number(r.n));

describe('revisions read from outside the organisation', () => {
  test.each([
    ['story', async () => {
      const s = await newStory(p1);
      await ok(p1.patch(`/api/stories/${s.id}`, { collectedBy: 'Other Canary' }));
      return { id: s.id as string, path: `/api/stories/${s.id}/revisions` };
    }],
    ['fragment', async () => {
      const source = await ok(p1.post('/api/sources', sourceBody()), 201);
      const f = await ok(p1.post('/api/fragments', fragmentBody(source.id)), 201);
      await ok(p1.patch(`/api/fragments/${f.id}`, { speaker: { ...fragmentBody(source.id).speaker, role: 'fish trader' } }));
      return { id: f.id as string, path: `/api/fragments/${f.id}/revisions` };
    }],
  ])('when an evaluator reads the revisions of a %s whose edit touched personal data, then it is audited; its own organisation reading them is not', async (_kind, make) => {
    const r = await make();
    await ok(p1.get(r.path));
    expect(await revisionReads(r.id)).toBe(0);
    const kind = r.path.split('/')[2];
    await ok(p1.post(`/api/${kind}/${r.id}/transitions`, { to: 'submitted' }));
    const seen = await ok(ev.get(r.path));
    expect(JSON.stringify(seen)).toMatch(/Canary|fish trader/);
    expect(await revisionReads(r.id)).toBe(1);
  });
});

describe('the registry of kinds', () => {
  test('when a capability asks for a kind, then only the kinds that list it join; another answers 404', () => {
    expect(kindsJoining('consent')).toEqual(['story', 'fragment']);
    expect(kindsJoining('files')).toEqual(['outcome', 'story', 'fragment']);
    expect(() => kindFor('outcome', 'consent')).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => kindFor('signal', 'files')).toThrow(expect.objectContaining({ status: 404 }));
    expect(kindFor('story', 'consent').table).toBe('stories');
    expect(kindsJoining('dashboards')).toEqual(['story', 'fragment']);
    expect(evidenceKinds()).toEqual(['stories', 'fragments']);
    expect(EXPORT_KINDS.map((e) => e.name)).toEqual(['outcomes', 'stories', 'fragments', 'indicator-values']);
  });
});

describe('the lifecycle tables', () => {
  test('when the rules are read, then each move says what it requires and what follows it', async () => {
    const rules = await ok(p1.get('/api/rules'));
    expect(rules.lifecycles.outcome.submitted).toMatchObject({ from: ['draft'], requires: ['complete'], then: ['notify-evaluators'] });
    expect(rules.lifecycles.outcome.substantiated.requires).toEqual(['answered-substantiation']);
    expect(rules.lifecycles.outcome.published.requires).toEqual(['reviewed-findings']);
    expect(rules.lifecycles.story.published).toMatchObject({ from: ['submitted'], requires: ['complete', 'reviewed-findings'] });
    expect(rules.completeness.fragment.required).toEqual(expect.arrayContaining(['/sourceId', '/excerpt', '/language']));
  });
});

describe('a fragment is recorded whole', () => {
  test('when a fragment names an area but no country, then 400 naming /location/country (a story draft may lack it, a fragment may not)', async () => {
    const source = await ok(p1.post('/api/sources', sourceBody()), 201);
    const r = await p1.post('/api/fragments', fragmentBody(source.id, { location: { adminArea: 'Mopti' } }));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/location/country' })]));
    expect((await p1.post('/api/stories', { title: 'A draft from Mopti', location: { adminArea: 'Mopti' } })).status).toBe(201);
  });
});

describe('the period filter of every list', () => {
  test.each(['/api/outcomes', '/api/stories', '/api/fragments', '/api/search?q=market&'])('when %s is asked for from a day that does not exist, then 400 naming /from', async (path) => {
    const sep = path.endsWith('&') ? '' : '?';
    const r = await p1.get(`${path}${sep}from=2024-02-30`);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ path: '/from' })]);
  });
});
