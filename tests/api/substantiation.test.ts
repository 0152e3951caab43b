// Issue 4, substantiation: requests and answers, the single-use link and the script-free page it
// opens (expired, reused, wrong, answered twice), the conclusion's precondition, retention
// erasure, and the donor's redacted view with canary values in every personal field.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { askSubstantiator, Crew, enterAnswer, form, FORM, move, newHarvest, outcomeIn } from '../helpers/review';
import { purgeExpired } from '../../server/substantiations/retention';

let t: TestApp;
let p1: Client, p2: Client, ev: Client, evB: Client, donor: Client;
let crew: Crew;
beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, ev, evB, donor] = await Promise.all((['partner1', 'partner2', 'evaluator', 'evaluatorB', 'donor'] as const).map((w) => t.as(w)));
  crew = { partner: p1, evaluator: ev };
});
afterAll(() => t.close());

const CANARY = { name: 'Canary Substantiator Mariam', relationship: 'canary-neighbour of the council', contact: '+223 CANARY 77' };
const CANARY_RE = /Canary|CANARY|canary|14\.4843|Name of/;
const ANSWER = { description: 'agree', significance: 'partly', contribution: 'agree' };

async function linkFor(id: string, sid: string): Promise<string> {
  const r = await ev.post(`/api/outcomes/${id}/substantiations/${sid}/link`);
  expect(r.status).toBe(201);
  expect(r.body.url).toMatch(/^\/substantiate\/[A-Za-z0-9_-]{20,}$/);
  expect(Date.parse(r.body.expiresAt)).toBeGreaterThan(Date.now());
  return r.body.url;
}

const answerByForm = (url: string, fields: Record<string, string> = ANSWER, c: Client = t.anon()) => c.request('POST', url, form(fields), FORM);

/** Opens a link as a browser does: its 303 leaves the token in the client's cookie, then the page it leads to. */
async function visit(url: string, c: Client = t.anon(), headers: Record<string, string> = {}) {
  const first = await c.request('GET', url, undefined, headers);
  return first.status === 303 ? c.request('GET', first.headers.get('location')!, undefined, headers) : first;
}

describe('asking and answering', () => {
  test('only the programme\'s evaluators ask, only while under review; the person is encrypted at rest', async () => {
    const submitted = await outcomeIn(crew, 'submitted');
    const early = await ev.post(`/api/outcomes/${submitted}/substantiations`, { substantiator: CANARY, independent: true });
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'conflict' });
    const id = await outcomeIn(crew, 'under_review');
    expect((await p1.post(`/api/outcomes/${id}/substantiations`, { substantiator: CANARY, independent: true })).status).toBe(403);
    expect((await donor.post(`/api/outcomes/${id}/substantiations`, { substantiator: CANARY, independent: true })).status).toBe(403);
    expect((await evB.post(`/api/outcomes/${id}/substantiations`, { substantiator: CANARY, independent: true })).status).toBe(404);
    const bad = await ev.post(`/api/outcomes/${id}/substantiations`, { substantiator: { name: 'x' }, independent: true });
    expect(bad.status).toBe(400);
    const r = await ev.post(`/api/outcomes/${id}/substantiations`, { substantiator: CANARY, independent: true });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'pending', substantiator: CANARY, independent: true, answer: null });
    const stored = JSON.stringify(await t.ctx.db('substantiations').where({ id: r.body.id }).first())
      + JSON.stringify(await t.ctx.db('revisions').where({ entity_id: r.body.id })) + JSON.stringify(await t.ctx.db('audit_log').where({ entity_id: r.body.id }));
    expect(stored).not.toMatch(CANARY_RE);
  });

  test('the evaluator enters an answer; the organisation sees verdicts, never the people', async () => {
    const id = await outcomeIn(crew, 'under_review');
    const s = await askSubstantiator(ev, id, CANARY);
    const future = await ev.put(`/api/outcomes/${id}/substantiations/${s.id}`, { ...ANSWER, answeredOn: '2999-01-01' });
    expect(future.status).toBe(422);
    const wrong = await ev.put(`/api/outcomes/${id}/substantiations/${s.id}`, { ...ANSWER, description: 'maybe', answeredOn: '2025-01-01' });
    expect(wrong.status).toBe(400);
    const a = await enterAnswer(ev, id, s.id, { ...ANSWER, comments: 'canary comment: I chair the council', answeredOn: '2025-02-01' });
    expect(a).toMatchObject({ status: 'answered', answer: { ...ANSWER, comments: 'canary comment: I chair the council', via: 'evaluator', enteredBy: t.world.users.evaluator } });
    const full = (await ev.get(`/api/outcomes/${id}/substantiations`)).body;
    expect(full.items[0].substantiator).toEqual(CANARY);
    const own = await p1.get(`/api/outcomes/${id}/substantiations`);
    expect(own.body.items).toEqual([{ id: s.id, outcomeId: id, status: 'answered', independent: true, answer: { ...ANSWER, answeredOn: '2025-02-01' }, createdAt: expect.any(String), redacted: true }]);
    expect(JSON.stringify(own.body)).not.toMatch(CANARY_RE);
    expect((await donor.get(`/api/outcomes/${id}/substantiations`)).status).toBe(404);
    expect((await p2.get(`/api/outcomes/${id}/substantiations`)).status).toBe(404);
  });

  test('a conclusion needs an answer (409), carries the reasoning, and answers stop once concluded', async () => {
    const id = await outcomeIn(crew, 'under_review');
    const none = await ev.post(`/api/outcomes/${id}/transitions`, { to: 'partly_substantiated', comment: 'Mixed' });
    expect({ status: none.status, code: none.body.code }).toEqual({ status: 409, code: 'conflict' });
    const s1 = await askSubstantiator(ev, id);
    const s2 = await askSubstantiator(ev, id);
    const url = await linkFor(id, s2.id);
    await enterAnswer(ev, id, s1.id);
    await move(ev, id, 'partly_substantiated', 'One substantiator disagrees on the contribution.');
    const list = (await p1.get(`/api/outcomes/${id}/substantiations`)).body;
    expect(list.conclusion).toMatchObject({ status: 'partly_substantiated', reasoning: 'One substantiator disagrees on the contribution.' });
    expect((await ev.put(`/api/outcomes/${id}/substantiations/${s2.id}`, { ...ANSWER, answeredOn: '2025-01-01' })).status).toBe(409);
    expect((await ev.post(`/api/outcomes/${id}/substantiations/${s2.id}/link`)).status).toBe(409);
    expect((await visit(url)).status).toBe(410);
  });
});

describe('the link and the page without JavaScript', () => {
  test('the page is HTML in the asked language, shows only the three texts, escapes them, and the form answers', async () => {
    const id = await outcomeIn(crew, 'under_review', {
      title: 'Canary title never on the page',
      description: 'The council <script>alert("x")</script> admitted **four** women.',
      socialActor: { name: 'Canary Actor', type: 'individual' },
      location: { country: 'ML', adminArea: 'Mopti', lat: 14.4843, lon: -4.1827 },
    });
    const s = await askSubstantiator(ev, id, CANARY);
    const url = await linkFor(id, s.id);
    const browser = t.anon();
    const page = await visit(url, browser, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    // a browser sends its Origin with the form only under a referrer policy that allows it
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(page.text).toMatch(/^<!doctype html>\s*<html lang="fr" dir="ltr">/i);
    expect(page.text).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
    expect(page.text).toContain('<link rel="stylesheet" href="/substantiate.css">');
    expect(page.text).toContain('<strong>four</strong>');
    expect(page.text).toContain('Pouvez-vous confirmer ce changement');
    expect(page.text).not.toMatch(/<script|style=|Canary|14\.4843|CANARY/);
    expect(page.text.match(/type="radio"/g)).toHaveLength(12);
    // the token is in the cookie, not in the page
    expect(page.text).toContain('<form method="post" action="/substantiate?lang=fr">');
    expect(page.text).not.toContain(url.split('/').pop());
    const ar = await visit(`${url}?lang=ar`);
    expect(ar.text).toMatch(/<html lang="ar" dir="rtl">/);
    expect((await browser.get('/substantiate?lang=en')).text).toMatch(/<html lang="en" dir="ltr">/);

    const missing = await answerByForm(url, { description: 'agree', significance: 'agree' });
    expect(missing.status).toBe(400);
    const foreign = await answerByForm(url, ANSWER, new Client(t.base, 'https://evil.example'));
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 403, code: 'bad_origin' });
    const done = await answerByForm('/substantiate?lang=ar', { ...ANSWER, comments: 'أنا من سكان الحي' }, browser);
    expect(done.status).toBe(200);
    expect(done.headers.get('content-type')).toMatch(/^text\/html/);
    expect(done.text).toMatch(/<html lang="ar" dir="rtl">/);
    const answered = (await ev.get(`/api/outcomes/${id}/substantiations`)).body.items[0];
    expect(answered).toMatchObject({ status: 'answered', answer: { ...ANSWER, comments: 'أنا من سكان الحي', via: 'link', enteredBy: null } });
    const told = (await ev.get('/api/notifications?unread=true&pageSize=200')).body.items;
    expect(told).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'substantiation.answered', outcome: { id, title: 'Canary title never on the page' }, actor: null })]));
  });

  test('reused, wrong, expired, replaced and answered-twice links get a page saying so', async () => {
    const id = await outcomeIn(crew, 'under_review');
    const s = await askSubstantiator(ev, id);
    const first = await linkFor(id, s.id);
    const second = await linkFor(id, s.id); // a new link replaces the first
    expect((await t.anon().get(first)).status).toBe(410);
    expect((await answerByForm(first)).status).toBe(410);
    const wrong = await t.anon().get('/substantiate/not-a-real-token');
    expect(wrong.status).toBe(410);
    expect(wrong.headers.get('content-type')).toMatch(/^text\/html/);
    expect(wrong.text).toContain('This link does not work any more');
    expect((await answerByForm(second)).status).toBe(200);
    expect((await answerByForm(second)).status).toBe(410); // reused
    expect((await t.anon().get(second)).status).toBe(410);
    const again = await ev.post(`/api/outcomes/${id}/substantiations/${s.id}/link`);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'conflict' });
    const overwrite = await ev.put(`/api/outcomes/${id}/substantiations/${s.id}`, { ...ANSWER, answeredOn: '2025-01-01' });
    expect({ status: overwrite.status, code: overwrite.body.code }).toEqual({ status: 409, code: 'conflict' });

    const s2 = await askSubstantiator(ev, id);
    const expiring = await linkFor(id, s2.id);
    await t.ctx.db('tokens').where({ subject_id: s2.id }).update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    expect((await t.anon().get(expiring)).status).toBe(410);
    expect((await answerByForm(expiring)).status).toBe(410);
    const byId = async (sid: string) => (await ev.get(`/api/outcomes/${id}/substantiations`)).body.items.find((x: { id: string }) => x.id === sid);
    expect((await byId(s2.id)).status).toBe('pending');

    const s3 = await askSubstantiator(ev, id);
    const late = await linkFor(id, s3.id);
    await enterAnswer(ev, id, s3.id); // answered by phone meanwhile: the link must not overwrite it
    expect((await answerByForm(late)).status).toBe(410);
    expect((await byId(s3.id)).answer.via).toBe('evaluator');
  });
});

describe('retention', () => {
  test('names and contacts are erased N days after the harvest closes; verdicts stay', async () => {
    expect(t.ctx.config.substantiatorRetentionDays).toBe(90);
    const old = await newHarvest(t, ev);
    const recent = await newHarvest(t, ev);
    const ids: Record<string, string> = {};
    for (const [key, h] of [['old', old], ['recent', recent]] as const) {
      const id = await outcomeIn(crew, 'under_review', { harvestId: h.id });
      ids[key] = (await askSubstantiator(ev, id, CANARY)).id;
      await enterAnswer(ev, id, ids[key]);
      for (const s of ['collecting', 'substantiating', 'analysing', 'closed']) await ev.patch(`/api/harvests/${h.id}`, { status: s });
    }
    await t.ctx.db('harvests').where({ id: old.id }).update({ closed_at: new Date(Date.now() - 91 * 86400_000).toISOString() });
    expect(await purgeExpired(t.ctx.db, 90)).toBe(1);
    expect(await purgeExpired(t.ctx.db, 90)).toBe(0);
    const erased = await t.ctx.db('substantiations').where({ id: ids.old }).first();
    expect(erased).toMatchObject({ substantiator_enc: null, description: 'agree', erased_at: expect.any(String) });
    const outcomeId = erased.outcome_id;
    const seen = (await ev.get(`/api/outcomes/${outcomeId}/substantiations`)).body.items[0];
    expect(seen).toMatchObject({ substantiator: null, status: 'answered', answer: { description: 'agree' }, erasedAt: expect.any(String) });
    const revs = await t.ctx.db('revisions').where({ entity_type: 'substantiation', entity_id: ids.old });
    for (const r of revs) for (const c of JSON.parse(r.changes)) if (c.field === 'substantiator') expect(c.new).toEqual({ enc: null });
    expect((await t.ctx.db('substantiations').where({ id: ids.recent }).first()).substantiator_enc).not.toBeNull();
    expect(await purgeExpired(t.ctx.db, 0)).toBe(1);
  });
});

describe('done when: a demo-like outcome through review to the donor, with canaries everywhere', () => {
  test('two substantiations (entered and by link), concluded, published: the donor sees verdicts and no canary', async () => {
    const h = await newHarvest(t, ev, { title: 'Harvest seen by the donor' });
    const id = await outcomeIn(crew, 'submitted', {
      harvestId: h.id, title: 'Mopti women mediators join the council',
      socialActor: { name: 'Canary Actor Mamadou', type: 'individual' },
      location: { country: 'ML', adminArea: 'Mopti', lat: 14.4843, lon: -4.1827 },
      evidence: [{ kind: 'informant', role: 'Council clerk', name: 'Canary Informant', contact: 'canary@example.org' }],
    });
    await move(ev, id, 'under_review');
    await ev.post(`/api/outcomes/${id}/comments`, { body: 'Two substantiators are asked.' });
    const entered = await askSubstantiator(ev, id, CANARY);
    await enterAnswer(ev, id, entered.id, { ...ANSWER, comments: 'canary words of the first', answeredOn: '2025-03-01' });
    const linked = await askSubstantiator(ev, id, { name: 'Canary Second', relationship: 'canary imam', contact: 'CANARY-2' });
    const url = await linkFor(id, linked.id);
    const phone = t.anon();
    expect((await visit(url, phone, { 'user-agent': 'Mozilla/5.0 (Linux; Android 10) Mobile' })).status).toBe(200);
    expect((await answerByForm('/substantiate', { ...ANSWER, contribution: 'partly', comments: 'canary words of the second' }, phone)).status).toBe(200);
    await move(ev, id, 'substantiated', 'Both substantiators confirm the change.');
    const other = await outcomeIn(crew, 'published');
    await ev.post(`/api/outcomes/${other}/links`, { targetId: id, relation: 'contributes_to' });
    await move(ev, id, 'published');

    const seen = await donor.get(`/api/outcomes/${id}`);
    expect(seen.status).toBe(200);
    const verdicts = await donor.get(`/api/outcomes/${id}/substantiations`);
    expect(verdicts.body.items.map((s: { answer: { contribution: string } }) => s.answer.contribution).sort()).toEqual(['agree', 'partly']);
    expect(verdicts.body.conclusion).toMatchObject({ status: 'substantiated', reasoning: 'Both substantiators confirm the change.' });
    const routes = [
      `/api/outcomes/${id}`, `/api/outcomes?pageSize=200`, `/api/outcomes?q=mediators`, `/api/outcomes/${id}/revisions`,
      `/api/outcomes/${id}/substantiations`, `/api/outcomes/${id}/history`, `/api/outcomes/${id}/comments`, `/api/outcomes/${id}/chain`,
      `/api/outcomes/${other}/chain`, '/api/harvests', `/api/harvests/${h.id}`, `/api/harvests/${h.id}/summary`, '/api/notifications',
    ];
    for (const path of routes) {
      const r = await donor.get(path);
      // the review thread is its organisation's and evaluators' alone (outsiders see the published record)
      expect({ path, status: r.status }).toEqual({ path, status: path.endsWith('/comments') ? 403 : 200 });
      expect({ path, text: r.text }).toEqual({ path, text: expect.not.stringMatching(CANARY_RE) });
    }
    expect((await donor.get('/api/outcomes?q=mediators')).body.total).toBe(1);
    expect((await donor.get(`/api/outcomes/${id}/chain`)).body.links).toHaveLength(1);
    for (const path of [`/api/outcomes/${id}/substantiations`, `/api/outcomes/${id}/history`, `/api/outcomes/${id}/chain`]) {
      expect((await p2.get(path)).text).not.toMatch(CANARY_RE);
    }
  });
});
