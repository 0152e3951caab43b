// Search folding (server/search/fold.ts) as properties: the same at index and query time, so what
// a person types finds the text whatever its accents, case or Arabic letter variants, and nothing
// typed reaches the search engine's syntax.
import fc from 'fast-check';
import { fold, queryTerms } from '../../server/core/fold';

const LATIN = [...'abcdefghijklmnopqrstuvwxyzéèêëàâäîïôöûüùçñœ'];
const ARABIC = [...'ابتثجحخدذرسشصضطظعغفقكلمنهويأإآٱىةؤئـ'];
const word = (letters: string[]) => fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 12 });
const sentence = (letters: string[]) => fc.array(word(letters), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const anyText = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), sentence(LATIN), sentence(ARABIC));

test('folding twice changes nothing', () => {
  fc.assert(fc.property(anyText, (s) => fold(fold(s)) === fold(s)), { numRuns: 2000 });
});

test('folded text has no combining marks, no tatweel and no Arabic letter variants', () => {
  fc.assert(fc.property(anyText, (s) => !/[\p{M}\u0640أإآٱىةؤئ]/u.test(fold(s))), { numRuns: 2000 });
});

test('composed and decomposed accents fold alike, and so do upper and lower case', () => {
  fc.assert(fc.property(sentence(LATIN), (s) => {
    expect(fold(s.normalize('NFD'))).toBe(fold(s.normalize('NFC')));
    expect(fold(s.toUpperCase())).toBe(fold(s));
    return true;
  }), { numRuns: 1000 });
});

test('a word of a text, typed without accents or in capitals, is found in it', () => {
  fc.assert(fc.property(fc.array(word(LATIN), { minLength: 1, maxLength: 10 }), fc.nat(), (words, k) => {
    const text = words.join(' ');
    const typed = words[k % words.length].normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    const terms = queryTerms(typed);
    return terms.length > 0 && terms.every((t) => fold(text).split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(t)));
  }), { numRuns: 1000 });
});

test('Arabic written with or without hamza, alif madda or ta marbuta finds the same', () => {
  const plain: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي' };
  fc.assert(fc.property(sentence(ARABIC), (s) => fold(s) === fold(s.replace(/[أإآٱىةؤئ]/g, (c) => plain[c]).replace(/\u0640/g, ''))), { numRuns: 1000 });
});

test('query terms are letters and digits only (no quotes, operators or column filters), at most 20', () => {
  fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.string({ unit: fc.constantFrom('"', '*', ':', '^', '-', '(', ')', 'NEAR', 'OR', ' ', 'a', '\u0000', '&', '|', '!'), maxLength: 60 }), (a, b) => {
    const terms = queryTerms(a + b);
    return terms.length <= 20 && terms.every((t) => /^[\p{L}\p{N}]+$/u.test(t) && t === fold(t));
  }), { numRuns: 2000 });
});
