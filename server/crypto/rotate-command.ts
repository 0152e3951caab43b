// `npm run rotate-key`: a new encryption key, everything re-encrypted under it, and the key made
// current. Run it with the app stopped (a running instance keeps its old keyring until restarted).
//   secrets file (default): the new key is added to the file first (not yet current, recorded as
//     `rotatingTo`), so an interrupted run leaves every value readable and the next run resumes
//     with the same key; at the end it becomes current. Old keys stay in the file, so backups
//     made before still open; `--retire-old` removes them once nothing uses them.
//   environment keys (OOGST_ENCRYPTION_KEY): give the new key as OOGST_NEW_ENCRYPTION_KEY (and
//     optionally OOGST_NEW_ENCRYPTION_KEY_ID); afterwards put it in OOGST_ENCRYPTION_KEY.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { Config, ConfigError } from '../core/config';
import type { Keyring } from './fields';
import { rotateAll, RotationReport } from './rotate';

type Secrets = { sessionSecret: string; currentKeyId: string; keys: Record<string, string>; rotatingTo?: string };

function key32(name: string, b64: string | undefined): Buffer {
  const buf = Buffer.from(b64 ?? '', 'base64');
  if (buf.length !== 32) throw new ConfigError(`${name} must be 32 bytes, base64-encoded (openssl rand -base64 32)`);
  return buf;
}

/** Writes the secrets file whole, through a temporary file and a rename, mode 0600. */
function writeSecrets(file: string, s: Secrets): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(s, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}

const newKeyId = (taken: Record<string, unknown>) => {
  let id = `k${Date.now().toString(36)}`;
  while (taken[id]) id += 'x';
  return id;
};

export type RotateOutcome = RotationReport & { mode: 'secrets-file' | 'environment'; retired: string[]; instructions?: string };

export async function rotateKey(db: Knex, config: Config, env: NodeJS.ProcessEnv, opts: { retireOld?: boolean } = {}): Promise<RotateOutcome> {
  const filesDir = path.join(config.dataDir, 'files');
  if (env.OOGST_ENCRYPTION_KEY) {
    const keyId = env.OOGST_NEW_ENCRYPTION_KEY_ID || newKeyId(config.encryptionKeys);
    if (config.encryptionKeys[keyId]) throw new ConfigError(`OOGST_NEW_ENCRYPTION_KEY_ID ${keyId} is the id of the current key; choose another`);
    const key = key32('OOGST_NEW_ENCRYPTION_KEY', env.OOGST_NEW_ENCRYPTION_KEY);
    const ring: Keyring = { currentKeyId: keyId, keys: { ...config.encryptionKeys, [keyId]: key } };
    const report = await rotateAll(db, ring, filesDir);
    return {
      ...report, mode: 'environment', retired: [],
      instructions: `now start Oogst with OOGST_ENCRYPTION_KEY set to the new key and OOGST_ENCRYPTION_KEY_ID=${keyId}; keep the old key only with the backups made before`,
    };
  }
  const file = config.secretsFile;
  const secrets = JSON.parse(fs.readFileSync(file, 'utf8')) as Secrets;
  // resume an interrupted rotation with its key; else add a new one, not yet current
  let keyId = secrets.rotatingTo && secrets.keys[secrets.rotatingTo] ? secrets.rotatingTo : undefined;
  if (!keyId) {
    keyId = newKeyId(secrets.keys);
    secrets.keys[keyId] = crypto.randomBytes(32).toString('base64');
    secrets.rotatingTo = keyId;
    writeSecrets(file, secrets);
  }
  const keys = Object.fromEntries(Object.entries(secrets.keys).map(([id, k]) => [id, key32(`key ${id}`, k)]));
  const report = await rotateAll(db, { currentKeyId: keyId, keys }, filesDir);
  // values no key opens: the new key is not made current, so that a later run (with the missing key) resumes
  if (Object.keys(report.unreadable).length) return { ...report, mode: 'secrets-file', retired: [] };
  const retired = opts.retireOld && report.remaining === 0 ? Object.keys(secrets.keys).filter((id) => id !== keyId) : [];
  for (const id of retired) delete secrets.keys[id];
  delete secrets.rotatingTo;
  writeSecrets(file, { ...secrets, currentKeyId: keyId });
  return { ...report, mode: 'secrets-file', retired };
}
