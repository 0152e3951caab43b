// Sealing per record and the blind index (server/crypto/record-keys.ts): a sealed value opens
// only with its own record's key; the index holds no word, matches a word by itself and by its
// prefixes of three letters or more, and a shorter term by whole words only.
import crypto from 'node:crypto';
import { blindIndex, blindTerms, isSealed, seal, unseal } from '../../server/crypto/record-keys';
import { fold } from '../../server/core/fold';
import type { Keyring } from '../../server/crypto/fields';

const ring: Keyring = { currentKeyId: 'k1', keys: { k1: crypto.randomBytes(32) }, searchKey: crypto.randomBytes(32) };
const matches = (text: string, term: string) => blindIndex(ring, fold(text)).split(' ').includes(blindTerms(ring, [fold(term)])[0]);

test('a sealed value opens with its record key only, and a value written before sealing passes as it is', () => {
  const key = crypto.randomBytes(32);
  const sealed = seal(key, 'Aïcha spoke at the council in Mopti');
  expect(isSealed(sealed)).toBe(true);
  expect(sealed).not.toMatch(/council|Mopti/);
  expect(unseal(key, sealed)).toBe('Aïcha spoke at the council in Mopti');
  expect(() => unseal(crypto.randomBytes(32), sealed)).toThrow();
  expect(() => unseal(undefined, sealed)).toThrow(/key is gone/);
  expect(unseal(undefined, 'plain text from before')).toBe('plain text from before');
});

test('the blind index holds no word, and finds words by themselves and by their prefixes', () => {
  const text = 'Les femmes médiatrices de Sévaré ont rencontré le conseil — مدرسة';
  const index = blindIndex(ring, fold(text));
  for (const word of ['femmes', 'sevare', 'conseil', 'fem', 'med']) expect(index).not.toContain(word);
  expect(matches(text, 'Sévaré')).toBe(true);
  expect(matches(text, 'sev')).toBe(true); // a prefix of three letters
  expect(matches(text, 'médiat')).toBe(true);
  expect(matches(text, 'مدرسه')).toBe(true); // Arabic letter variants fold alike
  expect(matches(text, 'se')).toBe(false); // two letters: whole words only …
  expect(matches(text, 'le')).toBe(true); // … which "le" is
  expect(matches(text, 'conseils')).toBe(false);
  expect(matches(text, 'market')).toBe(false);
});

test('the same text gives the same index under one search key, and another under another', () => {
  const other: Keyring = { ...ring, searchKey: crypto.randomBytes(32) };
  expect(blindIndex(ring, 'women council')).toBe(blindIndex(ring, 'women council'));
  expect(blindIndex(other, 'women council')).not.toBe(blindIndex(ring, 'women council'));
  expect(() => blindIndex({ currentKeyId: 'k1', keys: ring.keys }, 'x')).toThrow(/search key/);
});
