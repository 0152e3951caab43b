// Valid base bodies of every create route, for the hostile-input test: who sends it, the parent
// record its path needs, and a body that is accepted as it is. `n` keeps what must be unique
// unique (names, codes, languages, periods). A create route missing here fails the test.
import type { Person, Res, TestApp } from './app';
import { outcomeBody } from './fixtures';
import { hasRoute, must, outcomeIn } from './proof';

export type Base = { as: Person; params?: Record<string, string>; body: Record<string, unknown>; after?: (res: Res) => Promise<void>; width?: number };
export type BaseOf = (n: number) => Base;

const day = (n: number) => new Date(Date.UTC(1995, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const lang = (n: number) => `fr-h${String(n).padStart(5, '0')}`;
const consent = { level: 'named', method: 'written', givenOn: '2025-02-14', recordedBy: 'Field officer' };
const storyBody = () => ({
  title: 'Market women at the council', story: 'They speak now.', whySignificant: 'Nobody listened before.', domain: 'any-other-change',
  collectedBy: 'Field officer', collectedOn: '2025-02-14', location: { country: 'ML', adminArea: 'Mopti' }, language: 'en',
  storyteller: { role: 'trader', gender: 'woman', place: 'Mopti', name: 'Awa' }, consent, goals: [{ code: 'NL-IV-1.3', primary: true }], sensitivity: 'public',
});

/** The parent records the routes with a parameter need; made once. */
export async function parents(t: TestApp): Promise<Record<string, string>> {
  const p: Record<string, string> = {};
  const p1 = await t.as('partner1');
  const ev = await t.as('evaluator');
  p.draft = (await outcomeIn(t, 'p1', 'draft')).id;
  // translations come back with their record: spread them over a few, so answers stay small
  for (let i = 0; i < 5; i++) p[`translated${i}`] = (await outcomeIn(t, 'p1', 'draft')).id;
  p.otherDraft = (await outcomeIn(t, 'p1', 'draft')).id;
  p.underReview = (await outcomeIn(t, 'p1', 'under_review')).id;
  if (hasRoute('POST /api/harvests')) p.harvest = must(await ev.post('/api/harvests', { programmeId: t.world.programmes.A, title: 'Hostile harvest' }), 'harvest').body.id;
  // a rubric, whose scores take every text a value may carry: the note and the reason
  if (hasRoute('POST /api/indicators')) {
    p.indicator = must(await ev.post('/api/indicators', {
      kind: 'rubric', code: 'HOSTILE-1', name: 'Hostile', programmeId: t.world.programmes.A,
      levels: [{ level: 1, label: 'Low', descriptor: 'Low.' }, { level: 2, label: 'High', descriptor: 'High.' }],
    }), 'indicator').body.id;
  }
  if (hasRoute('POST /api/stories')) {
    p.story = must(await p1.post('/api/stories', storyBody()), 'story').body.id;
    for (let i = 0; i < 5; i++) p[`story${i}`] = must(await p1.post('/api/stories', storyBody()), 'story').body.id;
    p.submittedStory = must(await p1.post('/api/stories', storyBody()), 'story').body.id;
    must(await p1.post(`/api/stories/${p.submittedStory}/transitions`, { to: 'submitted' }), 'submit');
  }
  if (hasRoute('POST /api/selection-rounds') && p.submittedStory) {
    p.round = must(await ev.post('/api/selection-rounds', { level: 'partner', domain: 'any-other-change', panel: [{ role: 'panel' }], storyIds: [p.submittedStory], selectedStoryId: p.submittedStory, reasons: 'Why.' }), 'round').body.id;
  }
  if (hasRoute('POST /api/sources')) p.source = must(await p1.post('/api/sources', { title: 'Report', type: 'report', year: 2024, confidentiality: 'public', programmeId: t.world.programmes.A }), 'source').body.id;
  return p;
}

export function baseBodies(t: TestApp, p: Record<string, string>): Record<string, BaseOf> {
  return {
    'POST /api/organisations': (n) => ({ as: 'admin', body: { name: `Hostile org ${n}`, kind: 'partner' } }),
    'POST /api/programmes': (n) => ({ as: 'admin', body: { name: `Hostile programme ${n}`, description: 'About it.' } }),
    // in p2, whose outcomes nobody comments on here: every partner of an organisation hears of a comment
    'POST /api/users': (n) => ({ as: 'admin', body: { email: `h${n}@hostile.test`, name: 'Hostile Person', role: 'partner', organisationId: t.world.orgs.p2 } }),
    'POST /api/frameworks': (n) => ({
      as: 'admin',
      body: { id: `hostile-${n}`, name: 'Framework', name_nl: 'Kader', name_fr: 'Cadre', name_ar: 'إطار', version: '1', goals: [{ code: `HX${n}-1`, name: 'Goal', name_nl: 'Doel', name_fr: 'But', name_ar: 'هدف', description: 'About it.' }] },
    }),
    'POST /api/outcomes': () => ({
      as: 'partner1',
      body: outcomeBody({ socialActor: { name: 'Awa Traoré', type: 'individual' }, evidence: [{ kind: 'document', title: 'Minutes' }, { kind: 'link', title: 'Radio', url: 'https://example.org/r' }, { kind: 'informant', role: 'clerk', name: 'Awa', contact: '+223' }] }),
    }),
    'POST /api/outcomes/:id/translations': (n) => ({ as: 'partner1', params: { id: p[`translated${n % 5}`] }, body: { language: lang(n), title: 'Titre', description: 'D', significance: 'S', contribution: 'C', translatedBy: 'T' } }),
    'POST /api/outcomes/:id/comments': () => ({ as: 'partner1', params: { id: p.draft }, body: { body: 'A question.' } }),
    'POST /api/outcomes/:id/substantiations': () => ({ as: 'evaluator', params: { id: p.underReview }, body: { substantiator: { name: 'Mariam', relationship: 'clerk', contact: '+223' }, independent: true } }),
    'POST /api/outcomes/:id/links': () => ({ as: 'partner1', params: { id: p.draft }, body: { targetId: p.otherDraft, relation: 'contributes_to' } }),
    'POST /api/outcomes/:id/evidence-links': () => ({
      as: 'partner1', params: { id: p.draft }, body: { storyId: p.story, relation: 'supports', note: 'Why it supports it.' }, width: 1,
      // one link per story and outcome: remove it, so the next string can make it again
      after: async (res) => { must(await (await t.as('partner1')).delete(`/api/outcomes/${p.draft}/evidence-links/${res.body.id}`), 'unlink'); },
    }),
    'POST /api/harvests': (n) => ({ as: 'evaluator', body: { programmeId: t.world.programmes.A, title: 'Harvest', questions: 'What changed?', domains: [`Domain ${n}`] } }),
    'POST /api/harvests/:id/domains': (n) => ({ as: 'evaluator', params: { id: p.harvest }, body: { code: `h-${n}`, name: 'Domain', description: 'About it.' } }),
    'POST /api/indicators': (n) => ({
      as: 'evaluator',
      body: { code: `H-${n}`, name: 'Indicator', description: 'D', unit: 'count', direction: 'increase', source: 'S', notes: 'N', programmeId: t.world.programmes.A, baseline: { value: 1, date: '2020-01-01', note: 'b' } },
    }),
    'POST /api/indicators/:id/values': (n) => ({ as: 'evaluator', params: { id: p.indicator }, body: { periodStart: day(n), periodEnd: day(n), value: 1, note: 'N', reason: 'R' } }),
    'POST /api/import-mappings': (n) => ({ as: 'partner1', body: { name: `Mapping ${n}`, kind: 'outcomes', fields: { title: { from: 'title' }, description: { template: 'Said: {q1}' }, country: { value: 'ML' } } } }),
    'POST /api/stories': () => ({ as: 'partner1', body: storyBody() }),
    'POST /api/stories/:id/translations': (n) => ({ as: 'partner1', params: { id: p[`story${n % 5}`] }, body: { language: lang(n), title: 'Titre', story: 'Histoire', whySignificant: 'Pourquoi', translatedBy: 'T' } }),
    'POST /api/selection-rounds': () => ({
      as: 'evaluator',
      body: { level: 'partner', domain: 'any-other-change', panel: [{ role: 'panel' }], storyIds: [p.submittedStory], selectedStoryId: p.submittedStory, reasons: 'Why.', dissent: 'One disagreed.' },
    }),
    'POST /api/selection-rounds/:id/feedback': () => ({ as: 'evaluator', params: { id: p.round }, body: { method: 'meeting', givenOn: '2025-03-01', note: 'We told them.' } }),
    'POST /api/sources': () => ({ as: 'partner1', body: { title: 'Report', type: 'report', author: 'Author', year: 2024, confidentiality: 'public', programmeId: t.world.programmes.A } }),
    'POST /api/themes': (n) => ({ as: 'evaluator', body: { code: `h-${n}`, name: 'Theme', description: 'About it.' } }),
    'POST /api/fragments': () => ({
      as: 'partner1',
      body: { sourceId: p.source, excerpt: 'We spoke.', locator: 'p. 4', language: 'en', location: { country: 'ML', adminArea: 'Mopti' }, speaker: { role: 'teacher', gender: 'woman', place: 'Mopti', consent }, goals: [{ code: 'NL-IV-1.3', primary: true }], sensitivity: 'public' },
    }),
  };
}
