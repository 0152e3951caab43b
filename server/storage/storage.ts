// Evidence files on disk under <dataDir>/files, one file per upload named by its id, encrypted
// with the keyring (server/crypto/blobs.ts) so a copied data folder shows nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Keyring } from '../crypto/fields';
import { decryptBlob, encryptBlob } from '../crypto/blobs';

export const filesDir = (dataDir: string) => path.join(dataDir, 'files');
const fileOf = (dataDir: string, id: string) => path.join(filesDir(dataDir), `${id}.enc`);

export async function storeFile(ring: Keyring, dataDir: string, id: string, content: Buffer): Promise<void> {
  await fs.mkdir(filesDir(dataDir), { recursive: true, mode: 0o700 });
  const tmp = path.join(filesDir(dataDir), `.${randomUUID()}.tmp`);
  await fs.writeFile(tmp, encryptBlob(ring, content), { mode: 0o600 });
  await fs.rename(tmp, fileOf(dataDir, id)); // never a half-written file under its real name
}

/** The decrypted content, or undefined when the file is gone (erased). */
export async function readStoredFile(ring: Keyring, dataDir: string, id: string): Promise<Buffer | undefined> {
  try {
    return decryptBlob(ring, await fs.readFile(fileOf(dataDir, id)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export async function removeStoredFile(dataDir: string, id: string): Promise<void> {
  await fs.rm(fileOf(dataDir, id), { force: true });
}
