// Structured logs (pino). Passwords, cookies, tokens and bodies never reach a log line: requests are
// logged by method, route, status and time only.
import pino, { Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['password', 'currentPassword', 'token', '*.password', '*.token', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    base: { app: 'oogst' },
  });
}
