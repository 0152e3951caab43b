// Recording and withdrawing consent for stories (the storyteller's) and fragments (the speaker's).
// A new consent takes effect at once on who may see the record; a withdrawal erases the record
// everywhere and leaves a tombstone (see erase.ts).
import type { Ctx } from '../http/types';
import { forbidden, Problem } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { encryptJson } from '../crypto/fields';
import { recordRevision, rewriteField } from '../revisions/log';
import { Consent, consentColumns } from '../domain/consent';
import { withdraw } from './erase';
import { truncateWal } from '../db/wipe';
import * as stories from '../stories/service';
import * as fragments from '../fragments/service';
import { kindFor } from '../kinds/registry';
import type { Withdrawal } from '../generated/schemas';

type Target = { kind: 'story' | 'fragment'; id: string; mover: { own: boolean; reviewer: boolean } };

function checkRight(ctx: Ctx, t: Target): void {
  if (ctx.user.role !== 'admin' && !t.mover.own && !t.mover.reviewer) {
    throw forbidden(`Only the organisation that recorded this ${t.kind}, or its evaluators, may change its consent`);
  }
}

const withoutName = (v: unknown) => {
  if (!v || typeof v !== 'object') return v;
  const { name: _n, ...rest } = v as Record<string, unknown>;
  return rest;
};

export async function recordStoryConsent(ctx: Ctx<Consent>) {
  const s = await stories.load(ctx, ctx.params.id);
  checkRight(ctx, { kind: 'story', id: s.id, mover: stories.moverOf(ctx, s) });
  const extra: Record<string, unknown> = {};
  const changes = [{ field: 'consent', old: s.consent, new: ctx.body }];
  // a name is kept only under named consent: a narrower consent takes the name out of the profile
  if (ctx.body.level !== 'named' && s.storyteller?.name) {
    const { name: _n, ...profile } = s.storyteller;
    extra.storyteller_enc = encryptJson(ctx.app.keyring, profile);
    changes.push({ field: 'storyteller', old: s.storyteller as never, new: profile as never });
  }
  await ctx.db('stories').where({ id: s.id }).update({ ...consentColumns(ctx.app.keyring, ctx.body), ...extra, updated_at: nowIso() });
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'story', entityId: s.id, actorId: ctx.user.id, action: 'consent', changes, personal: ['consent', 'storyteller'] });
  // … and out of every earlier version of the profile, this revision's included
  if (extra.storyteller_enc) {
    await rewriteField(ctx.db, ctx.app.keyring, { entityType: 'story', entityId: s.id, field: 'storyteller', rewrite: withoutName });
    // the versions that still held the name are in the WAL: cut it, as after a withdrawal
    ctx.afterCommit?.(async () => { await truncateWal(ctx.app.db, ctx.app.log); });
  }
  await audit(ctx.db, { actorId: ctx.user.id, action: 'story.consent', entityType: 'story', entityId: s.id, details: { level: ctx.body.level } });
  return stories.withDetails(ctx, await stories.load(ctx, s.id));
}

export async function recordFragmentConsent(ctx: Ctx<Consent>) {
  const f = await fragments.load(ctx, ctx.params.id);
  checkRight(ctx, { kind: 'fragment', id: f.id, mover: fragments.moverOf(ctx, f) });
  if (!f.speaker) throw new Problem('unprocessable', 'The fragment has no speaker to give consent', [{ path: '/level', message: 'the fragment has no speaker' }]);
  await ctx.db('fragments').where({ id: f.id }).update({ ...consentColumns(ctx.app.keyring, ctx.body), updated_at: nowIso() });
  await recordRevision(ctx.db, ctx.app.keyring, {
    entityType: 'fragment', entityId: f.id, actorId: ctx.user.id, action: 'consent',
    changes: [{ field: 'speaker', old: f.speaker, new: { ...f.speaker, consent: ctx.body } }], personal: ['speaker'],
  });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'fragment.consent', entityType: 'fragment', entityId: f.id, details: { level: ctx.body.level } });
  return fragments.get(ctx);
}

/** Withdraws consent for a record of a kind that joins consent: the record is erased, a tombstone stays. */
export const withdrawFor = (kind: 'story' | 'fragment') => async (ctx: Ctx<Withdrawal>) => {
  const held = await kindFor(kind, 'consent').held(ctx, ctx.params.id);
  if (!held.mayChange) throw forbidden(`Only the organisation that recorded this ${kind}, or its evaluators, may change its consent`);
  const t = { kind, id: held.id };
  const tombstone = await withdraw(ctx.db, ctx.app.config.dataDir, t.kind, t.id, ctx.body.reason);
  await audit(ctx.db, { actorId: ctx.user.id, action: `${t.kind}.consent_withdrawn`, entityType: t.kind, entityId: t.id });
  // the old pages with the text are still in the WAL: cut it once the erasure is committed
  ctx.afterCommit?.(async () => { await truncateWal(ctx.app.db, ctx.app.log); });
  return tombstone;
};
