// Records for the policy test of the other kinds of evidence (stories, fragments, sources, themes,
// files, evidence links, selection rounds) and of imports: each made through the API when its
// routes exist, in the states and places the rules of policy-rules-evidence.ts distinguish.
import { stringify } from 'csv-stringify/sync';
import type { Person } from './app';
import { hasRoute, moveReviewed, must, outcomeIn, PROGRAMME_OF } from './proof';
import type { Builder, Target } from './policy-records';
import type { Rec } from './policy-rules';
import { HEADER, row, upload } from './interop';

type Org = 'p1' | 'p3';
const AUTHOR: Record<Org, Person> = { p1: 'partner1', p3: 'partner3' };
const REVIEWER: Record<Org, Person> = { p1: 'evaluator', p3: 'evaluatorB' };
const STEPS = { draft: [], submitted: ['submitted'], published: ['submitted', 'published'] } as const;
type Status = keyof typeof STEPS;
const consent = (level: string) => ({ level, method: 'verbal', givenOn: '2025-02-14', recordedBy: 'Field officer' });

async function move({ t }: Builder, org: Org, path: string, status: Status): Promise<void> {
  for (const to of STEPS[status]) must(await moveReviewed(await t.as(to === 'submitted' ? AUTHOR[org] : REVIEWER[org]), `${path}/transitions`, { to }), `${path} → ${to}`);
}

/** A story of `org` in `status`, with the storyteller's consent at `level`. */
export async function makeStory(b: Builder, org: Org, status: Status, level: string): Promise<string> {
  const s = must(await (await b.t.as(AUTHOR[org])).post('/api/stories', {
    title: `A story for the policy test (${b.next()})`, story: 'The women of the market now speak at the council.', whySignificant: 'Nobody listened before.',
    domain: 'any-other-change', collectedBy: 'Field officer', collectedOn: '2025-02-14', location: { country: 'ML' }, language: 'en',
    storyteller: { role: 'market trader' }, consent: consent(level), goals: [{ code: 'NL-IV-1.3', primary: true }], sensitivity: 'public',
  }), 'story').body;
  await move(b, org, `/api/stories/${s.id}`, status);
  return s.id;
}

export async function storyTargets(b: Builder): Promise<Target[]> {
  if (!hasRoute('POST /api/stories')) return [];
  const specs: Array<[Org, Status, string]> = [['p1', 'draft', 'anonymous'], ['p1', 'submitted', 'anonymous'], ['p1', 'published', 'named'], ['p1', 'published', 'internal_only'], ['p3', 'published', 'anonymous']];
  return Promise.all(specs.map(async ([org, status, level]) => {
    const rec: Rec = { kind: 'story', org, programme: PROGRAMME_OF[org], status, sensitivity: 'public', shared: level !== 'internal_only', consent: level, params: { id: '' } };
    const refresh = async () => { rec.params.id = await makeStory(b, org, status, level); };
    await refresh();
    return { rec, refresh };
  }));
}

export async function sourceTargets({ t }: Builder): Promise<Target[]> {
  if (!hasRoute('POST /api/sources')) return [];
  const specs: Array<[Org, string]> = [['p1', 'public'], ['p1', 'internal'], ['p3', 'public']];
  return Promise.all(specs.map(async ([org, confidentiality]) => {
    const programme = PROGRAMME_OF[org];
    const s = must(await (await t.as(AUTHOR[org])).post('/api/sources', { title: `Focus group ${org} ${confidentiality}`, type: 'focus_group', year: 2025, confidentiality, programmeId: t.world.programmes[programme] }), 'source').body;
    return { rec: { kind: 'source', org, programme, confidentiality, params: { id: s.id } } };
  }));
}

export async function fragmentTargets(b: Builder, sources: Target[]): Promise<Target[]> {
  if (!hasRoute('POST /api/fragments') || !sources.length) return [];
  const sourceOf = (org: Org, conf: string) => sources.find((s) => s.rec.org === org && s.rec.confidentiality === conf)!.rec.params.id;
  const specs: Array<[Org, Status, string]> = [['p1', 'draft', 'public'], ['p1', 'submitted', 'public'], ['p1', 'published', 'public'], ['p1', 'published', 'internal'], ['p3', 'published', 'public']];
  return Promise.all(specs.map(async ([org, status, conf]) => {
    const rec: Rec = { kind: 'fragment', org, programme: PROGRAMME_OF[org], status, sensitivity: 'public', shared: conf === 'public', params: { id: '' } };
    const refresh = async () => {
      const f = must(await (await b.t.as(AUTHOR[org])).post('/api/fragments', {
        sourceId: sourceOf(org, conf), excerpt: `We asked the chief to let us speak (${b.next()}).`, locator: 'p. 4', language: 'en',
        speaker: { role: 'teacher', consent: consent('anonymous') }, goals: [{ code: 'NL-IV-1.3', primary: true }], sensitivity: 'public',
      }), 'fragment').body;
      await move(b, org, `/api/fragments/${f.id}`, status);
      rec.params.id = f.id;
    };
    await refresh();
    return { rec, refresh };
  }));
}

export async function themeTargets({ t, next }: Builder): Promise<Target[]> {
  if (!hasRoute('POST /api/themes')) return [];
  const code = `policy-theme-${next()}`;
  // made again after a probe removed it (a theme nothing uses may be removed)
  const refresh = async () => {
    const r = await (await t.as('evaluator')).post('/api/themes', { code, name: 'Voice in local councils' });
    if (r.status !== 201 && r.status !== 409) must(r, 'theme');
  };
  await refresh();
  return [{ rec: { kind: 'theme', params: { code } }, refresh }];
}

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

export async function fileTargets(b: Builder): Promise<Target[]> {
  if (!hasRoute('POST /api/files')) return [];
  const specs: Array<[Org, 'submitted' | 'published' | 'draft']> = [['p1', 'draft'], ['p1', 'submitted'], ['p1', 'published'], ['p3', 'published']];
  return Promise.all(specs.map(async ([org, status]) => {
    const o = await outcomeIn(b.t, org, status);
    const r = await upload(await b.t.as(AUTHOR[org]), '/api/files', { name: 'minutes.pdf', bytes: PDF, type: 'application/pdf' }, { outcomeId: o.id });
    if (r.status !== 201) throw new Error(`upload: ${r.status} ${r.text}`);
    return { rec: { kind: 'file', org, programme: PROGRAMME_OF[org], status, sensitivity: 'public', params: { id: r.body.id } } };
  }));
}

export async function evidenceLinkTargets(b: Builder): Promise<Target[]> {
  if (!hasRoute('POST /api/outcomes/:id/evidence-links') || !hasRoute('POST /api/stories')) return [];
  return Promise.all((['p1', 'p3'] as Org[]).map(async (org) => {
    const o = await outcomeIn(b.t, org, 'submitted');
    const story = await makeStory(b, org, 'published', 'anonymous'); // its own: the story tests move theirs
    const rec: Rec = { kind: 'evidenceLink', org, programme: PROGRAMME_OF[org], status: 'submitted', sensitivity: 'public', params: { id: o.id, linkId: '' } };
    const refresh = async () => {
      rec.params.linkId = must(await (await b.t.as(AUTHOR[org])).post(`/api/outcomes/${o.id}/evidence-links`, { storyId: story, relation: 'supports' }), 'evidence link').body.id;
    };
    await refresh();
    return { rec, refresh };
  }));
}

export async function selectionRoundTargets(b: Builder): Promise<Target[]> {
  if (!hasRoute('POST /api/selection-rounds')) return [];
  const specs: Array<[Org, Status, string]> = [['p1', 'submitted', 'anonymous'], ['p1', 'published', 'named'], ['p3', 'published', 'anonymous']];
  const out: Target[] = [];
  for (const [org, status, level] of specs) {
    const story = await makeStory(b, org, status, level); // its own: the story tests move theirs
    const r = must(await (await b.t.as(REVIEWER[org])).post('/api/selection-rounds', {
      level: 'partner', domain: 'any-other-change', panel: [{ role: 'women leaders' }], storyIds: [story], selectedStoryId: story, reasons: 'It shows voice where there was none.',
    }), 'selection round').body;
    out.push({ rec: { kind: 'selectionRound', org, programme: PROGRAMME_OF[org], status, sensitivity: 'public', shared: true, consent: level, params: { id: r.id } } });
  }
  return out;
}

export async function importTargets({ t }: Builder): Promise<{ imports: Target[]; mappings: Target[] }> {
  if (!hasRoute('POST /api/imports')) return { imports: [], mappings: [] };
  const csv = stringify([HEADER, HEADER.map((h) => row()[h] ?? '')]);
  const rec: Rec = { kind: 'import', org: 'p1', by: 'partner1', params: { id: '' } };
  const refresh = async () => {
    const r = await upload(await t.as('partner1'), '/api/imports', { name: 'outcomes.csv', bytes: csv, type: 'text/csv' }, { format: 'csv', kind: 'outcomes' });
    if (r.status !== 201) throw new Error(`import: ${r.status} ${r.text}`);
    rec.params.id = r.body.id;
  };
  await refresh();
  const mrec: Rec = { kind: 'mapping', org: 'p1', params: { id: '' } };
  const mrefresh = async () => {
    mrec.params.id = must(await (await t.as('partner1')).post('/api/import-mappings', { name: 'Kobo form', kind: 'outcomes', fields: { title: { from: 'title' } } }), 'mapping').body.id;
  };
  await mrefresh();
  return { imports: [{ rec, refresh }], mappings: [{ rec: mrec, refresh: mrefresh }] };
}
