// Donor and peer safety: canary values in every personal field of every record kind that exists
// (tests/helpers/canaries.ts), then every GET route of the registry — lists, records,
// sub-resources, search, exports, reports — crawled as donors and as other organisations'
// partners, with the ids of the records made: no canary may appear in any answer. The same crawl
// as the records' own partner must find them, so the crawler is known to look in the right places.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { allRoutes } from '../../server/app';
import type { RouteDef } from '../../server/http/types';
import { startTestApp, TestApp, Person } from '../helpers/app';
import { TMP } from '../helpers/db';
import { fill, hasRoute, must, paramsOf, routeName } from '../helpers/proof';
import { canary, found, plantCanaries, Planted } from '../helpers/canaries';

/** The record kind a route's first parameter names, by the path segment before it. */
const KIND_OF_SEGMENT: Record<string, string> = {
  outcomes: 'outcome', stories: 'story', fragments: 'fragment', files: 'file', sources: 'source', harvests: 'harvest',
  programmes: 'programme', users: 'user', organisations: 'organisation', frameworks: 'framework', indicators: 'indicator',
  'selection-rounds': 'selectionRound', imports: 'import', 'import-mappings': 'mapping', substantiate: 'token', 'set-password': 'token', 'two-factor': 'token', themes: 'theme',
  notifications: 'notification',
};
const OUTSIDERS: Person[] = ['donor', 'partner2', 'donorB', 'partner3'];

let t: TestApp;
let planted: Planted;
const getRoutes = allRoutes().filter((r) => r.method === 'get');
const figures = { routes: 0, requests: 0, canaries: 0, kinds: [] as string[], outsiders: OUTSIDERS };

function kindOf(r: RouteDef): string | undefined {
  const first = paramsOf(r.path)[0];
  if (!first) return undefined;
  const before = r.path.split(`/:${first}`)[0].split('/').pop()!;
  return KIND_OF_SEGMENT[before] ?? `unknown segment "${before}"`;
}

/** The query a route is called with: the largest page, and every required parameter at its first allowed value. */
function queryOf(r: RouteDef): string {
  if (!r.query) return '';
  const schema = t.ctx.validator.get(r.query).schema as { properties?: Record<string, { enum?: string[]; $ref?: string }>; required?: string[] };
  const q = new URLSearchParams();
  if (schema.properties?.pageSize) q.set('pageSize', '200');
  for (const name of schema.required ?? []) {
    const p = schema.properties?.[name];
    const ref = p?.$ref ? (t.ctx.validator.ajv.getSchema(`${r.query.split('#')[0]}${p.$ref}`)?.schema as { enum?: string[] } | undefined) : undefined;
    const value = p?.enum?.[0] ?? ref?.enum?.[0];
    if (value) q.set(name, value);
  }
  return q.size ? `?${q}` : '';
}

/** Every concrete path to crawl for a GET route: one per record of its kind (or one unknown id). */
function pathsOf(r: RouteDef): string[] {
  const params = paramsOf(r.path);
  if (!params.length) return [r.path + queryOf(r)];
  const ids = planted.ids[kindOf(r)!] ?? [randomUUID()];
  return ids.map((id) => fill(r.path, Object.fromEntries(params.map((p, i) => [p, i === 0 ? id : randomUUID()]))) + queryOf(r));
}

/** The text of an answer, whatever its format (XLSX is a zip: its cells are read out). */
async function textOf(res: Response): Promise<string> {
  const bytes = Buffer.from(await res.arrayBuffer());
  if (/spreadsheetml/.test(res.headers.get('content-type') ?? '') && res.status === 200) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const cells: string[] = [];
    book.eachSheet((ws) => ws.eachRow((row) => cells.push(JSON.stringify(row.values))));
    return cells.join('\n');
  }
  return bytes.toString('utf8') + bytes.toString('latin1');
}

async function crawl(who: Person, extra: string[] = []): Promise<Array<{ path: string; status: number; canaries: string[] }>> {
  const c = await t.as(who);
  const paths = [...getRoutes.flatMap(pathsOf), ...extra];
  const out = [];
  for (const p of paths) {
    // a redirect (a link trading its token for a cookie) holds nothing; where it leads is crawled on its own
    const res = await fetch(t.base + p, { headers: { cookie: c.cookie! }, redirect: 'manual' });
    out.push({ path: p, status: res.status, canaries: found(await textOf(res), [...planted.values, ...planted.making]) });
  }
  figures.requests += out.length;
  return out;
}

/** Searching for a canary must find nothing: a count is a leak too. */
const searches = () => getRoutes.filter((r) => !paramsOf(r.path).length && r.query
  && (t.ctx.validator.get(r.query).schema as { properties?: Record<string, unknown> }).properties?.q)
  .flatMap((r) => planted.values.filter((v) => v.startsWith('Kanarie')).slice(0, 6).map((v) => `${r.path}?q=${encodeURIComponent(v)}`));

beforeAll(async () => {
  t = await startTestApp();
  // uploaded files go to a folder of this test's own
  t.ctx.config.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-canaries-'));
  planted = await plantCanaries(t);
  if (hasRoute('POST /api/harvests')) {
    // a harvest holding the canary outcomes, so that its summary and reports are crawled with them
    const ev = await t.as('evaluator');
    const h = must(await ev.post('/api/harvests', { programmeId: t.world.programmes.A, title: 'Harvest with canaries' }), 'harvest').body.id;
    for (const id of planted.ids.outcome) await ev.patch(`/api/outcomes/${id}`, { harvestId: h });
    planted.ids.harvest = [h];
  }
  planted.ids.programme = [t.world.programmes.A, t.world.programmes.B];
  planted.ids.user = [t.world.users.partner1];
  planted.ids.organisation = [t.world.orgs.p1];
  planted.ids.framework = ['nap1325-iv'];
  figures.canaries = planted.values.length + planted.making.length;
  figures.kinds = planted.kinds;
}, 120_000);

afterAll(async () => {
  fs.mkdirSync(path.join(TMP, 'figures'), { recursive: true });
  fs.writeFileSync(path.join(TMP, 'figures', `canaries-${process.env.OOGST_TEST_DB ?? 'sqlite'}.json`), JSON.stringify(figures, null, 2));
  fs.rmSync(t.ctx.config.dataDir, { recursive: true, force: true });
  await t.close();
});

test('every GET route with a parameter names a kind of record the crawler can fill', () => {
  const unknown = getRoutes.filter((r) => kindOf(r)?.startsWith('unknown')).map(routeName);
  expect(unknown).toEqual([]);
  figures.routes = getRoutes.length;
});

test.each(OUTSIDERS)('when %s crawls every GET route, then no canary appears and nothing fails', async (who) => {
  const answers = await crawl(who, searches());
  expect(answers.filter((a) => a.status >= 500)).toEqual([]);
  expect(answers.filter((a) => a.canaries.length)).toEqual([]);
  expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(20); // the crawl reached things
}, 120_000);

test('when the organisation that recorded them crawls the same routes, then the canaries are there (the crawler looks in the right places)', async () => {
  const seen = new Set((await crawl('partner1')).flatMap((a) => a.canaries));
  for (const field of ['Actor', 'Informant', 'InformantEdited', 'Translator', 'StaffName']) expect(seen).toContain(canary(field));
  // the record's making: a draft, comments, transition comments, text edited out and corrected away
  for (const field of ['DraftText', 'DraftComment', 'SubmitComment', 'ReviewComment', 'RemovedName', 'CorrectedAway', 'CorrectionReason']) expect(seen).toContain(canary(field));
  if (planted.kinds.includes('story')) expect(seen).toContain(canary('StoryEditedOut'));
  expect(seen).toContain('13.5792468');
  if (planted.kinds.includes('file')) expect(seen).toContain(canary('FileName'));
  if (planted.kinds.includes('story')) expect(seen).toContain(canary('StorytellerName'));
  if (planted.kinds.includes('fragment')) expect(seen).toContain(canary('SpeakerRole'));
}, 120_000);

test('the evaluators of the programme see the substantiators; donors never do', async () => {
  if (!planted.kinds.includes('substantiation')) return;
  const seen = new Set((await crawl('evaluator')).flatMap((a) => a.canaries));
  expect(seen).toContain(canary('Substantiator'));
}, 120_000);
