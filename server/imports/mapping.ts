// Applying a saved mapping to one KoboToolbox or ODK Central submission: each column of the record
// comes from a form field (group paths such as group_x/field, found flat as Kobo writes them or
// nested as ODK does), a fixed value, or a template. select_multiple answers are space-separated
// choice names (Kobo CSV exports write labels, matched against the mapping's `map`); geopoints
// are "lat lon alt acc" strings or GeoJSON points; attachments become evidence documents.
import type { EvidenceItem } from '../outcomes/representation';

export type MappingField = {
  from?: string | string[]; value?: string | number | boolean; template?: string;
  as?: 'text' | 'list' | 'date' | 'geopoint' | 'attachments'; map?: Record<string, string>; includeUrl?: boolean;
};
export type Mapping = { key?: string | null; fields: Record<string, MappingField> };
export type Submission = Record<string, unknown>;

/** The value at a form path: a flat key (Kobo JSON and CSV), a nested path (ODK), or its last segment. */
export function resolve(sub: Submission, path: string): unknown {
  if (path in sub) return sub[path];
  let node: unknown = sub;
  for (const part of path.split('/')) {
    if (!node || typeof node !== 'object' || !(part in (node as object))) { node = undefined; break; }
    node = (node as Record<string, unknown>)[part];
  }
  if (node !== undefined) return node;
  // a form exported without its group names: the field by its own name, if only one key has it
  const leaf = path.split('/').pop()!;
  const keys = Object.keys(sub).filter((k) => k === leaf || k.endsWith(`/${leaf}`));
  return keys.length === 1 ? sub[keys[0]] : undefined;
}

const textOf = (v: unknown): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.map(textOf).join(' ') : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** select_multiple: choice names split on spaces, or the mapping's labels (which may hold spaces) found greedily. */
export function choicesOf(value: unknown, map?: Record<string, string>): string[] {
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean);
  const text = textOf(value).trim();
  if (!text) return [];
  const labels = Object.keys(map ?? {}).filter((k) => /\s/.test(k)).sort((a, b) => b.length - a.length);
  const found: string[] = [];
  let rest = text;
  for (const label of labels) {
    if (rest.includes(label)) {
      found.push(label);
      rest = rest.split(label).join(' ');
    }
  }
  return [...found, ...rest.split(/\s+/).filter(Boolean)];
}

/** "lat lon alt acc" (Kobo, ODK CSV) or a GeoJSON point (ODK OData); undefined when absent. */
export function geopointOf(value: unknown): { lat: number; lon: number } | null | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'object' && Array.isArray((value as { coordinates?: unknown }).coordinates)) {
    const [lon, lat] = (value as { coordinates: number[] }).coordinates;
    return typeof lat === 'number' && typeof lon === 'number' ? { lat, lon } : null;
  }
  const [lat, lon] = textOf(value).trim().split(/\s+/).map(Number);
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

const basename = (name: string) => name.split('/').pop() ?? name;
/** A file name as KoboToolbox stores it (Django's get_valid_filename): spaces to underscores, then only letters, digits, - _ and . */
const storedName = (name: string) => name.trim().replace(/ /g, '_').replace(/[^-\p{L}\p{N}_.]/gu, '');

/** Evidence documents for the files a field names (Kobo's _attachments give the download address). */
function attachmentsOf(sub: Submission, paths: string[], includeUrl: boolean): EvidenceItem[] {
  const listed = Array.isArray(sub._attachments) ? (sub._attachments as Array<{ filename?: string; download_url?: string }>) : [];
  const out: EvidenceItem[] = [];
  for (const path of paths) {
    const name = textOf(resolve(sub, path)).trim();
    if (!name) continue;
    // the answer keeps the name as the phone gave it; the attachment list, the name as stored
    const file = listed.find((a) => a.filename && basename(a.filename) === name) ?? listed.find((a) => a.filename && basename(a.filename) === storedName(name));
    const url = file?.download_url ?? textOf(resolve(sub, `${path}_URL`)) ?? '';
    out.push({ kind: 'document', title: name, ...(includeUrl && /^https?:\/\//.test(url) && { url }) });
  }
  return out;
}

function dateOf(v: unknown): string {
  const text = textOf(v).trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(text);
  return m ? m[1] : text;
}

/** One column of the record from the submission. Geopoints give {lat, lon} (or null when unreadable). */
function valueOf(sub: Submission, f: MappingField): unknown {
  if (f.value !== undefined) return f.value;
  if (f.template !== undefined) return f.template.replace(/\{([^{}]+)\}/g, (_m, path: string) => textOf(resolve(sub, path.trim())));
  const paths = Array.isArray(f.from) ? f.from : [f.from!];
  switch (f.as) {
    case 'attachments':
      return attachmentsOf(sub, paths, !!f.includeUrl);
    case 'geopoint':
      return geopointOf(resolve(sub, paths[0]));
    case 'date':
      return dateOf(resolve(sub, paths[0]));
    case 'list':
      return paths.flatMap((p) => choicesOf(resolve(sub, p), f.map)).map((c) => f.map?.[c] ?? c).join(', ');
    default: {
      const text = paths.map((p) => textOf(resolve(sub, p))).filter(Boolean).join('\n\n');
      return f.map && text in f.map ? f.map[text] : text;
    }
  }
}

/**
 * The submission as columns of the record kind (the columns of its spreadsheet template). A form
 * whose goals come from one select_multiple has no primary goal of its own: when the mapping names
 * none, the first goal chosen is the primary one, as a person entering the form would read it.
 */
export function applyMapping(sub: Submission, mapping: Mapping): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(mapping.fields)) out[column] = valueOf(sub, field);
  if (!mapping.fields.primaryGoal && typeof out.otherGoals === 'string' && out.otherGoals.trim()) {
    const [first, ...rest] = out.otherGoals.split(/\s*,\s*/).filter(Boolean);
    Object.assign(out, { primaryGoal: first, otherGoals: rest.join(', ') });
  }
  return out;
}

/**
 * Where a submission's own id may be, in the order looked for, unless the mapping names it:
 * KoboToolbox's `_uuid`, the form's instance id (`meta/instanceID`; `meta-instanceID` in ODK
 * Central's CSV), ODK's `KEY`, and ODK Central's `__id` (first for its OData).
 */
export function keyFieldsOf(mapping: Mapping, format: string): string[] {
  if (mapping.key) return [mapping.key];
  return format === 'odk-odata' ? ['__id', 'meta/instanceID'] : ['_uuid', 'meta/instanceID', 'meta-instanceID', 'KEY', 'instanceID', '__id'];
}

/** The one field a file's submissions are keyed by: the first of keyFieldsOf that any of them fills. */
export function keyFieldOf(subs: Submission[], mapping: Mapping, format: string): string | undefined {
  return keyFieldsOf(mapping, format).find((path) => subs.some((sub) => textOf(resolve(sub, path)).trim()));
}

/** The submission's own id in that field. */
export function keyOf(sub: Submission, field: string | undefined): string | undefined {
  const key = field ? textOf(resolve(sub, field)).trim() : '';
  return key || undefined;
}
