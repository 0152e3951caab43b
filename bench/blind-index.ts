// What sealing and the blind index cost (server/crypto/record-keys.ts): for a story of 2,000 words
// of real-sized vocabulary and for the longest text (50,000 characters), the time to build its
// index, the index's size beside the text's, and the time to seal and open the text.
// Run: node scripts/run-ts.mjs bench/blind-index.ts
import crypto from 'node:crypto';
import { blindIndex, seal, unseal } from '../server/crypto/record-keys';
import { fold } from '../server/core/fold';
import { longText } from '../tests/helpers/long-texts';

const ring = { currentKeyId: 'k', keys: { k: crypto.randomBytes(32) }, searchKey: crypto.randomBytes(32) };

/** About 2,000 words drawn from a vocabulary of 1,500, as a long story of change is. */
function story(): string {
  const vocabulary = Array.from({ length: 1500 }, (_, i) => `w${(i * 7919).toString(36)}ord`);
  return Array.from({ length: 2000 }, (_, i) => vocabulary[(i * 104729) % vocabulary.length]).join(' ');
}

function time(fn: () => void, runs = 20): number {
  fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / runs;
}

for (const [name, text] of [['story of 2,000 words', story()], ['longest text (50,000 characters)', longText(1)]] as const) {
  const folded = fold(text);
  const index = blindIndex(ring, folded);
  const key = crypto.randomBytes(32);
  const sealed = seal(key, text);
  console.log(JSON.stringify({
    text: name, chars: text.length, indexTokens: index.split(' ').length, indexBytes: index.length,
    indexMs: Number(time(() => blindIndex(ring, folded)).toFixed(2)),
    sealMs: Number(time(() => seal(key, text)).toFixed(3)), openMs: Number(time(() => unseal(key, sealed)).toFixed(3)),
  }));
}
