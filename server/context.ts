// Builds what every request needs from the configuration: database, validator, keyring, logger.
import crypto from 'node:crypto';
import type { Config } from './core/config';
import { createDb } from './db/knex';
import { enableReadCache } from './db/read-cache';
import { createAjv, Validator } from './http/validation';
import { createLogger } from './logger';
import type { AppContext } from './http/types';

export function createContext(config: Config): AppContext {
  const db = createDb(config.databaseUrl);
  if (config.readCache) enableReadCache(db);
  return {
    config,
    db,
    validator: new Validator(createAjv()),
    keyring: {
      currentKeyId: config.currentKeyId, keys: config.encryptionKeys,
      // not rotated with the encryption keys: a new session secret means a new blind index (RELIABILITY.md §11)
      searchKey: crypto.createHmac('sha256', config.sessionSecret).update('oogst blind search index v1').digest(),
    },
    log: createLogger(config.logLevel),
  };
}
