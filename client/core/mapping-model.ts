// Saved mappings from KoboToolbox / ODK Central form fields to the columns of a record kind, as
// server/imports/mapping.ts applies them, and what the editor derives: the form-field paths of a
// sample submission, the "answer = value" translations, and the conversion a column needs.
export type MappingField = {
  from?: string | string[]; value?: string | number | boolean; template?: string;
  as?: 'text' | 'list' | 'date' | 'geopoint' | 'attachments'; map?: Record<string, string>; includeUrl?: boolean;
};
export type MappingKind = 'outcomes' | 'stories' | 'indicator-values';

/** The kinds a role imports, and so may map (server/imports: each kind's `roles`). */
export function importKindsOf(role: string | undefined): MappingKind[] {
  switch (role) {
    case 'partner': case 'admin': return ['outcomes', 'stories', 'indicator-values'];
    case 'evaluator': return ['indicator-values'];
    default: return [];
  }
}
export type Mapping = { id: string; name: string; kind: MappingKind; key: string | null; fields: Record<string, MappingField>; createdAt: string; updatedAt: string };
export type SamplePath = { path: string; sample: string };

/** Targets a mapping may fill beyond the template's columns (server: ImportKind.mappingTargets), after the column named. */
export const EXTRA_TARGETS: Partial<Record<MappingKind, Array<{ column: string; after: string }>>> = {
  outcomes: [{ column: 'coordinates', after: 'lon' }],
};

const DATE_COLUMNS = new Set(['occurredOn', 'collectedOn', 'consentGivenOn', 'periodStart', 'periodEnd']);

/**
 * The conversion a column needs from a form field: dates lose their time, a geopoint fills the
 * coordinates, attachments become evidence, other goals come from a select_multiple.
 */
export function defaultAs(column: string): MappingField['as'] | undefined {
  if (DATE_COLUMNS.has(column)) return 'date';
  if (column === 'coordinates') return 'geopoint';
  if (column === 'evidence') return 'attachments';
  if (column === 'otherGoals') return 'list';
  return undefined;
}

/** The submissions in what was pasted: a Kobo API response (results), an ODK OData one (value), a list, or one submission. */
function submissionsOf(data: unknown): Array<Record<string, unknown>> {
  const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  const list = isObject(data) && Array.isArray(data.results) ? data.results : isObject(data) && Array.isArray(data.value) ? data.value : Array.isArray(data) ? data : [data];
  return list.filter(isObject);
}

const isGeoJson = (v: Record<string, unknown>) => typeof v.type === 'string' && Array.isArray(v.coordinates);
const SKIP = new Set(['__system', '@odata.context', '@odata.count', '@odata.nextLink']);

function sampleText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(' ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * The form-field paths of a sample submission, as a mapping names them: Kobo's flat keys as they
 * are (group_x/field), ODK's nested groups joined with "/". Repeats and attachment lists are left
 * out (a mapping reads one value per field); the first non-empty answer is kept as an example.
 * Throws SyntaxError when the text is not JSON.
 */
export function samplePaths(text: string, max = 50): SamplePath[] {
  const found = new Map<string, string>();
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (SKIP.has(key)) continue;
      const path = `${prefix}${key}`;
      if (value && typeof value === 'object' && !Array.isArray(value) && !isGeoJson(value as Record<string, unknown>)) walk(value as Record<string, unknown>, `${path}/`);
      else if (Array.isArray(value) && value.some((x) => x && typeof x === 'object')) continue;
      else if (!found.get(path)) found.set(path, sampleText(value).slice(0, 80));
    }
  };
  submissionsOf(JSON.parse(text)).slice(0, max).forEach((s) => walk(s, ''));
  return [...found].map(([path, sample]) => ({ path, sample }));
}

/** "answer = value" lines as a map (the first "=" splits, so a value may hold one); undefined when empty. */
export function parseMap(text: string): Record<string, string> | undefined {
  const entries = text.split(/\r?\n/).map((line) => {
    const at = line.indexOf('=');
    return at < 0 ? null : [line.slice(0, at).trim(), line.slice(at + 1).trim()] as const;
  }).filter((e): e is readonly [string, string] => !!e && !!e[0]);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** Lines of the map that do not read as "answer = value" (1-based), to point at before saving. */
export const badMapLines = (text: string): number[] =>
  text.split(/\r?\n/).flatMap((line, i) => (line.trim() && !/^[^=]*\S[^=]*=/.test(line) ? [i + 1] : []));

export const formatMap = (map?: Record<string, string>) => Object.entries(map ?? {}).map(([k, v]) => `${k} = ${v}`).join('\n');

/** The paths a field reads, as a list. */
export const pathsOf = (f?: MappingField): string[] => (f?.from === undefined ? [] : Array.isArray(f.from) ? f.from : [f.from]);

/** The columns of a kind's import template (a CSV header: no quoting is needed for column names). */
export function columnsOfTemplate(csv: string, kind: MappingKind): string[] {
  const columns = csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0].split(',').map((c) => c.trim()).filter(Boolean);
  for (const extra of EXTRA_TARGETS[kind] ?? []) {
    if (columns.includes(extra.column)) continue;
    const at = columns.indexOf(extra.after);
    columns.splice(at < 0 ? columns.length : at + 1, 0, extra.column);
  }
  return columns;
}

/**
 * The columns every imported record needs (server/imports/outcomes.ts, stories.ts, indicator-values.ts `required`):
 * only a hint here — a mapping may leave them out and the import's check names what is missing.
 */
export const NEEDED: Partial<Record<MappingKind, string[]>> = {
  outcomes: ['title', 'description', 'socialActorName', 'socialActorType', 'changeType', 'quadrant', 'occurredOn', 'country', 'significance', 'contribution', 'positive', 'intended', 'sensitivity', 'language', 'primaryGoal'],
  stories: ['title', 'story', 'whySignificant', 'domain', 'collectedBy', 'collectedOn', 'country', 'language', 'storytellerRole', 'primaryGoal', 'sensitivity'],
  'indicator-values': ['indicatorCode', 'periodStart', 'periodEnd', 'value'],
};
