// Encryption of whole files (evidence documents, photos, audio) with the same keyring as the
// personal fields: AES-256-GCM, a fresh IV per file, the key id stored in the header so keys can
// rotate. Layout: "OGB1" | key-id length (1 byte) | key id | IV (12) | tag (16) | ciphertext.
import crypto from 'node:crypto';
import type { Keyring } from './fields';

const MAGIC = Buffer.from('OGB1');

export function encryptBlob(ring: Keyring, plain: Buffer): Buffer {
  const keyId = Buffer.from(ring.currentKeyId, 'utf8');
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', ring.keys[ring.currentKeyId], iv);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, Buffer.from([keyId.length]), keyId, iv, cipher.getAuthTag(), ct]);
}

export function decryptBlob(ring: Keyring, stored: Buffer): Buffer {
  if (!stored.subarray(0, 4).equals(MAGIC)) throw new Error('not an encrypted blob');
  const idLength = stored[4];
  const keyId = stored.subarray(5, 5 + idLength).toString('utf8');
  const key = ring.keys[keyId];
  if (!key) throw new Error(`encryption key ${keyId} is not configured`);
  let at = 5 + idLength;
  const iv = stored.subarray(at, (at += 12));
  const tag = stored.subarray(at, (at += 16));
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(stored.subarray(at)), decipher.final()]);
}
