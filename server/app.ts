// The app factory: security headers, request logs, the route registry, the built client, and
// problem+json for everything that goes wrong.
import fs from 'node:fs';
import path from 'node:path';
import express, { Request, Response, NextFunction } from 'express';
import helmet from 'helmet';
import compression from 'compression';
import { pinoHttp } from 'pino-http';
import { Problem } from './http/problem';
import { handleError, mountRoute, sendProblem } from './http/endpoint';
import { loadSessionUser } from './auth/session';
import type { AppContext, RouteDef } from './http/types';
import { resourceRoutes } from './routes';
import { routes as openApiRoutes } from './openapi/routes';
import { openApiDocument } from './openapi/document';
import { loadSchemas } from './http/validation';
import { errorSerializer, requestSerializer } from './logger';

export const VERSION = '0.1.0';

export function clientDir(): string {
  const candidates = [path.join(__dirname, 'client'), path.resolve(__dirname, '../dist/client')];
  return candidates.find((d) => fs.existsSync(path.join(d, 'index.html'))) ?? candidates[0];
}

/**
 * With PUBLIC_URL set, requests for another host name are refused (DNS rebinding: a hostile site
 * whose name now points at this server). Health stays open to load balancers asking by address.
 */
function ownHostOnly(host: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/api/health' || req.get('host') === host) return next();
    sendProblem(res, new Problem('misdirected', `Use ${host}`));
  };
}

export function allRoutes(): RouteDef[] {
  let doc: ReturnType<typeof openApiDocument> | undefined;
  const getDoc = () => (doc ??= openApiDocument(all, loadSchemas() as Record<string, Record<string, unknown>>, VERSION));
  const all: RouteDef[] = [...resourceRoutes, ...openApiRoutes(getDoc as never)];
  return all;
}

export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // forwarded addresses count only from a proxy the operator names (TRUST_PROXY; off by default)
  app.set('trust proxy', ctx.config.trustProxy);
  app.use(helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"], connectSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'self'"],
        frameAncestors: ["'none'"], formAction: ["'self'"],
      },
    },
    strictTransportSecurity: ctx.config.env === 'production',
  }));
  // field partners are on slow connections: compress JSON, HTML, JS and CSS (streams flush as they go)
  app.use(compression());
  app.use(pinoHttp({
    logger: ctx.log,
    // the path without its query string and without the token of a link (server/logger.ts)
    serializers: {
      req: requestSerializer,
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      err: errorSerializer,
    },
  }));

  if (ctx.config.publicUrl) app.use(ownHostOnly(new URL(ctx.config.publicUrl).host));

  const api = express.Router();
  for (const route of allRoutes()) mountRoute(api, ctx, route, loadSessionUser);
  app.use(api);
  app.use('/api', (_req: Request, res: Response) => sendProblem(res, new Problem('not_found', 'No such endpoint')));

  const dir = clientDir();
  app.use(express.static(dir, { index: false, maxAge: '1h', setHeaders: (res, file) => {
    // esbuild names bundles by content hash (base32): such a file never changes, cache it for good
    if (/\.[A-Z0-9]{8,}\.(js|css)$/.test(file)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  } }));
  app.get(/^\/(?!api\/).*/, (_req: Request, res: Response) => {
    const index = path.join(dir, 'index.html');
    if (fs.existsSync(index)) {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    } else res.status(503).type('text/plain').send('The client is not built: run npm run build');
  });
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => handleError(ctx, req, res, err));
  return app;
}
