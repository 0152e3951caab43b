// Canary values: a distinctive string in every personal field of every record kind that exists
// (DESIGN.md's list: informants' and substantiators' names and contacts, storyteller and speaker
// profiles, collectedBy, recordedBy, translatedBy, exact coordinates, an individual actor's name,
// uploaded files and their names, staff names), planted through the API in records that donors
// and other organisations can see (published, public), so that a leak would show. Free text of a
// record's making holds them too: a draft's description, review comments, transition comments,
// a name edited out before publication and one corrected away after it.
import type { TestApp } from './app';
import { hasRoute, moveReviewed, must, outcomeIn, substantiate } from './proof';
import { outcomeBody } from './fixtures';

/** Made so that no other text of the app contains them: "Kanarie" plus a field tag. */
export const canary = (field: string) => `Kanarie${field}Zq`;
/** Coordinates are numbers: these digits appear nowhere else. */
export const CANARY_LAT = 13.5792468;
export const CANARY_LON = -2.4681357;

export type Planted = {
  /** every canary string planted in personal fields (never seen by outsiders, never in clear text on disk) */
  values: string[];
  /** canaries in the free text of a record's making (never seen by outsiders; narrative text is stored as written) */
  making: string[];
  /** ids of records made, by the kind of record a route's :id names */
  ids: Record<string, string[]>;
  /** which kinds were planted (those whose routes exist) */
  kinds: string[];
};

const add = (p: Planted, kind: string, id: string) => { (p.ids[kind] ??= []).push(id); };

async function plantOutcomes(t: TestApp, p: Planted, tag: string): Promise<void> {
  const c = (f: string) => { const v = canary(`${f}${tag}`); p.values.push(v); return v; };
  const p1 = await t.as('partner1');
  const personal = () => ({
    socialActor: { name: c('Actor'), type: 'individual' },
    location: { country: 'ML', adminArea: 'Mopti', lat: CANARY_LAT, lon: CANARY_LON },
    evidence: [{ kind: 'informant', role: 'Council clerk', name: c('Informant'), contact: c('InformantContact') }],
  });
  for (const [status, sensitivity] of [['published', 'public'], ['published', 'restricted'], ['submitted', 'public'], ['draft', 'public']] as const) {
    const o = await outcomeIn(t, 'p1', 'draft', sensitivity, personal());
    // an edit of a personal field: its old and new values go into the revisions
    must(await p1.patch(`/api/outcomes/${o.id}`, { evidence: [{ kind: 'informant', role: 'Council clerk', name: c('InformantEdited'), contact: c('InformantContactEdited') }] }), 'edit');
    must(await p1.post(`/api/outcomes/${o.id}/translations`, { language: 'fr', title: 'Le conseil ouvre son comité', translatedBy: c('Translator') }), 'translate');
    if (status !== 'draft') must(await p1.post(`/api/outcomes/${o.id}/transitions`, { to: 'submitted' }), 'submit');
    if (status === 'published') {
      const ev = await t.as('evaluator');
      must(await ev.post(`/api/outcomes/${o.id}/transitions`, { to: 'under_review' }), 'review');
      await substantiate(ev, o.id, { name: c('Substantiator'), relationship: c('Relationship'), contact: c('SubstantiatorContact') }, c('SubstantiatorWords'));
      for (const to of ['substantiated', 'published']) {
        const r = await moveReviewed(ev, `/api/outcomes/${o.id}/transitions`, { to, comment: 'Two independent people confirmed it.' });
        if (r.status !== 200) await t.ctx.db('outcomes').where({ id: o.id }).update({ status: to, published_at: new Date().toISOString() });
      }
    }
    add(p, 'outcome', o.id);
    if (hasRoute('POST /api/files')) add(p, 'file', await plantFile(t, p, o.id, tag));
    const sids = await t.ctx.db('substantiations').where({ outcome_id: o.id }).pluck('id').catch(() => [] as string[]);
    for (const sid of sids) add(p, 'substantiation', sid);
  }
  // one more published outcome with nothing personal, so redacted lists are never empty
  add(p, 'outcome', (await outcomeIn(t, 'p1', 'published', 'public', { title: 'A plain published outcome' })).id);
}

/**
 * The making of a published outcome, with a canary in each of its steps: what outsiders must
 * never read once it is published (DESIGN.md, "What outsiders see and count").
 */
async function plantReview(t: TestApp, p: Planted, tag: string): Promise<void> {
  const c = (f: string) => { const v = canary(`${f}${tag}`); p.making.push(v); return v; };
  const p1 = await t.as('partner1');
  const ev = await t.as('evaluator');
  // a draft that is never published: its text is its organisation's alone
  add(p, 'outcome', (await outcomeIn(t, 'p1', 'draft', 'public', { description: `The women of ${c('DraftText')} met the council.` })).id);
  const o = must(await p1.post('/api/outcomes', outcomeBody({ description: `Survivor ${c('RemovedName')} spoke to the council.` })), 'outcome').body;
  const move = async (who: typeof ev, to: string, comment?: string) => must(await moveReviewed(who, `/api/outcomes/${o.id}/transitions`, { to, ...(comment && { comment }) }), `to ${to}`);
  must(await p1.post(`/api/outcomes/${o.id}/comments`, { body: `Should we name ${c('DraftComment')}?` }), 'draft comment');
  await move(p1, 'submitted', `Submitted with ${c('SubmitComment')}'s agreement.`);
  await move(ev, 'under_review');
  must(await ev.post(`/api/outcomes/${o.id}/comments`, { body: `Please remove the name of survivor ${c('ReviewComment')}.` }), 'review comment');
  // the evaluator edits the name out for safety; a second name stays until a correction after publication
  must(await ev.patch(`/api/outcomes/${o.id}`, { description: `A survivor and ${c('CorrectedAway')} spoke to the council.` }), 'edit out');
  await substantiate(ev, o.id);
  await move(ev, 'substantiated', 'Two independent people confirmed it.');
  await move(ev, 'published');
  await move(ev, 'under_review', `Correction: ${c('CorrectionReason')} must not be named.`);
  must(await ev.patch(`/api/outcomes/${o.id}`, { description: 'Two survivors spoke to the council.' }), 'correct');
  await move(ev, 'substantiated', 'Two independent people confirmed it.');
  await move(ev, 'published');
  add(p, 'outcome', o.id);
}

/** A PDF whose name and content carry canaries, attached to an outcome. */
async function plantFile(t: TestApp, p: Planted, outcomeId: string, tag: string): Promise<string> {
  const name = canary(`FileName${tag}`);
  const inside = canary(`FileContent${tag}`);
  p.values.push(name, inside);
  const pdf = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${inside}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  const form = new FormData();
  form.append('outcomeId', outcomeId);
  form.append('file', new Blob([pdf], { type: 'application/pdf' }), `${name}.pdf`);
  const c = await t.as('partner1');
  const r = await fetch(`${t.base}/api/files`, { method: 'POST', body: form, headers: { cookie: c.cookie!, origin: t.base } });
  const body = await r.json();
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${JSON.stringify(body)}`);
  return body.id;
}

async function plantStories(t: TestApp, p: Planted, tag: string): Promise<void> {
  const c = (f: string) => { const v = canary(`${f}${tag}`); p.values.push(v); return v; };
  const p1 = await t.as('partner1');
  const ev = await t.as('evaluator');
  const s = must(await p1.post('/api/stories', {
    title: 'The market women now sit on the council', story: 'Since the training the women of the market speak at the council.',
    whySignificant: 'Because nobody listened before.', domain: 'any-other-change', collectedBy: c('CollectedBy'), collectedOn: '2025-02-14',
    location: { country: 'ML', adminArea: 'Mopti' }, language: 'en',
    storyteller: { role: c('StorytellerRole'), ageBand: '25-34', gender: c('StorytellerGender'), place: c('StorytellerPlace'), name: c('StorytellerName') },
    consent: { level: 'named', method: 'written', givenOn: '2025-02-14', recordedBy: c('ConsentRecordedBy') },
    goals: [{ code: 'NL-IV-1.3', primary: true }], sensitivity: 'public',
  }), 'story').body;
  must(await p1.post(`/api/stories/${s.id}/translations`, { language: 'fr', title: 'Les femmes du marché', story: 'Depuis la formation…', translatedBy: c('StoryTranslator') }), 'story translation');
  // a name edited out before publication stays in the insiders' revisions only
  const m = (f: string) => { const v = canary(`${f}${tag}`); p.making.push(v); return v; };
  must(await p1.patch(`/api/stories/${s.id}`, { story: `Since the training ${m('StoryEditedOut')} and the women of the market speak at the council.` }), 'story edit');
  must(await p1.patch(`/api/stories/${s.id}`, { story: 'Since the training the women of the market speak at the council.' }), 'story edit out');
  must(await p1.post(`/api/stories/${s.id}/transitions`, { to: 'submitted', comment: `Told by ${m('StorySubmitComment')}.` }), 'story submit');
  must(await moveReviewed(ev, `/api/stories/${s.id}/transitions`, { to: 'published' }), 'story publish');
  add(p, 'story', s.id);
}

async function plantFragments(t: TestApp, p: Planted, tag: string): Promise<void> {
  const c = (f: string) => { const v = canary(`${f}${tag}`); p.values.push(v); return v; };
  const p1 = await t.as('partner1');
  const ev = await t.as('evaluator');
  const source = must(await p1.post('/api/sources', { title: 'Focus group, Mopti, 2025', type: 'focus_group', year: 2025, confidentiality: 'public', programmeId: t.world.programmes.A }), 'source').body;
  add(p, 'source', source.id);
  const f = must(await p1.post('/api/fragments', {
    sourceId: source.id, excerpt: 'We asked the chief to let us speak, and he did.', locator: 'p. 4', language: 'en',
    speaker: { role: c('SpeakerRole'), gender: c('SpeakerGender'), ageBand: '35-44', place: c('SpeakerPlace'), consent: { level: 'anonymous', method: 'verbal', givenOn: '2025-03-01', recordedBy: c('SpeakerConsentBy') } },
    goals: [{ code: 'NL-IV-1.3', primary: true }], sensitivity: 'public',
  }), 'fragment').body;
  must(await p1.post(`/api/fragments/${f.id}/transitions`, { to: 'submitted' }), 'fragment submit');
  must(await moveReviewed(ev, `/api/fragments/${f.id}/transitions`, { to: 'published' }), 'fragment publish');
  add(p, 'fragment', f.id);
}

/** Plants canaries in every kind whose routes exist; `tag` keeps two plantings apart. */
export async function plantCanaries(t: TestApp, tag = ''): Promise<Planted> {
  const p: Planted = { values: [String(CANARY_LAT), String(CANARY_LON)], making: [], ids: {}, kinds: ['outcome'] };
  // staff names are personal data too: partner1's own name becomes a canary
  must(await (await t.as('partner1')).patch('/api/auth/me', { name: canary(`StaffName${tag}`) }), 'rename');
  p.values.push(canary(`StaffName${tag}`));
  await plantOutcomes(t, p, tag);
  await plantReview(t, p, tag);
  if (hasRoute('POST /api/files')) p.kinds.push('file');
  if (hasRoute('POST /api/outcomes/:id/substantiations')) p.kinds.push('substantiation');
  if (hasRoute('POST /api/stories')) {
    await plantStories(t, p, tag);
    p.kinds.push('story');
  }
  if (hasRoute('POST /api/fragments') && hasRoute('POST /api/sources')) {
    await plantFragments(t, p, tag);
    p.kinds.push('fragment');
  }
  return p;
}

/** The canaries found in a text (a response body, a file, a dump). */
export const found = (text: string | Buffer, values: string[]) => values.filter((v) => text.includes(v));
