// Configuration from the environment, checked once at start. A bad value stops the process with a
// clear message (ConfigError), never a stack trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';

export type Config = {
  port: number;
  env: 'development' | 'production' | 'test';
  logLevel: string;
  databaseUrl: string;
  dataDir: string;
  publicUrl?: string;
  sessionSecret: Buffer;
  encryptionKeys: Record<string, Buffer>;
  currentKeyId: string;
  sessionTtlHours: number;
  /** a session unused this long ends (beside its fixed lifetime) */
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  userRateLimitPerMinute: number; // 0 = off
  /** failed requests per address per 15 minutes to login, password and two-factor endpoints */
  authRateLimit: number;
  /** whom to believe about the client's address (Express's `trust proxy`): off unless TRUST_PROXY names the proxy */
  trustProxy: boolean | number | string;
  /** days after a harvest closes until substantiators' names and contacts are erased */
  substantiatorRetentionDays: number;
  /** largest file POST /api/imports accepts (413 above) */
  importMaxBytes: number;
  /** keep list and dashboard results until the next write (SQLite only; server/db/read-cache.ts) */
  readCache: boolean;
  /** longest one search statement may run, and wait for a search connection (search_too_costly above) */
  searchTimeoutMs: number;
  /** connections kept for searches beside the main pool (server/search/connection.ts) */
  searchConnections: number;
  secretsFile: string;
};

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Secrets = { sessionSecret: string; currentKeyId: string; keys: Record<string, string> };

/**
 * TRUST_PROXY: unset or "false" — forwarded addresses never count (the socket's address does);
 * a number — that many proxies in front; "true" — any; otherwise addresses or subnets (e.g.
 * "loopback", "10.0.0.0/8") as Express reads them.
 */
function trustProxyVar(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return n;
}

function key32(name: string, b64: string): Buffer {
  const buf = Buffer.from(b64, 'base64');
  if (buf.length !== 32) throw new ConfigError(`${name} must be 32 bytes, base64-encoded (openssl rand -base64 32)`);
  return buf;
}

export function defaultSecretsFile(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'oogst', 'secrets.json');
}

/** Reads the secrets file, creating it (mode 0600) on first use outside production. */
export function loadSecrets(file: string, mayCreate: boolean): Secrets {
  if (fs.existsSync(file)) {
    try {
      const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Secrets;
      if (!s.sessionSecret || !s.currentKeyId || !s.keys?.[s.currentKeyId]) throw new Error('incomplete');
      return s;
    } catch (e) {
      throw new ConfigError(`secrets file ${file} is unreadable (${(e as Error).message}); restore it from your backup`);
    }
  }
  if (!mayCreate) {
    throw new ConfigError(
      `no secrets: set OOGST_ENCRYPTION_KEY and OOGST_SESSION_SECRET, or OOGST_SECRETS_FILE to an existing file`,
    );
  }
  const keyId = `k${Date.now().toString(36)}`;
  const secrets: Secrets = {
    sessionSecret: crypto.randomBytes(32).toString('base64'),
    currentKeyId: keyId,
    keys: { [keyId]: crypto.randomBytes(32).toString('base64') },
  };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return secrets;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV || 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test; got "${nodeEnv}"`);
  }
  const logLevel = env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const dataDir = path.resolve(env.OOGST_DATA_DIR || 'data');
  const databaseUrl = env.DATABASE_URL || `sqlite://${path.join(dataDir, 'oogst.sqlite')}`;
  if (!/^(sqlite:\/\/|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with sqlite:// or postgres://; got "${databaseUrl.split(':')[0]}:…"`);
  }
  if (env.PUBLIC_URL && !/^https?:\/\/[^/]+/.test(env.PUBLIC_URL)) {
    throw new ConfigError('PUBLIC_URL must be an http(s) address such as https://oogst.example.org');
  }
  // plain values first: a bad one must stop the start before any secret is generated
  const port = intVar(env, 'PORT', 3000, 0, 65535);
  const limits = {
    sessionTtlHours: intVar(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    sessionIdleMinutes: intVar(env, 'SESSION_IDLE_MINUTES', 120, 1, 24 * 60 * 30),
    loginMaxFailures: intVar(env, 'LOGIN_MAX_FAILURES', 8, 1, 1000),
    lockoutMinutes: intVar(env, 'LOCKOUT_MINUTES', 15, 1, 24 * 60),
    userRateLimitPerMinute: intVar(env, 'USER_RATE_LIMIT_PER_MINUTE', 0, 0, 1_000_000),
    importMaxBytes: intVar(env, 'IMPORT_MAX_BYTES', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  };
  const production = nodeEnv === 'production';
  const secretsFile = path.resolve(env.OOGST_SECRETS_FILE || defaultSecretsFile(env));
  if (path.resolve(secretsFile).startsWith(dataDir + path.sep)) {
    throw new ConfigError('OOGST_SECRETS_FILE must not be inside the data folder: a copied database must stay unreadable');
  }
  let sessionSecret: Buffer;
  let keys: Record<string, Buffer>;
  let currentKeyId: string;
  if (env.OOGST_ENCRYPTION_KEY || env.OOGST_SESSION_SECRET) {
    if (!env.OOGST_ENCRYPTION_KEY || !env.OOGST_SESSION_SECRET) {
      throw new ConfigError('set both OOGST_ENCRYPTION_KEY and OOGST_SESSION_SECRET, or neither');
    }
    currentKeyId = env.OOGST_ENCRYPTION_KEY_ID || 'env1';
    keys = { [currentKeyId]: key32('OOGST_ENCRYPTION_KEY', env.OOGST_ENCRYPTION_KEY) };
    sessionSecret = key32('OOGST_SESSION_SECRET', env.OOGST_SESSION_SECRET);
  } else {
    const s = loadSecrets(secretsFile, !production);
    currentKeyId = s.currentKeyId;
    keys = Object.fromEntries(Object.entries(s.keys).map(([id, k]) => [id, key32(`key ${id}`, k)]));
    sessionSecret = key32('sessionSecret', s.sessionSecret);
  }
  return {
    port,
    env: nodeEnv as Config['env'],
    logLevel,
    databaseUrl,
    dataDir,
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, ''),
    sessionSecret,
    encryptionKeys: keys,
    currentKeyId,
    sessionTtlHours: intVar(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    sessionIdleMinutes: intVar(env, 'SESSION_IDLE_MINUTES', 120, 1, 24 * 60 * 30),
    loginMaxFailures: intVar(env, 'LOGIN_MAX_FAILURES', 8, 1, 1000),
    lockoutMinutes: intVar(env, 'LOCKOUT_MINUTES', 15, 1, 24 * 60),
    userRateLimitPerMinute: intVar(env, 'USER_RATE_LIMIT_PER_MINUTE', 0, 0, 1_000_000),
    authRateLimit: intVar(env, 'AUTH_RATE_LIMIT', 30, 1, 1_000_000),
    trustProxy: trustProxyVar(env.TRUST_PROXY),
    substantiatorRetentionDays: intVar(env, 'SUBSTANTIATOR_RETENTION_DAYS', 90, 0, 3650),
    importMaxBytes: limits.importMaxBytes,
    readCache: intVar(env, 'READ_CACHE', 1, 0, 1) === 1,
    searchTimeoutMs: intVar(env, 'SEARCH_TIMEOUT_MS', 2000, 50, 60_000),
    searchConnections: intVar(env, 'SEARCH_CONNECTIONS', 2, 1, 16),
    secretsFile,
  };
}
