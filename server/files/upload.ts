// Checking an uploaded evidence file: its size against the evidence limit, and its type from its
// content, never from its name or the type the client claims.
import { Problem } from '../http/problem';

/** What may be uploaded as evidence: documents, photos and audio recordings. */
const ALLOWED: Record<string, 'document' | 'image' | 'audio'> = {
  pdf: 'document', docx: 'document', xlsx: 'document',
  jpg: 'image', png: 'image', webp: 'image',
  mp3: 'audio', m4a: 'audio', ogg: 'audio', oga: 'audio', opus: 'audio', wav: 'audio',
};

const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/**
 * The evidence-file limit, from OOGST_FILE_MAX_BYTES (default 25 MB), read at each upload. The
 * route wrapper reads multipart bodies up to config.importMaxBytes, which caps this limit too.
 */
export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.OOGST_FILE_MAX_BYTES);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_BYTES;
}

export function checkSize(size: number, limit = maxFileBytes()): void {
  if (size > limit) throw new Problem('payload_too_large', `The file is over the limit of ${limit} bytes`);
}

export async function detectType(content: Buffer): Promise<{ ext: string; mime: string; kind: 'document' | 'image' | 'audio' }> {
  // file-type is ESM-only: loaded when first needed, so that the rest of the app never waits on it
  const { fileTypeFromBuffer } = await import('file-type/core');
  const type = await fileTypeFromBuffer(content);
  const kind = type && ALLOWED[type.ext];
  if (!type || !kind) {
    throw new Problem('unsupported_media_type', 'Upload a PDF, Word or Excel document, a JPEG, PNG or WebP photo, or an MP3, M4A, OGG or WAV recording', [{ path: '/file', message: `content is ${type ? type.mime : 'of an unknown type'}` }]);
  }
  return { ext: type.ext, mime: type.mime, kind };
}
