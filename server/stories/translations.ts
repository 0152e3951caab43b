// Translations of a story, kept beside the original and marked as translations with who made
// them (personal data, encrypted). The original is never overwritten; one translation per language.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import { created } from '../http/types';
import { forbidden, Problem } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { encrypt } from '../crypto/fields';
import { recordRevision } from '../revisions/log';
import * as repo from './repository';
import { isReviewer } from './access';
import { searchTextOf } from './representation';
import { load, withDetails } from './service';
import { onlyOf, requireReviewed } from '../domain/disclosure';
import { storyFindings } from './disclosure';

type Body = { language: string; title: string; story: string; whySignificant?: string; translatedBy?: string; confirmed?: string[] };

export async function addTranslation(ctx: Ctx<Body>) {
  const s = await load(ctx, ctx.params.id);
  if (s.organisation.id !== ctx.user.organisationId && !isReviewer(ctx.user, s.organisation.id)) {
    throw forbidden('Only its organisation or its evaluators may translate this story');
  }
  const b = ctx.body;
  if (b.language === s.language) {
    throw new Problem('unprocessable', 'A translation is in another language than the original', [{ path: '/language', message: 'is the language of the original' }]);
  }
  if (await ctx.db('story_translations').where({ story_id: s.id, language: b.language }).first('id')) {
    throw new Problem('already_exists', `There is a ${b.language} translation already`, [{ path: '/language', message: 'has a translation' }]);
  }
  await ctx.db('story_translations').insert(await repo.sealTranslationRow(ctx.db, ctx.app.keyring, s.id, {
    id: randomUUID(), story_id: s.id, language: b.language, title: b.title, story: b.story, why_significant: b.whySignificant ?? null,
    translated_by_enc: b.translatedBy ? encrypt(ctx.app.keyring, b.translatedBy) : null, created_by: ctx.user.id, created_at: nowIso(),
  }));
  // a translation of a published story is published at once: it passes the check before publishing
  if (s.status === 'published') requireReviewed(onlyOf(await storyFindings(ctx, s), b.language), b.confirmed);
  // the translation's words are searchable too, so a story is found in either language
  const translations = await repo.translationsOf(ctx.db, ctx.app.keyring, [s.id]);
  await ctx.db('stories').where({ id: s.id }).update(await repo.sealStoryRow(ctx.db, ctx.app.keyring, s.id, { search_text: searchTextOf(s, translations) }));
  await recordRevision(ctx.db, ctx.app.keyring, {
    entityType: 'story', entityId: s.id, actorId: ctx.user.id, action: 'translate',
    changes: [{ field: `translations.${b.language}`, old: null, new: { title: b.title, story: b.story, whySignificant: b.whySignificant ?? null } }], personal: [],
  });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'story.translate', entityType: 'story', entityId: s.id, details: { language: b.language } });
  return created(await withDetails(ctx, s));
}
