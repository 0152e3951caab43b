// The rules of the record kinds as data, for the client to cache with the reference data and read
// offline instead of keeping its own copy: each kind's completeness (the JSON pointers a record
// needs before it leaves draft, read from its schema) and the moves of its lifecycle (from which
// states, whether a comment is needed, and for outcomes which roles may make them).
import type { Ctx } from '../http/types';
import type { Validator } from '../http/validation';
import { TRANSITIONS } from '../outcomes/lifecycle';
import { MOVES } from '../stories/lifecycle';
import { COMPLETENESS, type CompleteKind } from '../records/completeness';

type Schema = { required?: string[]; properties?: Record<string, Schema | boolean> };

/** The pointers a schema requires: its own required properties, and those of the objects under them. */
function requiredOf(s: Schema, prefix = ''): string[] {
  const nested = Object.entries(s.properties ?? {}).flatMap(([k, v]) => (typeof v === 'object' && v.required ? requiredOf(v, `${prefix}/${k}`) : []));
  return [...(s.required ?? []).map((k) => `${prefix}/${k}`), ...nested];
}

export function rulesOf(validator: Validator) {
  const completeness = Object.fromEntries((Object.keys(COMPLETENESS) as CompleteKind[]).map((kind) =>
    [kind, { schema: COMPLETENESS[kind], required: requiredOf(validator.get(COMPLETENESS[kind]).schema as Schema) }]));
  return {
    completeness,
    lifecycles: { outcome: TRANSITIONS, story: MOVES, fragment: MOVES },
  };
}

export const rules = async (ctx: Ctx) => rulesOf(ctx.app.validator);
