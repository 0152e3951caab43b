// Names in the reader's language beside the codes of an export. For each code column
// (changeType, primaryGoal, country, status …) a column `<code column>Name` names it (or
// `…Localised` beside a column that already holds an English name, as indicatorName); a JSON record
// gets the same fields. The existing columns keep their names, content and places — they are the
// API, read by position by some, and what an import reads back — so the name columns come after
// them, in the order of the codes they name (the imports read past them).
import type { ReaderNames } from '../reference/names';
import type { Cell, Column } from './cells';

/** A name column: the code column it names, and how it reads the name from a record. */
export type NameColumn<T> = { of: string; name: string; value: (r: T, n: ReaderNames) => Cell };

type Goals = { goals: Array<{ code: string; primary: boolean }> };
type Located = { location?: { country: string } | null };

/** Names joined in a cell: a goal's name may hold a comma, so not the codes' ", ". */
export const joinNames = (names: string[]): string | null => (names.length ? names.join('; ') : null);

export const goalNames = <T extends Goals>(): NameColumn<T>[] => [
  { of: 'primaryGoal', name: 'primaryGoalName', value: (r, n) => { const g = r.goals.find((x) => x.primary); return g ? n.goal(g.code) : null; } },
  { of: 'otherGoals', name: 'otherGoalNames', value: (r, n) => joinNames(r.goals.filter((g) => !g.primary).map((g) => n.goal(g.code))) },
];

/** The names every kind of record has: its state, country, language and sensitivity. */
export const recordNames = <T extends Located & { status: string; language: string; sensitivity: string }>(): NameColumn<T>[] => [
  { of: 'status', name: 'statusName', value: (r, n) => n.term('status', r.status) },
  { of: 'country', name: 'countryName', value: (r, n) => n.country(r.location?.country) || null },
  { of: 'language', name: 'languageName', value: (r, n) => n.language(r.language) || null },
  { of: 'sensitivity', name: 'sensitivityName', value: (r, n) => n.term('sensitivity', r.sensitivity) },
];

/** The columns of a spreadsheet: the kind's own, then the name of each of its code columns, in their order. */
export function withNameColumns<T>(columns: Column<T>[], named: NameColumn<T>[], n: ReaderNames): Column<T>[] {
  const after = columns.flatMap((c) => named.filter((x) => x.of === c.name));
  return [...columns, ...after.map((x) => ({ name: x.name, value: (r: T) => x.value(r, n) }))];
}

/** JSON records with the name fields added (after the record's own fields). */
export async function* withNameFields<T>(pages: AsyncIterable<T[]>, named: NameColumn<T>[], n: ReaderNames): AsyncIterable<T[]> {
  for await (const page of pages) yield page.map((r) => ({ ...r, ...Object.fromEntries(named.map((x) => [x.name, x.value(r, n)])) }));
}
