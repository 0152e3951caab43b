// Files as evidence: upload a document, photo or audio recording and attach it to an outcome, a
// story or a fragment; read it back only through the access checks of that record, and only
// where the reader may see personal data (uploaded files are personal data: donors never get them).
import { randomUUID } from 'node:crypto';
import { refreshEvidenceCount } from '../outcomes/repository';
import type { Ctx } from '../http/types';
import { created, Stream } from '../http/types';
import { forbidden, notFound, Problem } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { encrypt } from '../crypto/fields';
import { recordRevision } from '../revisions/log';
import { fileInfo } from '../storage/attachments';
import { kindFor } from '../kinds/registry';
import { checkSize, detectType } from './upload';
import { readStoredFile, storeFile } from '../storage/storage';

type Fields = { outcomeId?: string; storyId?: string; fragmentId?: string; title?: string };

export async function upload(ctx: Ctx<Fields>) {
  if (!ctx.file) throw new Problem('validation_failed', 'Send one file in the field "file"', [{ path: '/file', message: 'is required' }]);
  checkSize(ctx.file.size);
  const { buffer: content, originalName } = ctx.file;
  // the fields schema lets exactly one of outcomeId, storyId, fragmentId through
  const entity = (['outcome', 'story', 'fragment'] as const).find((t) => ctx.body[`${t}Id`] !== undefined)!;
  const at = { type: entity, id: ctx.body[`${entity}Id`]!, title: ctx.body.title ?? null };
  const target = await kindFor(at.type, 'files').held(ctx, at.id);
  if (!target.mayChange) throw forbidden(`Only its organisation or its evaluators may attach files to this ${at.type}`);
  const type = await detectType(content);
  const id = randomUUID();
  await storeFile(ctx.app.keyring, ctx.app.config.dataDir, id, content);
  const row = {
    id, organisation_id: target.organisationId, entity_type: at.type, entity_id: at.id, kind: type.kind, content_type: type.mime,
    extension: type.ext, size: content.length, name_enc: originalName ? encrypt(ctx.app.keyring, originalName) : null, title: at.title,
    created_by: ctx.user.id, created_at: nowIso(),
  };
  await ctx.db('files').insert(row);
  if (at.type === 'outcome') await refreshEvidenceCount(ctx.db, [at.id]);
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: at.type, entityId: at.id, actorId: ctx.user.id, action: 'attach_file', changes: [{ field: 'files', old: null, new: { id, kind: type.kind, contentType: type.mime } }], personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: `${at.type}.file.add`, entityType: at.type, entityId: at.id, details: { fileId: id, kind: type.kind, size: content.length } });
  return created({ ...fileInfo(ctx.app.keyring, row), attachedTo: { type: at.type, id: at.id } });
}

export async function download(ctx: Ctx) {
  const row = await ctx.db('files').where({ id: ctx.params.id }).first();
  if (!row) throw notFound('file');
  const target = await kindFor(row.entity_type, 'files').held(ctx, row.entity_id).catch(() => undefined);
  if (!target?.seesPersonal) throw notFound('file');
  const content = await readStoredFile(ctx.app.keyring, ctx.app.config.dataDir, row.id);
  if (!content) throw notFound('file');
  // named by id, not by the uploaded name (which may name people and travels in logs and caches)
  return new Stream(row.content_type, `${row.id}.${row.extension}`, async (out) => {
    if (!out.write(content)) await new Promise((resolve) => out.once('drain', resolve));
  });
}
