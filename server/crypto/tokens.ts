// Random tokens and their HMAC: sessions, links and recovery codes store only the HMAC, so a copied
// database cannot be used to sign in or to follow a link.
import crypto from 'node:crypto';

export function tokenHash(secret: Buffer, token: string): string {
  return crypto.createHmac('sha256', secret).update(token).digest('hex');
}

export const newToken = () => crypto.randomBytes(32).toString('base64url');
