// Types shared by every resource: who is asking, what a route declares, what a handler receives.
import type { Writable } from 'node:stream';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from '../core/config';
import type { Keyring } from '../crypto/fields';
import type { Db } from '../db/knex';
import type { Validator } from './validation';

export const ROLES = ['admin', 'partner', 'evaluator', 'donor'] as const;
export type Role = (typeof ROLES)[number];

export type CurrentUser = {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
  language: string;
  sessionId: string;
  /** programmes the user works in: a partner through its organisation, others by assignment */
  programmeIds: string[];
  /** partner organisations of those programmes (the records an evaluator or donor may reach) */
  programmeOrgIds: string[];
  /** the organisation requires two-factor sign-in, which the user has not set up: only that is allowed */
  totpSetupOnly?: boolean;
};

export type AppContext = {
  config: Config;
  db: Knex;
  validator: Validator;
  keyring: Keyring;
  log: Logger;
};

export type Access = 'public' | 'user' | readonly Role[];

export type Ctx<B = unknown, Q = Record<string, string | undefined>> = {
  app: AppContext;
  /** the request's database handle: a transaction for writes */
  db: Db;
  user: CurrentUser;
  params: Record<string, string>;
  query: Q;
  body: B;
  headers: Record<string, string | string[] | undefined>;
  secure: boolean;
  /** the client's address: the socket's, or the forwarded one only where TRUST_PROXY says the proxy is trusted */
  address?: string;
  /** the uploaded file of a route that declares `upload` */
  file?: UploadedFile;
  /**
   * Work that cannot run inside the request's transaction (a WAL checkpoint, a VACUUM): run by
   * the endpoint after the commit and before the answer; not at all if the transaction fails.
   */
  afterCommit?: (task: () => Promise<void>) => void;
};

/** A file sent as multipart/form-data (field `file`), held in memory up to config.importMaxBytes. */
export type UploadedFile = { originalName: string; mimeType: string; size: number; buffer: Buffer };

export type PublicCtx<B = unknown, Q = Record<string, string | undefined>> = Omit<Ctx<B, Q>, 'user'> & { user?: CurrentUser };

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type RouteDef = {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: string;
  query?: string;
  response?: string;
  /** success status for OpenAPI (the handler's Reply decides at run time) */
  status?: number;
  rateLimit?: 'auth' | 'link';
  /** responds with something other than JSON (HTML, CSV, XML) */
  produces?: string;
  /** the body may also come from a plain HTML form (application/x-www-form-urlencoded) */
  form?: boolean;
  /**
   * multipart/form-data: one file in the field `file` (over config.importMaxBytes: 413); the other
   * fields are the body, checked against the schema `fields` (instead of `body`).
   */
  upload?: { fields: string };
  /**
   * A write whose handler validates first and then opens one short transaction itself
   * (ctx.app.db.transaction), so that a long check (a bulk import) does not hold other writers up.
   * ctx.db is then the plain connection: every write of the handler must go through its own
   * transaction, except progress marks that are meant to be seen while it runs.
   */
  ownTransaction?: boolean;
  /** may be used by a session that must set up two-factor sign-in first (server/auth/totp.ts) */
  duringTwoFactorSetup?: true;
  handler: (ctx: Ctx<any, any>) => Promise<unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

/** A handler's answer when it needs a status, headers or cookies of its own. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
    readonly headers: Record<string, string | string[]> = {},
  ) {}
}

/** A JSON answer serialised already (a kept dashboard answer): sent as it is, not serialised again. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** Answers with a problem without rolling back the request's transaction (e.g. counting a failed login). */
export const problemReply = (p: { status: number; toJSON: () => unknown }) =>
  new Reply(p.status, p.toJSON(), { 'Content-Type': 'application/problem+json; charset=utf-8' });

/**
 * A handler's answer that is written piece by piece to the response (exports of any size): the
 * wrapper sets the type and the download name, then awaits `write`, which must respect
 * backpressure (await 'drain'). Only for reads: they run outside any transaction, page by page.
 * An error after the first byte aborts the connection, so a download is never silently cut short.
 */
export class Stream {
  constructor(
    readonly contentType: string,
    readonly filename: string | null,
    readonly write: (out: Writable) => Promise<void>,
  ) {}
}

export const created = (body: unknown) => new Reply(201, body);
export const noContent = (headers: Record<string, string | string[]> = {}) => new Reply(204, undefined, headers);
