// The one wrapper every route goes through, in the order of DESIGN.md: origin, login, the role's
// right to use the route, then the body and query, then the handler (which checks state). Writes
// run in one transaction, then the tasks the handler left for after its commit (ctx.afterCommit);
// a thrown Problem becomes problem+json, anything else a logged 500.
import express, { NextFunction, Request, Response, Router } from 'express';
import multer from 'multer';
import { Problem } from './problem';
import { AppContext, CurrentUser, JsonText, Reply, RouteDef, Stream, UploadedFile } from './types';
import { checkUserLimit, rateLimiter } from './rate-limit';

const WRITE = new Set(['post', 'put', 'patch', 'delete']);

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

function sameOrigin(req: Request, app: AppContext): boolean {
  const origin = req.get('origin');
  if (!origin) {
    // Browsers always send Origin on cross-site writes; a missing one is a non-browser client.
    const site = req.get('sec-fetch-site');
    return !site || site === 'same-origin' || site === 'none';
  }
  // with PUBLIC_URL set only that origin counts: under DNS rebinding a hostile page's Origin
  // equals the Host its browser sends, so the request's own Host proves nothing
  return origin === (app.config.publicUrl ?? `${req.protocol}://${req.get('host')}`);
}

/** Answers with record data are never kept by a browser or a proxy, nor on a shared computer. */
const NO_STORE = 'private, no-store';

function checkAccess(route: RouteDef, user: CurrentUser | undefined): void {
  if (route.access === 'public') return;
  if (!user) throw new Problem('unauthenticated');
  if (route.access !== 'user' && !route.access.includes(user.role)) {
    throw new Problem('forbidden', `This needs the role ${route.access.join(' or ')}`);
  }
}

function bodyOf(req: Request, route: RouteDef): unknown {
  if (!route.body) return undefined;
  // a plain object, so that ajv sees exactly the fields the form sent
  if (isForm(req, route)) return { ...(req.body as object) };
  if (!req.is('application/json')) {
    throw new Problem('unsupported_media_type', 'Send the body as application/json');
  }
  return req.body;
}

function send(res: Response, result: unknown, route: RouteDef): void {
  if (res.headersSent) return;
  const reply = result instanceof Reply ? result : new Reply(200, result);
  if (route.path.startsWith('/api/') && route.access !== 'public') res.setHeader('Cache-Control', NO_STORE);
  for (const [k, v] of Object.entries(reply.headers)) res.setHeader(k, v);
  res.status(reply.status);
  if (reply.body === undefined) res.end();
  else if (reply.body instanceof JsonText) res.type('application/json').send(reply.body.text);
  else if (route.produces && typeof reply.body === 'string') res.type(route.produces).send(reply.body);
  else res.json(reply.body);
}

/** Who is signed in: handed in by the app (server/auth/session.ts), so that this wrapper knows no sign-in module. */
export type SessionLoader = (app: AppContext, req: Request) => Promise<CurrentUser | undefined>;

export function mountRoute(router: Router, app: AppContext, route: RouteDef, loadSessionUser: SessionLoader): void {
  const limiter = route.rateLimit ? rateLimiter(app, route.rateLimit) : undefined;
  const handle = async (req: Request, res: Response) => {
    try {
      const write = WRITE.has(route.method);
      if (write && !sameOrigin(req, app)) throw new Problem('bad_origin');
      const user = await loadSessionUser(app, req);
      // a session still owing its second factor counts as not fully logged in: checked before the role
      if (user?.totpSetupOnly && route.access !== 'public' && !route.duringTwoFactorSetup) throw new Problem('totp_required');
      checkAccess(route, user);
      if (user) await checkUserLimit(app, user.id);
      const query = route.query
        ? app.validator.check<Record<string, string>>(route.query, { ...(req.query as object) }, 'query')
        : {};
      if (route.body) await (isForm(req, route) ? parseForm(req, res) : parseJson(req, res));
      if (route.upload) await parseUpload(app, req, res);
      const body = route.upload ? app.validator.check(route.upload.fields, { ...(req.body as object) })
        : route.body ? app.validator.check(route.body, bodyOf(req, route)) : undefined;
      const afterCommit: Array<() => Promise<void>> = [];
      const base = {
        afterCommit: (task: () => Promise<void>) => { afterCommit.push(task); },
        app, user: user as CurrentUser, params: req.params as Record<string, string>, query, body, headers: req.headers,
        // cookies are Secure in production whatever the hop to this process (a proxy may speak plain HTTP to it)
        secure: req.secure || app.config.env === 'production', address: req.ip,
        ...(route.upload && { file: fileOf(req) }),
      };
      const result = write && !route.ownTransaction
        ? await app.db.transaction((trx) => route.handler({ ...base, db: trx }))
        : await route.handler({ ...base, db: app.db });
      for (const task of afterCommit) await task();
      if (result instanceof Stream) await sendStream(app, req, res, result);
      else send(res, result, route);
    } catch (err) {
      handleError(app, req, res, err);
    }
  };
  const chain: Array<(req: Request, res: Response, next: NextFunction) => unknown> = [];
  if (limiter) chain.push(limiter);
  router[route.method](route.path, ...chain, handle);
}

export function handleError(app: AppContext, req: Request, res: Response, err: unknown): void {
  if (err instanceof Problem) return sendProblem(res, err);
  const e = err as { type?: string; status?: number; code?: string };
  // express.json() errors: never a 5xx for what the client sent
  if (e.type === 'entity.too.large') return sendProblem(res, new Problem('payload_too_large', 'The body is over 1 MB'));
  if (e.type === 'entity.parse.failed') return sendProblem(res, new Problem('malformed_json'));
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return sendProblem(res, new Problem('unsupported_media_type', 'Send UTF-8 JSON'));
  }
  if (e.status && e.status >= 400 && e.status < 500) {
    return sendProblem(res, new Problem('validation_failed', 'The request could not be read'));
  }
  if (isUniqueViolation(err)) return sendProblem(res, new Problem('already_exists'));
  // the route's pattern, never the path (it may hold a link's token); the logger's err serializer
  // takes tokens out of the message and stack too (server/logger.ts)
  app.log.error({ err, method: req.method, route: req.route?.path }, 'unhandled error');
  sendProblem(res, new Problem('internal'));
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; message?: string };
  return e.code === '23505' || (e.code === 'SQLITE_CONSTRAINT' && /UNIQUE/.test(e.message ?? ''));
}

const jsonParser = express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] });

/** Parses the body only after origin, login and role have been checked. */
function parseJson(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => jsonParser(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
}

// Only routes that declare `form: true` (pages that work without JavaScript) read form bodies;
// they take JSON as well. Flat fields only (extended: false): a repeated field becomes an array,
// which the body schema refuses.
const formParser = express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 100 });
const isForm = (req: Request, route: RouteDef) => !!route.form && !!req.is('application/x-www-form-urlencoded');

function parseForm(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => formParser(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
}

// Uploads (routes that declare `upload`): multipart/form-data with one file, kept in memory up to
// the configured limit. Read only after origin, login and role, like any body.
function parseUpload(app: AppContext, req: Request, res: Response): Promise<void> {
  if (!req.is('multipart/form-data')) throw new Problem('unsupported_media_type', 'Send the file as multipart/form-data');
  const max = app.config.importMaxBytes;
  const tooLarge = () => new Problem('payload_too_large', `The file is over the limit of ${max} bytes`);
  // what announces itself as far too large is refused before a byte of it is read
  if (Number(req.get('content-length')) > max + 1024 * 1024) return Promise.reject(tooLarge());
  const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: max, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 } }).single('file');
  return new Promise((resolve, reject) => parse(req, res, (err?: unknown) => {
    if (!err) return resolve();
    if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') return reject(tooLarge());
    const field = err instanceof multer.MulterError ? err.field : undefined;
    reject(new Problem('validation_failed', 'The upload could not be read', [{ path: `/${field ?? 'file'}`, message: (err as Error).message }]));
  }));
}

function fileOf(req: Request): UploadedFile | undefined {
  const f = (req as Request & { file?: Express.Multer.File }).file;
  return f && { originalName: f.originalname, mimeType: f.mimetype, size: f.size, buffer: f.buffer };
}

/** Writes a Stream reply; a failure after the first byte aborts the connection instead of ending it. */
async function sendStream(app: AppContext, req: Request, res: Response, s: Stream): Promise<void> {
  res.status(200).setHeader('Content-Type', s.contentType);
  if (s.filename) res.setHeader('Content-Disposition', `attachment; filename="${s.filename.replace(/[^\w.-]/g, '_')}"`);
  res.setHeader('Cache-Control', NO_STORE);
  try {
    await s.write(res);
    res.end();
  } catch (err) {
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      throw err;
    }
    app.log.error({ err, route: req.route?.path }, 'stream aborted');
    res.destroy(err as Error);
  }
}
