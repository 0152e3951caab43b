// The check before publishing: an outcome, story or fragment about to reach outsiders is searched
// for its own personal values in its narrative text, and an individual alone among the published
// outcomes of a place and period is pointed out. The evaluator edits, or confirms what was found.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { outcomeBody } from '../helpers/fixtures';
import { askSubstantiator, enterAnswer, move } from '../helpers/review';
import { newStory, ok, storyBody } from '../helpers/stories';
import { moveReviewed } from '../helpers/proof';

let t: TestApp;
let p1: Client;
let ev: Client;
beforeAll(async () => {
  t = await startTestApp();
  [p1, ev] = [await t.as('partner1'), await t.as('evaluator')];
});
afterAll(async () => t.close());

/** An outcome taken to `substantiated`, one step before publication. */
async function concluded(over: Record<string, unknown>, reasoning = 'Two independent people confirmed it.'): Promise<string> {
  const { id } = (await p1.post('/api/outcomes', outcomeBody(over))).body;
  await move(p1, id, 'submitted');
  await move(ev, id, 'under_review');
  const s = await askSubstantiator(ev, id, { name: 'Awa Diallo', relationship: 'council member', contact: '+223 76 00 11 22' });
  await enterAnswer(ev, id, s.id);
  await move(ev, id, 'substantiated', reasoning);
  return id;
}

const publish = (c: Client, id: string, confirmed?: string[]) => c.post(`/api/outcomes/${id}/transitions`, { to: 'published', ...(confirmed && { confirmed }) });

describe('outcomes', () => {
  test('when the text names an informant and the conclusion a substantiator, then publishing waits for a confirmation of each', async () => {
    const id = await concluded({
      description: 'Aminata told the council that the women of Sévaré must be heard.',
      evidence: [{ kind: 'informant', role: 'Market leader', name: 'Aminata Traoré', contact: 'aminata@example.org' }],
    }, 'Confirmed by awa diallo, reachable on +223 7600 1122.');
    const r = await publish(ev, id);
    expect([r.status, r.body.code]).toEqual([409, 'needs_confirmation']);
    expect(r.body.errors.map((e: { id: string }) => e.id).sort()).toEqual([
      'personal_value:/conclusion/reasoning:/substantiations/' + (await t.ctx.db('substantiations').where({ outcome_id: id }).first('id')).id + '/contact',
      'personal_value:/conclusion/reasoning:/substantiations/' + (await t.ctx.db('substantiations').where({ outcome_id: id }).first('id')).id + '/name',
      'personal_value:/description:/evidence/0/name',
    ].sort());
    expect((await t.ctx.db('outcomes').where({ id }).first('status')).status).toBe('substantiated');
    // a confirmation that leaves one finding out is not enough
    const partial = await publish(ev, id, [r.body.errors[0].id]);
    expect([partial.status, partial.body.errors.length]).toEqual([409, 2]);
    expect((await publish(ev, id, r.body.errors.map((e: { id: string }) => e.id))).body.status).toBe('published');
  });

  test('when the evaluator edits the name out, then nothing is found', async () => {
    const id = await concluded({ evidence: [{ kind: 'informant', role: 'Market leader', name: 'Fatoumata Keïta' }], description: 'Fatoumata Keita spoke first.' });
    expect((await publish(ev, id)).status).toBe(409); // accents folded: Keïta is Keita
    // the concluded outcome is reopened to edit it
    await move(ev, id, 'under_review', 'The informant must not be named.');
    await ev.patch(`/api/outcomes/${id}`, { description: 'A market leader spoke first.' });
    await move(ev, id, 'substantiated', 'Confirmed.');
    expect((await publish(ev, id)).status).toBe(200);
  });

  test('ordinary words of a name are not taken for it; its words written as a name are', async () => {
    const plain = await concluded({ evidence: [{ kind: 'informant', role: 'Clerk', name: 'Independent Mariam' }], description: 'An independent observer was there.' });
    expect((await publish(ev, plain)).status).toBe(200);
  });

  test('when an individual is the only one published in that area and month, then it is pointed out; a second is not alone', async () => {
    const actor = (name: string) => ({ socialActor: { name, type: 'individual' }, location: { country: 'NE', adminArea: 'Tillabéri' }, occurredOn: { date: '2024-05', precision: 'month' } });
    const first = await concluded(actor('Imam Moussa'));
    const r = await publish(ev, first);
    expect(r.body.errors).toEqual([expect.objectContaining({ id: 'singles_out:/socialActor', code: 'singles_out', path: '/socialActor' })]);
    expect((await publish(ev, first, ['singles_out:/socialActor'])).status).toBe(200);
    const second = await concluded(actor('Chief Hamidou'));
    expect((await publish(ev, second)).status).toBe(200);
    const council = await concluded({ ...actor('Tillabéri council'), socialActor: { name: 'Tillabéri council', type: 'local_government' }, occurredOn: { date: '2024-09', precision: 'month' } });
    expect((await publish(ev, council)).status).toBe(200);
  });

  test('when a translation of a published outcome names the informant, then it is checked as the outcome was', async () => {
    const id = await concluded({ evidence: [{ kind: 'informant', role: 'Market leader', name: 'Mariama Sow' }] });
    expect((await publish(ev, id)).status).toBe(200);
    const body = { language: 'fr', title: 'Le conseil écoute Mariama Sow' };
    const r = await ev.post(`/api/outcomes/${id}/translations`, body);
    expect([r.status, r.body.errors.map((e: { id: string }) => e.id)]).toEqual([409, ['personal_value:/translations/fr/title:/evidence/0/name']]);
    expect(await t.ctx.db('outcome_translations').where({ outcome_id: id }).count({ n: '*' }).then(([x]) => Number(x.n))).toBe(0);
    expect((await ev.post(`/api/outcomes/${id}/translations`, { ...body, confirmed: ['personal_value:/translations/fr/title:/evidence/0/name'] })).status).toBe(201);
  });
});

describe('stories and fragments', () => {
  test('a storyteller who consented to be named may be named; who collected an anonymous story may not be', async () => {
    const consent = (level: string) => ({ level, method: 'written', givenOn: '2025-01-10', recordedBy: 'Field officer' });
    const plain = { title: 'The women of the market speak at the council', storyteller: { role: 'trader', place: 'Mopti' } };
    const named = await newStory(p1, storyBody({ ...plain, story: 'Hawa Cissé now speaks at the council.', storyteller: { ...plain.storyteller, name: 'Hawa Cissé' }, consent: consent('named') }));
    await ok(p1.post(`/api/stories/${named.id}/transitions`, { to: 'submitted' }));
    expect((await ev.post(`/api/stories/${named.id}/transitions`, { to: 'published' })).status).toBe(200);
    const anonymous = await newStory(p1, storyBody({ ...plain, story: 'Mariam Konaté, who wrote this down, saw the council listen.', collectedBy: 'Mariam Konaté', consent: consent('anonymous') }));
    await ok(p1.post(`/api/stories/${anonymous.id}/transitions`, { to: 'submitted' }));
    const r = await ev.post(`/api/stories/${anonymous.id}/transitions`, { to: 'published' });
    expect([r.status, r.body.errors.map((e: { id: string }) => e.id)]).toEqual([409, ['personal_value:/story:/collectedBy']]);
    expect((await ev.get(`/api/stories/${anonymous.id}`)).body.status).toBe('submitted');
    expect((await moveReviewed(ev, `/api/stories/${anonymous.id}/transitions`, { to: 'published' })).status).toBe(200);
  });

  test("a fragment whose excerpt names the speaker's village is held until confirmed", async () => {
    const source = (await p1.post('/api/sources', { title: 'Interviews, Tahoua, 2025', type: 'interview', year: 2025, confidentiality: 'public', programmeId: t.world.programmes.A })).body;
    const f = (await p1.post('/api/fragments', {
      sourceId: source.id, excerpt: 'In Tchintabaraden nobody listened to us before.', language: 'en', location: { country: 'NE', adminArea: 'Tahoua' },
      speaker: { role: 'teacher', place: 'Tchintabaraden' }, goals: [{ code: 'NL-IV-1.3', primary: true }], sensitivity: 'public',
    })).body;
    await ok(p1.post(`/api/fragments/${f.id}/transitions`, { to: 'submitted' }));
    const r = await ev.post(`/api/fragments/${f.id}/transitions`, { to: 'published' });
    expect([r.status, r.body.errors.map((e: { id: string }) => e.id)]).toEqual([409, ['personal_value:/excerpt:/speaker/place']]);
  });
});
