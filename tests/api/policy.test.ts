// The access policy, checked on every route of the registry for every kind of caller: admin, a
// partner, another organisation's partner of the same programme, a partner, an evaluator and a
// donor of another programme, the programme's evaluator and donor, a user who still owes their
// organisation a second factor, and anonymous callers. The expected answer comes from
// tests/helpers/policy-rules.ts (written from DESIGN.md, not from the code) through the route
// table of tests/helpers/policy-table.ts; a route the table does not know fails.
import fs from 'node:fs';
import path from 'node:path';
import { allRoutes } from '../../server/app';
import type { RouteDef } from '../../server/http/types';
import { startTestApp, TestApp, Client, Res, Person, PASSWORD } from '../helpers/app';
import { TMP } from '../helpers/db';
import { fill, must, routeName } from '../helpers/proof';
import { Caller, Rec, SETUP_ONLY, Verdict } from '../helpers/policy-rules';
import { Entry, POLICY, Probe } from '../helpers/policy-table';
import { Builder, harvestTargets, indicatorTargets, notificationTargets, OUTCOME_SPECS, outcomeLinkTargets, outcomeTargets, substantiationTargets, Target } from '../helpers/policy-records';
import { evidenceLinkTargets, fileTargets, fragmentTargets, importTargets, makeStory, selectionRoundTargets, sourceTargets, storyTargets, themeTargets } from '../helpers/policy-records-evidence';

const CALLERS: Caller[] = [
  { name: 'admin', role: 'admin', org: 'adminOrg', programmes: [] },
  { name: 'partner1', role: 'partner', org: 'p1', programmes: ['A'] },
  { name: 'partner2', role: 'partner', org: 'p2', programmes: ['A'] },
  { name: 'partner3', role: 'partner', org: 'p3', programmes: ['B'] },
  { name: 'evaluator', role: 'evaluator', org: 'evalOrg', programmes: ['A'] },
  { name: 'evaluatorB', role: 'evaluator', org: 'evalOrg', programmes: ['B'] },
  { name: 'donor', role: 'donor', org: 'donorOrg', programmes: ['A'] },
  { name: 'donorB', role: 'donor', org: 'donorOrg', programmes: ['B'] },
  { name: 'totpPending', role: 'partner', org: 'p4', programmes: [] },
];
const ANON: Caller = { name: 'anonymous', role: 'donor', org: '-', programmes: [] };

type Expected = { status: number | '2xx' | 'past access'; code?: string };

let t: TestApp;
let totpEmail: string;
const records: Record<string, Target[]> = {};
const figures = { routes: 0, checks: 0, records: 0, byRoute: {} as Record<string, number> };
let counter = 0;
const next = () => ++counter;

async function totpPendingUser(): Promise<string> {
  const admin = await t.as('admin');
  const org = must(await admin.post('/api/organisations', { name: 'Org p4 (requires two-factor sign-in)', kind: 'partner', requireTotp: true }), 'org p4');
  const u = must(await admin.post('/api/users', { email: 'pending@test.oogst', name: 'Pending Person', role: 'partner', organisationId: org.body.id }), 'user');
  must(await t.anon().post('/api/auth/set-password', { token: u.body.setPasswordLink.url.split('/').pop(), password: PASSWORD }), 'password');
  return 'pending@test.oogst';
}

beforeAll(async () => {
  t = await startTestApp();
  totpEmail = await totpPendingUser();
  const b: Builder = { t, next };
  const frameworks = (await (await t.as('admin')).get('/api/frameworks')).body.items as Array<{ id: string }>;
  records.outcome = await outcomeTargets(b);
  records.substantiation = await substantiationTargets(b);
  records.harvest = await harvestTargets(b);
  Object.assign(records, await indicatorTargets(b).then((x) => ({ indicator: x.indicators, indicatorValue: x.values })));
  records.notification = await notificationTargets(b);
  records.story = await storyTargets(b);
  records.source = await sourceTargets(b);
  records.fragment = await fragmentTargets(b, records.source);
  records.theme = await themeTargets(b);
  records.file = await fileTargets(b);
  records.evidenceLink = await evidenceLinkTargets(b);
  records.outcomeLink = await outcomeLinkTargets(b);
  records.selectionRound = await selectionRoundTargets(b);
  Object.assign(records, await importTargets(b).then((x) => ({ import: x.imports, mapping: x.mappings })));
  // evidence links from outcomes go to a published story of the same organisation
  if (records.story.length) {
    const stories = { p1: await makeStory(b, 'p1', 'published', 'anonymous'), p3: await makeStory(b, 'p3', 'published', 'anonymous') };
    for (const o of records.outcome) o.rec.evidenceTarget = stories[o.rec.org as 'p1' | 'p3'];
  }
  records.programme = (['A', 'B'] as const).map((p) => ({ rec: { kind: 'programme', programme: p, params: { id: t.world.programmes[p] } } }));
  records.user = [{ rec: { kind: 'user', params: { id: t.world.users.partner1b } } }];
  records.organisation = [{ rec: { kind: 'organisation', params: { id: t.world.orgs.p2 } } }];
  records.framework = [{ rec: { kind: 'framework', params: { id: frameworks[0].id } } }];
  records.token = [{ rec: { kind: 'token', params: { token: 'not-a-token-anyone-was-given' } } }];
}, 120_000);

afterAll(async () => {
  fs.mkdirSync(path.join(TMP, 'figures'), { recursive: true });
  fs.writeFileSync(path.join(TMP, 'figures', `policy-${process.env.OOGST_TEST_DB ?? 'sqlite'}.json`), JSON.stringify(figures, null, 2));
  await t.close();
});

async function clientOf(c: Caller, fresh: boolean): Promise<Client> {
  if (c === ANON) return t.anon();
  if (c.name === 'totpPending' || fresh) {
    const client = new Client(t.base);
    const email = c.name === 'totpPending' ? totpEmail : `${c.name.toLowerCase()}@test.oogst`;
    must(await client.post('/api/auth/login', { email, password: PASSWORD }), `login ${c.name}`);
    return client;
  }
  return t.as(c.name as Person);
}

function defaultProbe(r: RouteDef, e: Entry): Probe {
  const read = r.method === 'get';
  return { label: read ? 'read' : 'send an empty body', ...(!read && r.body && { body: () => ({}) }), verdict: () => (read && !e.target ? 'ok' : 'allowed') };
}

const VERDICT: Record<Verdict, Expected> = {
  ok: { status: '2xx' }, allowed: { status: 'past access' }, hidden: { status: 404, code: 'not_found' }, refused: { status: 403, code: 'forbidden' }, state: { status: 409 },
};

/** Rules 1–3 here; rules 4 and 5 are the probe's verdict. */
function expected(name: string, e: Entry, c: Caller, rec: Rec, probe: Probe): Expected {
  if (e.gate === 'public') return VERDICT[probe.verdict(c, rec)];
  if (c === ANON) return { status: 401, code: 'unauthenticated' };
  if (c.name === 'totpPending' && !SETUP_ONLY.has(name)) return { status: 403, code: 'totp_required' };
  if (e.gate !== 'user' && !e.gate.includes(c.role)) return { status: 403, code: 'forbidden' };
  return VERDICT[probe.verdict(c, rec)];
}

function matches(res: Res, x: Expected): boolean {
  if (res.status >= 500) return false;
  if (x.status === '2xx') return res.status >= 200 && res.status < 300;
  if (x.status === 'past access') return ![401, 403, 404].includes(res.status);
  return res.status === x.status && (!x.code || res.body?.code === x.code);
}

const routes = allRoutes();

test('every route of the registry has an entry in the policy table, and every entry a route', () => {
  const names = routes.map(routeName);
  expect(names.filter((n) => !POLICY[n])).toEqual([]);
  expect(Object.keys(POLICY).filter((n) => !names.includes(n))).toEqual([]);
});

describe.each(routes.map((r) => [routeName(r), r] as const))('%s', (name, r) => {
  test('answers every caller as the policy says', async () => {
    const e = POLICY[name];
    expect(e).toBeDefined();
    const targets: Target[] = e.target ? records[e.target] ?? [] : [{ rec: { kind: 'none', params: {} } }];
    expect(targets.length).toBeGreaterThan(0); // the test knows how to make a record for the route
    const wrong: string[] = [];
    let checks = 0;
    for (const target of targets) {
      const probes = typeof e.probes === 'function' ? e.probes(target.rec) : e.probes ?? [defaultProbe(r, e)];
      for (const probe of probes) {
        for (const c of [...CALLERS, ANON]) {
          const x = expected(name, e, c, target.rec, probe);
          const client = await clientOf(c, !!e.fresh);
          const body = probe.body?.(target.rec, ++counter);
          const res = await client.request(r.method.toUpperCase(), fill(r.path, target.rec.params) + (e.query ?? ''), body);
          checks++;
          if (!matches(res, x)) {
            const facts = Object.entries(target.rec).filter(([k]) => !['params', 'kind', 'linkTarget'].includes(k)).map(([k, v]) => `${k}=${v}`).join(' ');
            wrong.push(`${c.name} · ${probe.label} · ${target.rec.kind} ${facts}: expected ${x.status}${x.code ? ` ${x.code}` : ''}, got ${res.status} ${res.body?.code ?? ''}`);
          }
          if (probe.mutates && res.status < 300 && target.refresh) await target.refresh();
        }
      }
    }
    figures.routes++;
    figures.checks += checks;
    figures.byRoute[name] = checks;
    expect(wrong).toEqual([]);
  }, 120_000);
});

test('the records exist in the states the policy is checked on', () => {
  figures.records = Object.values(records).reduce((n, list) => n + list.length, 0);
  expect(records.outcome.map((x) => `${x.rec.org}:${x.rec.status}:${x.rec.sensitivity}`)).toEqual(OUTCOME_SPECS.map((s) => s.join(':')));
});
