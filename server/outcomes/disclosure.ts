// What the check before publishing (review/disclosure.ts) reads in an outcome: the texts outsiders
// will read — statement, translations, the evaluator's conclusion — and the personal values that
// must not be in them: an individual actor's name, informants', substantiators' and translators'
// names and contacts. An individual who is the only one of the published outcomes in that area in
// that period may be recognised by the place and date alone.
import type { Ctx } from '../http/types';
import { decrypt, decryptJson } from '../crypto/fields';
import { CONCLUSIONS } from './lifecycle';
import { Finding, PersonalValue, personalValuesIn, singlesOut, Text } from '../domain/disclosure';
import type { Outcome } from './representation';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const NARRATIVE = ['title', 'description', 'significance', 'contribution'] as const;

async function textsOf(ctx: Ctx, o: Outcome, translations: Row[]): Promise<Text[]> {
  const conclusion = await ctx.db('transitions').where({ entity_type: 'outcome', entity_id: o.id }).whereIn('to_status', CONCLUSIONS)
    .orderBy('id', 'desc').first('comment');
  return [
    ...NARRATIVE.map((f) => ({ path: `/${f}`, text: o[f] ?? '' })),
    ...translations.flatMap((tr) => NARRATIVE.map((f) => ({ path: `/translations/${tr.language}/${f}`, text: tr[f] ?? '' }))),
    ...(conclusion?.comment ? [{ path: '/conclusion/reasoning', text: conclusion.comment }] : []),
  ];
}

async function valuesOf(ctx: Ctx, o: Outcome, translations: Row[]): Promise<PersonalValue[]> {
  const substantiators = await ctx.db('substantiations').where({ outcome_id: o.id }).whereNotNull('substantiator_enc').select('id', 'substantiator_enc');
  return [
    ...(o.socialActor.type === 'individual' ? [{ source: '/socialActor/name', what: "the social actor's name", value: o.socialActor.name }] : []),
    ...o.evidence.flatMap((e, i) => (e.kind === 'informant' ? [
      { source: `/evidence/${i}/name`, what: "an informant's name", value: e.name },
      { source: `/evidence/${i}/contact`, what: "an informant's contact", value: e.contact },
    ] : [])),
    ...substantiators.flatMap((s) => {
      const p = decryptJson<{ name?: string; contact?: string }>(ctx.app.keyring, s.substantiator_enc) ?? {};
      return [
        { source: `/substantiations/${s.id}/name`, what: "a substantiator's name", value: p.name },
        { source: `/substantiations/${s.id}/contact`, what: "a substantiator's contact", value: p.contact },
      ];
    }),
    ...translations.map((tr) => ({ source: `/translations/${tr.language}/translatedBy`, what: "a translator's name", value: tr.translated_by_enc ? decrypt(ctx.app.keyring, tr.translated_by_enc) : null })),
  ];
}

/** An individual alone among the published outcomes of that place and period. */
async function alone(ctx: Ctx, o: Outcome): Promise<Finding[]> {
  if (o.socialActor.type !== 'individual') return [];
  const period = o.occurredOn.precision === 'year' ? o.occurredOn.date.slice(0, 4) : o.occurredOn.date.slice(0, 7);
  const area = o.location.adminArea ?? null;
  const others = await ctx.db('outcomes').where({ status: 'published', sensitivity: 'public', social_actor_type: 'individual', country: o.location.country })
    .where((w) => (area ? w.where('admin_area', area) : w.whereNull('admin_area'))).where('occurred_date', 'like', `${period}%`)
    .whereNot('id', o.id).first('id');
  return others ? [] : [singlesOut('/socialActor', `about an individual in ${[area, o.location.country].filter(Boolean).join(', ')} in ${period}`)];
}

/** The personal values of an outcome, for a text outside it that rests on it (a rubric's score). */
export async function outcomePersonalValues(ctx: Ctx, o: Outcome): Promise<PersonalValue[]> {
  return valuesOf(ctx, o, await ctx.db('outcome_translations').where({ outcome_id: o.id }).select('language', 'translated_by_enc'));
}

export async function outcomeFindings(ctx: Ctx, o: Outcome): Promise<Finding[]> {
  const translations = await ctx.db('outcome_translations').where({ outcome_id: o.id })
    .select('language', 'title', 'description', 'significance', 'contribution', 'translated_by_enc');
  return [...personalValuesIn(await textsOf(ctx, o, translations), await valuesOf(ctx, o, translations)), ...await alone(ctx, o)];
}
