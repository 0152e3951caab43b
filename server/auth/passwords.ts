// Password hashing with argon2id. Tests use a lighter cost so the suite stays fast; the
// parameters travel inside each hash, so verification works whatever the cost it was made with.
import { hash, verify } from '@node-rs/argon2';

const cost = () =>
  process.env.NODE_ENV === 'test'
    ? { memoryCost: 1024, timeCost: 1, parallelism: 1 }
    : { memoryCost: 19456, timeCost: 2, parallelism: 1 };

// argon2id is the library's default algorithm (Algorithm.Argon2id = 2; a const enum, so named by value)
export const hashPassword = (password: string) => hash(password, { algorithm: 2, ...cost() });

// A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
let dummy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword('not-a-real-password');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
