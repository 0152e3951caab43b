// Folding for full-text search, the same at index and at query time on both databases: lower
// case, accents and Arabic diacritics removed, Arabic letter variants unified, so "Sévaré"
// finds "Sevare" and "مدرسة" finds "مدرسه".
const ARABIC: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي' };

export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '') // tatweel
    .replace(/[أإآٱىةؤئ]/g, (c) => ARABIC[c])
    .toLowerCase();
}

/** The words of a query, folded; only letters and digits, so nothing reaches the engine's syntax. */
export function queryTerms(q: string): string[] {
  return (fold(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 20);
}
