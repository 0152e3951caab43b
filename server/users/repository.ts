// Users in the database: plain objects in, plain objects out. The name is personal data and is
// stored encrypted; the repository decrypts it for the service.
import type { Db } from '../db/knex';
import { decrypt, encrypt, Keyring } from '../crypto/fields';
import type { Role } from '../http/types';

export type UserRow = {
  id: string; email: string; name: string; role: Role; organisationId: string; organisationName: string;
  language: string; passwordHash: string | null; failedLogins: number; lockedUntil: string | null;
  disabledAt: string | null; totpEnabledAt: string | null; createdAt: string; updatedAt: string;
};

const COLUMNS = [
  'u.id', 'u.email', 'u.name_enc', 'u.role', 'u.organisation_id', 'o.name as organisation_name', 'u.language',
  'u.password_hash', 'u.failed_logins', 'u.locked_until', 'u.disabled_at', 'u.totp_enabled_at', 'u.created_at', 'u.updated_at',
];

function toUser(ring: Keyring, r: Record<string, any>): UserRow { // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    id: r.id, email: r.email, name: decrypt(ring, r.name_enc), role: r.role, organisationId: r.organisation_id,
    organisationName: r.organisation_name, language: r.language, passwordHash: r.password_hash,
    failedLogins: Number(r.failed_logins), lockedUntil: r.locked_until, disabledAt: r.disabled_at, totpEnabledAt: r.totp_enabled_at ?? null,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

const base = (db: Db) => db('users as u').join('organisations as o', 'o.id', 'u.organisation_id');

export async function findById(db: Db, ring: Keyring, id: string): Promise<UserRow | undefined> {
  const r = await base(db).where('u.id', id).first(COLUMNS);
  return r && toUser(ring, r);
}

export async function findByEmail(db: Db, ring: Keyring, email: string): Promise<UserRow | undefined> {
  const r = await base(db).where('u.email', email.trim().toLowerCase()).first(COLUMNS);
  return r && toUser(ring, r);
}

export async function list(
  db: Db, ring: Keyring, f: { roles?: string[]; orgIds?: string[]; page: number; pageSize: number },
): Promise<{ items: UserRow[]; total: number }> {
  const q = base(db).modify((qb) => {
    if (f.roles?.length) qb.whereIn('u.role', f.roles);
    if (f.orgIds?.length) qb.whereIn('u.organisation_id', f.orgIds);
  });
  const [{ n }] = await q.clone().count({ n: '*' });
  const rows = await q.select(COLUMNS).orderBy('u.email').limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { items: rows.map((r: Record<string, unknown>) => toUser(ring, r)), total: Number(n) };
}

export async function insert(
  db: Db, ring: Keyring, u: { id: string; email: string; name: string; role: Role; organisationId: string; language: string; passwordHash?: string | null; now: string },
): Promise<void> {
  await db('users').insert({
    id: u.id, email: u.email.trim().toLowerCase(), name_enc: encrypt(ring, u.name), role: u.role,
    organisation_id: u.organisationId, language: u.language, password_hash: u.passwordHash ?? null,
    password_changed_at: u.passwordHash ? u.now : null, created_at: u.now, updated_at: u.now,
  });
}

export async function update(db: Db, ring: Keyring, id: string, patch: Partial<{ name: string; role: Role; organisationId: string; language: string; passwordHash: string; disabledAt: string | null; failedLogins: number; lockedUntil: string | null }>, now: string): Promise<void> {
  const row: Record<string, unknown> = { updated_at: now };
  if (patch.name !== undefined) row.name_enc = encrypt(ring, patch.name);
  if (patch.role !== undefined) row.role = patch.role;
  if (patch.organisationId !== undefined) row.organisation_id = patch.organisationId;
  if (patch.language !== undefined) row.language = patch.language;
  if (patch.passwordHash !== undefined) Object.assign(row, { password_hash: patch.passwordHash, password_changed_at: now });
  if (patch.disabledAt !== undefined) row.disabled_at = patch.disabledAt;
  if (patch.failedLogins !== undefined) row.failed_logins = patch.failedLogins;
  if (patch.lockedUntil !== undefined) row.locked_until = patch.lockedUntil;
  await db('users').where({ id }).update(row);
}

export async function programmesOf(db: Db, ids: string[]): Promise<Array<{ id: string; name: string }>> {
  return ids.length ? db('programmes').whereIn('id', ids).orderBy('name').select('id', 'name') : [];
}
