// Keys per record, for the narrative text bound to a storyteller's or a speaker's consent: a
// story's text and why it is significant, its translations, a fragment's excerpt, the notes of the
// evidence links and of the feedback that speak of them, and the values of their revisions. Each
// is sealed (AES-256-GCM) under a random key of its own record, kept wrapped by the keyring in
// `record_keys`. Withdrawing consent destroys the key, so whatever copy the database engine
// keeps — a dead tuple, a WAL segment, a freed page — is ciphertext nobody can open any more,
// even with the keyring. This is what erasure relies on where the engine does not wipe freed space
// (PostgreSQL); on SQLite it stands beside secure_delete and the WAL truncation.
//
// Full-text search over sealed text uses a blind index: the folded words' prefixes, each as an
// HMAC under the search key (derived from the session secret, server/context.ts), so the index
// holds no word either; a query's terms are hashed the same way and matched exactly.
import crypto from 'node:crypto';
import type { Db } from '../db/knex';
import { decrypt, encrypt, Keyring } from './fields';
import { nowIso } from '../core/clock';

export type SealedKind = 'story' | 'fragment';

const PREFIX = 'sealed:v1:';

export const isSealed = (v: unknown): v is string => typeof v === 'string' && v.startsWith(PREFIX);

export function seal(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + [iv, cipher.getAuthTag(), ct].map((p) => p.toString('base64url')).join(':');
}

/** The plain text; a value that is not sealed (written before sealing began) passes as it is. */
export function unseal(key: Buffer | undefined, stored: string): string {
  if (!isSealed(stored)) return stored;
  if (!key) throw new Error('the record key is gone (consent withdrawn) or was never made');
  const [iv, tag, ct] = stored.slice(PREFIX.length).split(':').map((p) => Buffer.from(p, 'base64url'));
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

export const sealNullable = (key: Buffer, v: string | null | undefined) => (v === null || v === undefined ? null : seal(key, v));
export const unsealNullable = (key: Buffer | undefined, v: string | null | undefined) => (v === null || v === undefined ? null : unseal(key, v));

/** The keys of these records, unwrapped; a record without one is missing from the map. */
export async function recordKeys(db: Db, ring: Keyring, kind: SealedKind, ids: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const unique = [...new Set(ids.filter(Boolean))];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db('record_keys').where({ entity_type: kind }).whereIn('entity_id', unique.slice(i, i + 500)).select('entity_id', 'key_enc');
    for (const r of rows) out.set(r.entity_id, Buffer.from(decrypt(ring, r.key_enc), 'base64'));
  }
  return out;
}

/** The record's key, made on its first use. */
export async function recordKey(db: Db, ring: Keyring, kind: SealedKind, id: string): Promise<Buffer> {
  const found = (await recordKeys(db, ring, kind, [id])).get(id);
  if (found) return found;
  const key = crypto.randomBytes(32);
  await db('record_keys').insert({ entity_type: kind, entity_id: id, key_enc: encrypt(ring, key.toString('base64')), created_at: nowIso() });
  return key;
}

/** Erasure: the key goes, and with it every sealed copy of the record's text, wherever it lies. */
export async function destroyRecordKey(db: Db, kind: SealedKind, id: string): Promise<void> {
  await db('record_keys').where({ entity_type: kind, entity_id: id }).del();
}

type Row = Record<string, unknown>;

/** Unseals, in place, the named columns of rows of one kind; `idOf` names each row's record. */
export async function openRows<R extends Row>(db: Db, ring: Keyring, kind: SealedKind, rows: R[], columns: readonly string[], idOf: (r: R) => string | null | undefined = (r) => r.id as string): Promise<R[]> {
  const sealed = rows.filter((r) => columns.some((c) => isSealed(r[c])));
  if (!sealed.length) return rows;
  const keys = await recordKeys(db, ring, kind, sealed.map((r) => idOf(r) ?? '').filter(Boolean));
  for (const r of sealed) {
    const key = keys.get(idOf(r) ?? '');
    for (const c of columns) if (isSealed(r[c])) (r as Row)[c] = unseal(key, r[c] as string);
  }
  return rows;
}

// Blind index: each word whole, and its prefixes from MIN_PREFIX characters up to PREFIX_CAP (a
// longer query term is cut to it). A term shorter than MIN_PREFIX matches whole words only, which
// is all one or two letters are good for, and keeps the index near three tokens per word.
const MIN_PREFIX = 3;
const PREFIX_CAP = 20;

const searchKeyOf = (ring: Keyring): Buffer => {
  if (!ring.searchKey) throw new Error('the keyring has no search key');
  return ring.searchKey;
};

// 48 bits: among a million distinct prefixes, a false match is about one in 300,000 queries
const blind = (key: Buffer, prefix: string) => `h${crypto.createHmac('sha256', key).update(prefix).digest('hex').slice(0, 12)}`;

/** Names the search key without revealing it: which key the stored blind index was made with. */
export const searchKeyFingerprint = (ring: Keyring): string => crypto.createHmac('sha256', searchKeyOf(ring)).update('fingerprint').digest('hex').slice(0, 16);

/** Folded text as the tokens of its blind index: every prefix of every word, hashed, once each. */
export function blindIndex(ring: Keyring, folded: string): string {
  const key = searchKeyOf(ring);
  const tokens = new Set<string>();
  for (const word of folded.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [...word].slice(0, PREFIX_CAP);
    for (let n = Math.min(MIN_PREFIX, chars.length); n <= chars.length; n++) tokens.add(blind(key, chars.slice(0, n).join('')));
  }
  return [...tokens].join(' ');
}

/** Query terms (already folded, server/core/fold.ts) as the tokens they match exactly. */
export function blindTerms(ring: Keyring, terms: readonly string[]): string[] {
  const key = searchKeyOf(ring);
  return terms.map((t) => blind(key, [...t].slice(0, PREFIX_CAP).join('')));
}
