// Steps of the review that tests of harvests, substantiation and chains share: an outcome taken
// to a given state through the API, as the people of the test world would.
import type { Client, TestApp } from './app';
import { outcomeBody } from './fixtures';
import { moveReviewed } from './proof';

export type Crew = { partner: Client; evaluator: Client };

export async function newOutcome(c: Client, over: Record<string, unknown> = {}): Promise<{ id: string; status: string }> {
  const r = await c.post('/api/outcomes', outcomeBody(over));
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return r.body;
}

export async function move(c: Client, id: string, to: string, comment = 'Reasoned in the test.') {
  const r = await moveReviewed(c, `/api/outcomes/${id}/transitions`, { to, comment });
  if (r.status !== 200) throw new Error(`${to}: ${r.status} ${r.text}`);
  return r.body;
}

export async function askSubstantiator(ev: Client, id: string, substantiator = { name: 'Awa Diallo', relationship: 'council member', contact: '+223 6000 0000' }) {
  const r = await ev.post(`/api/outcomes/${id}/substantiations`, { substantiator, independent: true });
  if (r.status !== 201) throw new Error(`substantiation: ${r.status} ${r.text}`);
  return r.body as { id: string };
}

export const AGREE = { description: 'agree', significance: 'agree', contribution: 'partly', comments: 'I was there.', answeredOn: '2025-01-15' };

export async function enterAnswer(ev: Client, id: string, sid: string, answer: Record<string, unknown> = AGREE) {
  const r = await ev.put(`/api/outcomes/${id}/substantiations/${sid}`, answer);
  if (r.status !== 200) throw new Error(`answer: ${r.status} ${r.text}`);
  return r.body;
}

/** Takes a new outcome of the partner's organisation to the state asked for. */
export async function outcomeIn(crew: Crew, state: string, over: Record<string, unknown> = {}): Promise<string> {
  const { id } = await newOutcome(crew.partner, over);
  if (state === 'draft') return id;
  await move(crew.partner, id, 'submitted');
  if (state === 'submitted') return id;
  await move(crew.evaluator, id, 'under_review');
  if (state === 'under_review') return id;
  const s = await askSubstantiator(crew.evaluator, id);
  await enterAnswer(crew.evaluator, id, s.id);
  const conclusion = state === 'published' ? 'substantiated' : state === 'retracted' ? 'not_substantiated' : state;
  await move(crew.evaluator, id, conclusion);
  if (state === 'published') await move(crew.evaluator, id, 'published');
  if (state === 'retracted') await move(crew.evaluator, id, 'retracted');
  return id;
}

export async function newHarvest(t: TestApp, ev: Client, over: Record<string, unknown> = {}): Promise<{ id: string; status: string }> {
  const r = await ev.post('/api/harvests', { programmeId: t.world.programmes.A, title: 'Harvest 2025', ...over });
  if (r.status !== 201) throw new Error(`harvest: ${r.status} ${r.text}`);
  return r.body;
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
