// A short plain-text excerpt around the first word that matches the query, found by folding each
// word the way the index does, so "Sevare" finds the context of "Sévaré". No markup: clients
// highlight as they wish, and user text never becomes HTML here.
import { fold } from '../core/fold';

const WINDOW = 14;
// a hit is looked for in the first 4000 words only (about 25,000 characters): folding every word
// of a 50,000-character text for each result costs more than a snippet is worth
const SCAN = 4000;

export function snippetOf(text: string, terms: string[], max = 240): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const hit = terms.length
    ? words.slice(0, SCAN).findIndex((w) => (fold(w).match(/[\p{L}\p{N}]+/gu) ?? []).some((part) => terms.some((t) => part.startsWith(t))))
    : -1;
  const start = hit <= 0 ? 0 : Math.max(0, hit - Math.floor(WINDOW / 2));
  const slice = words.slice(start, start + WINDOW * 2).join(' ');
  const cut = slice.length > max ? `${slice.slice(0, max).replace(/\s+\S*$/, '')}…` : slice;
  return `${start > 0 ? '…' : ''}${cut}${start + WINDOW * 2 < words.length && !cut.endsWith('…') ? '…' : ''}`;
}
