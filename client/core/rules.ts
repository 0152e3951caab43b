// The rules of the record kinds as the server publishes them (GET /api/rules, server/rules/):
// each kind's completeness — the JSON pointers a record needs before it leaves draft — and its
// lifecycle. Fetched once per session with the reference data (reset with it), so the forms check
// what the server will check instead of keeping their own copy of the rule.
import { api } from './api';

export type RecordKind = 'outcome' | 'story' | 'fragment';
export type Move = { from: string[]; comment: boolean; requires?: string[]; then?: string[] };
export type Rules = {
  completeness: Record<RecordKind, { schema: string; required: string[] }>;
  lifecycles: Record<RecordKind, Record<string, Move>>;
};

let rules: Promise<Rules> | undefined;

export function loadRules(): Promise<Rules> {
  rules ??= api<Rules>('/api/rules').catch((e) => { rules = undefined; throw e; });
  return rules;
}

export const resetRules = () => { rules = undefined; };

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length);

/** The value a JSON pointer (`/socialActor/name`) names in a record. */
function at(record: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), record);
}

/** The pointers of `required` the record leaves empty (absent, null, blank text, an empty list): what the server will name as missing. */
export function missingIn(record: unknown, required: string[]): string[] {
  return required.filter((p) => empty(at(record, p)));
}
