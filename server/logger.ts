// Structured logs (pino). Passwords, cookies, tokens and bodies never reach a log line: requests are
// logged by method, path, status and time only. Paths lose their query string, and the token of a
// link (/set-password/<token>, /substantiate/<token>, every link of server/http/link-cookie.ts)
// becomes [redacted]: a token read from a log must not open anything. Error messages and stacks
// are redacted the same way, for an error that quotes the address it failed on.
import pino, { DestinationStream, Logger } from 'pino';
import { redactTokens } from './http/link-cookie';

/** A request as the log shows it. */
export const requestSerializer = (req: { method: string; url: string }) =>
  ({ method: req.method, path: redactTokens(String(req.url ?? '').split('?')[0]) });

/** pino's error serializer, with link tokens taken out of what it quotes. */
export function errorSerializer(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!out || typeof out !== 'object') return out;
  for (const key of ['message', 'stack', 'url', 'path', 'originalUrl']) {
    if (typeof out[key] === 'string') out[key] = redactTokens(out[key] as string);
  }
  return out;
}

/** `destination`: where the lines go (standard output unless a test reads them). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    redact: { paths: ['password', 'currentPassword', 'token', '*.password', '*.token', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    base: { app: 'oogst' },
    serializers: { req: requestSerializer, err: errorSerializer },
  }, destination);
}
