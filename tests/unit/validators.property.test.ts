// The request validators (one ajv instance over schemas/) as properties: any text a person can type
// passes every text field as it is; what is not text, or too long, is refused with the field's
// JSON pointer; list filters and paging accept exactly their documented values.
import fc from 'fast-check';
import { createAjv, toProblemPaths, Validator } from '../../server/http/validation';
import { Problem } from '../../server/http/problem';
import { outcomeBody } from '../helpers/fixtures';

const validator = new Validator(createAjv());
const STATUSES = ['draft', 'submitted', 'under_review', 'substantiated', 'partly_substantiated', 'not_substantiated', 'published', 'retracted'];
/** The free-text fields of an outcome, as JSON pointers, with their limits. */
const TEXT_FIELDS: Array<[string, number]> = [
  ['/title', 300], ['/description', 50_000], ['/significance', 50_000], ['/contribution', 50_000],
  ['/socialActor/name', 300], ['/location/adminArea', 300], ['/evidence/0/title', 300],
];
const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;
const isForbidden = (cp: number) => (cp <= 0x1f && ![0x09, 0x0a, 0x0d].includes(cp)) || (cp >= 0x7f && cp <= 0x9f);
const textChar = fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => !isSurrogate(cp) && !isForbidden(cp)).map((cp) => String.fromCodePoint(cp));
const text = fc.oneof(fc.string({ unit: textChar, minLength: 1, maxLength: 80 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }));

function setAt(body: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = pointer.slice(1).split('/');
  let node: any = copy; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const k of keys.slice(0, -1)) node = node[k];
  node[keys[keys.length - 1]] = value;
  return copy;
}

function failure(ref: string, value: unknown): Problem | undefined {
  try {
    validator.check(ref, value);
    return undefined;
  } catch (e) {
    return e as Problem;
  }
}

test('any text in any text field of an outcome passes unchanged', () => {
  const base = outcomeBody({ evidence: [{ kind: 'document', title: 'Minutes' }] });
  fc.assert(fc.property(fc.constantFrom(...TEXT_FIELDS), text, ([pointer], s) => {
    const body = setAt(base, pointer, s);
    const before = JSON.stringify(body);
    const p = failure('outcomes#/$defs/outcomeCreate', body);
    return p === undefined && JSON.stringify(body) === before; // no coercion, no defaults written in
  }), { numRuns: 1000 });
});

test('a control character or a lone surrogate in a text field is refused, naming that field', () => {
  const bad = fc.oneof(
    fc.integer({ min: 0, max: 0x9f }).filter(isForbidden).map((cp) => String.fromCharCode(cp)),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)),
  );
  const base = outcomeBody({ evidence: [{ kind: 'document', title: 'Minutes' }] });
  fc.assert(fc.property(fc.constantFrom(...TEXT_FIELDS), text, bad, fc.nat(), ([pointer], s, b, at) => {
    const i = at % (s.length + 1);
    const p = failure('outcomes#/$defs/outcomeCreate', setAt(base, pointer, s.slice(0, i) + b + s.slice(i)));
    return p?.code === 'validation_failed' && p.errors.some((e) => e.path === pointer);
  }), { numRuns: 1000 });
});

test('a text over its limit is refused, one at the limit is not', () => {
  fc.assert(fc.property(fc.constantFrom(...TEXT_FIELDS.filter(([, max]) => max === 300)), fc.integer({ min: 280, max: 320 }), ([pointer, max], n) => {
    const p = failure('outcomes#/$defs/outcomeCreate', setAt(outcomeBody({ evidence: [{ kind: 'document', title: 'x' }] }), pointer, 'é'.repeat(n)));
    return (p === undefined) === (n <= max);
  }), { numRuns: 300 });
});

test('a status filter takes any comma-separated list of real states, and nothing else', () => {
  const fn = validator.get('outcomes#/$defs/listQuery');
  fc.assert(fc.property(fc.array(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 10 }), (xs) => fn({ status: xs.join(',') }) === true));
  fc.assert(fc.property(fc.array(fc.constantFrom(...STATUSES), { maxLength: 5 }), fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !STATUSES.includes(s)), fc.nat(),
    (xs, wrong, at) => {
      const list = [...xs];
      list.splice(at % (list.length + 1), 0, wrong);
      return fn({ status: list.join(',') }) === false;
    }), { numRuns: 500 });
});

test('page sizes 1 to 200 pass; anything else is refused', () => {
  const fn = validator.get('outcomes#/$defs/listQuery');
  fc.assert(fc.property(fc.integer({ min: -1000, max: 100_000 }), (n) => fn({ pageSize: String(n) }) === (n >= 1 && n <= 200)), { numRuns: 1000 });
  fc.assert(fc.property(fc.string({ maxLength: 6 }), (s) => !fn({ pageSize: s }) || /^[1-9][0-9]{0,2}$/.test(s)), { numRuns: 1000 });
});

test('countries are two capital letters; dates of the isoDate format are real calendar days', () => {
  const country = validator.get('common#/$defs/country');
  fc.assert(fc.property(fc.string({ maxLength: 4 }), (s) => country(s) === /^[A-Z]{2}$/.test(s)), { numRuns: 1000 });
  const isoDate = validator.get('common#/$defs/isoDate');
  fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
    const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
    return isoDate(s) === real;
  }), { numRuns: 2000 });
});

test('every failure path is a JSON pointer, listed once', () => {
  fc.assert(fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }), (junk) => {
    const fn = validator.get('outcomes#/$defs/outcomeCreate');
    if (fn(junk)) return true;
    const paths = toProblemPaths(fn.errors).map((e) => `${e.path}|${e.message}`);
    return paths.length > 0 && new Set(paths).size === paths.length && paths.every((p) => p.startsWith('/'));
  }), { numRuns: 500 });
});
