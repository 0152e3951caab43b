// Field encryption for personal data: AES-256-GCM with a fresh IV per value and the key id stored
// beside the ciphertext, so keys can rotate (old values stay readable while a rotation runs).
// Stored form: "enc:v1:<keyId>:<iv>:<tag>:<ciphertext>" (base64url parts).
import crypto from 'node:crypto';

export type Keyring = {
  currentKeyId: string; keys: Record<string, Buffer>;
  /** the key of the blind search index over sealed text (./record-keys.ts) */
  searchKey?: Buffer;
};

const PREFIX = 'enc:v1:';

export function isEncrypted(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

export function encrypt(ring: Keyring, plain: string): string {
  const key = ring.keys[ring.currentKeyId];
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return PREFIX + [ring.currentKeyId, iv, tag, ct].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':');
}

export function decrypt(ring: Keyring, stored: string): string {
  if (!isEncrypted(stored)) throw new Error('value is not encrypted');
  const [keyId, iv, tag, ct] = stored.slice(PREFIX.length).split(':');
  const key = ring.keys[keyId];
  if (!key) throw new Error(`encryption key ${keyId} is not configured`);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** Encrypts any JSON value; null and undefined stay null so absence is not disguised. */
export function encryptJson(ring: Keyring, value: unknown): string | null {
  return value === undefined || value === null ? null : encrypt(ring, JSON.stringify(value));
}

export function decryptJson<T>(ring: Keyring, stored: string | null | undefined): T | undefined {
  return stored ? (JSON.parse(decrypt(ring, stored)) as T) : undefined;
}

export function keyIdOf(stored: string): string | undefined {
  return isEncrypted(stored) ? stored.slice(PREFIX.length).split(':')[0] : undefined;
}
