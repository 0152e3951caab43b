// Consent of a storyteller or a fragment's speaker: its level, how and when it was given, and who
// recorded it (personal data, encrypted). Without consent a record stays internal; only `named`
// and `anonymous` consent let a published, public record reach donors and other organisations.
import type { Knex } from 'knex';
import { decrypt, encrypt, Keyring } from '../crypto/fields';

export type ConsentLevel = 'named' | 'anonymous' | 'internal_only';
export type Consent = { level: ConsentLevel; method: 'written' | 'verbal' | 'recorded'; givenOn: string; recordedBy?: string | null };

/** The levels that let a record be shared beyond its organisation and evaluators. */
export const SHAREABLE: ConsentLevel[] = ['named', 'anonymous'];

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function consentColumns(ring: Keyring, c: Consent | null | undefined): Row {
  return {
    consent_level: c?.level ?? null,
    consent_method: c?.method ?? null,
    consent_given_on: c?.givenOn ?? null,
    consent_recorded_by_enc: c?.recordedBy ? encrypt(ring, c.recordedBy) : null,
  };
}

/** The consent as stored; recordedBy only when the reader may see personal data. */
export function consentOf(ring: Keyring, r: Row, full = true): Consent | null {
  if (!r.consent_level) return null;
  const c: Consent = { level: r.consent_level, method: r.consent_method, givenOn: r.consent_given_on };
  if (full) c.recordedBy = r.consent_recorded_by_enc ? decrypt(ring, r.consent_recorded_by_enc) : null;
  return c;
}

/** Drops who recorded it: the part of a consent a donor or another organisation may receive. */
export function redactConsent(c: Consent | null | undefined): Consent | null {
  return c ? { level: c.level, method: c.method, givenOn: c.givenOn } : null;
}

export const allowsSharing = (level: string | null | undefined) => !!level && (SHAREABLE as string[]).includes(level);

/** SQL: the record's consent (alias `a`) lets it be shared. */
export function whereConsentShares(qb: Knex.QueryBuilder, a: string): Knex.QueryBuilder {
  return qb.whereIn(`${a}.consent_level`, SHAREABLE);
}
