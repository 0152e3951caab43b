// What the check before publishing (domain/disclosure.ts) reads in a story: the story, why it is
// significant and their translations, against the storyteller's name (unless the storyteller
// consented to be named) and place, who collected it, who recorded the consent and who translated.
// A story's public fields (area, month) describe where it was collected, not the storyteller, so
// no combination check is made here.
import type { Ctx } from '../http/types';
import { decrypt } from '../crypto/fields';
import { Finding, notPublic, PersonalValue, personalValuesIn } from '../domain/disclosure';
import type { Story } from './representation';
import { translationsOf } from './repository';

export async function storyFindings(ctx: Ctx, s: Story): Promise<Finding[]> {
  const translations = await translationsOf(ctx.db, ctx.app.keyring, [s.id]);
  const texts = [
    { path: '/title', text: s.title }, { path: '/story', text: s.story }, { path: '/whySignificant', text: s.whySignificant ?? '' },
    ...translations.flatMap((tr) => [
      { path: `/translations/${tr.language}/title`, text: tr.title }, { path: `/translations/${tr.language}/story`, text: tr.story },
      { path: `/translations/${tr.language}/whySignificant`, text: tr.why_significant ?? '' },
    ]),
  ];
  return personalValuesIn(texts, storyValues(ctx, s, translations));
}

type Translation = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function storyValues(ctx: Ctx, s: Story, translations: Translation[]): PersonalValue[] {
  const named = s.consent?.level === 'named';
  return [
    ...(named ? [] : [{ source: '/storyteller/name', what: "the storyteller's name (not consented to be named)", value: s.storyteller?.name }]),
    // a place that is the story's own public area says nothing more about the storyteller
    { source: '/storyteller/place', what: "the storyteller's place", value: notPublic(s.storyteller?.place, s.location) },
    { source: '/collectedBy', what: 'the name of who collected it', value: s.collectedBy },
    { source: '/consent/recordedBy', what: 'the name of who recorded the consent', value: s.consent?.recordedBy },
    ...translations.map((tr) => ({ source: `/translations/${tr.language}/translatedBy`, what: "a translator's name", value: tr.translated_by_enc ? decrypt(ctx.app.keyring, tr.translated_by_enc) : null })),
  ];
}

/** The personal values of a story, for a text outside it that rests on it (a rubric's score). */
export async function storyPersonalValues(ctx: Ctx, s: Story): Promise<PersonalValue[]> {
  return storyValues(ctx, s, await translationsOf(ctx.db, ctx.app.keyring, [s.id]));
}
