// The `text` format: anything a person can type is text; only NUL, other control characters
// (tab, LF and CR excepted) and unpaired surrogates are not (DESIGN.md, API conventions).
import fc from 'fast-check';
import { createAjv, isText, Validator } from '../../server/http/validation';
import { Problem } from '../../server/http/problem';

const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d]);
/** Unicode general category Cc: C0, DEL and C1. */
const isControl = (cp: number) => cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;
const FORBIDDEN_CONTROLS = Array.from({ length: 0xa0 }, (_, cp) => cp).filter((cp) => isControl(cp) && !ALLOWED_CONTROLS.has(cp));

/** Any code point a person could type or paste: everything but forbidden controls and surrogates. */
const textChar = fc.integer({ min: 0, max: 0x10ffff })
  .filter((cp) => !isSurrogate(cp) && (!isControl(cp) || ALLOWED_CONTROLS.has(cp)))
  .map((cp) => String.fromCodePoint(cp));
const text = fc.oneof(
  fc.string({ unit: textChar, maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\t', '\n', '\r\n', ' ', '\u200f', '\u200e', '\u202b', '\u202c', '\u2067', '\u2069', '👩🏽‍⚕️', 'é', 'ع', 'ש', '<b>', '"', "'"), maxLength: 30 }),
);
/** Puts `bad` somewhere inside `s` (at a UTF-16 index, possibly splitting a surrogate pair). */
const insertAt = (s: string, bad: string, at: number) => s.slice(0, at % (s.length + 1)) + bad + s.slice(at % (s.length + 1));

describe('isText accepts what people type', () => {
  test.each([
    ['Latin with accents', 'Résolution 1325 — « participation » des femmes'],
    ['Arabic', 'المرأة والسلام والأمن'],
    ['Hebrew with an RTL mark', 'שלום\u200f 2024'],
    ['bidi embedding and isolates', 'a \u202bעברית\u202c b \u2067مرحبا\u2069'],
    ['Chinese, Devanagari, Amharic', '妇女、和平与安全 महिला ሰላም'],
    ['emoji with ZWJ and skin tones', '👩🏽‍⚕️ 👨‍👩‍👧‍👦 🇳🇱 ✊🏿'],
    ['tabs, newlines and CRLF', 'a\tb\nc\r\nd'],
    ['markup and quotes', '<script>alert("x")</script> \'single\' `back` ${x}'],
    ['zero-width and BOM', 'zero\u200bwidth\u200d joiner \ufeff'],
    ['line and paragraph separators', 'a\u2028b\u2029c'],
    ['astral plane', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𓀀 \u{10FFFD}'],
    ['the empty string', ''],
  ])('%s', (_name, s) => {
    expect(isText(s)).toBe(true);
  });

  test('property: any string without forbidden controls or lone surrogates is text', () => {
    fc.assert(fc.property(text, (s) => isText(s)), { numRuns: 500 });
  });
});

describe('isText refuses what is not text', () => {
  test.each([
    ['NUL', 'a\u0000b'],
    ['bell', '\u0007'],
    ['escape (terminal colours)', '\u001b[31mred'],
    ['vertical tab', 'a\u000bb'],
    ['form feed', 'a\u000cb'],
    ['DEL', 'a\u007f'],
    ['C1 control', 'a\u0085b'],
    ['lone high surrogate', 'x\ud83d'],
    ['lone low surrogate', '\udc00x'],
    ['reversed pair', '\ude00\ud83d'],
  ])('%s', (_name, s) => {
    expect(isText(s)).toBe(false);
  });

  test('property: one forbidden control character anywhere makes it not text', () => {
    fc.assert(fc.property(text, fc.constantFrom(...FORBIDDEN_CONTROLS), fc.nat(), (s, cp, at) =>
      !isText(insertAt(s, String.fromCharCode(cp), at))), { numRuns: 500 });
  });

  test('property: one unpaired surrogate anywhere makes it not text', () => {
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
    fc.assert(fc.property(text, surrogate, fc.nat(), (s, u, at) => !isText(insertAt(s, u, at))), { numRuns: 500 });
  });
});

describe('the text format in ajv', () => {
  const validator = new Validator(createAjv());

  test('when a title holds a NUL, then validation_failed names the path', () => {
    let thrown: unknown;
    try {
      validator.check('admin#/$defs/organisationCreate', { name: 'Org\u0000', kind: 'partner' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Problem);
    expect((thrown as Problem).code).toBe('validation_failed');
    expect((thrown as Problem).errors).toContainEqual(expect.objectContaining({ path: '/name' }));
  });

  test('property: any text title is accepted as it is', () => {
    const fn = validator.get('common#/$defs/title');
    fc.assert(fc.property(text.filter((s) => s.length >= 1 && s.length <= 300), (s) => fn(s) === true), { numRuns: 300 });
  });
});
