// From the records of a file to the candidates of an import: a spreadsheet's columns by their
// header (the template's names, any case; the export's own columns such as id and status are read
// past; any other column refuses the file, so that a misspelt header never drops data silently),
// or a form's submissions through a mapping, each with its submission key.
import { Problem } from '../http/problem';
import type { Candidate, ColumnName } from './check';
import type { ImportKind } from './kinds';
import { applyMapping, keyFieldOf, keyFieldsOf, keyOf, Mapping } from './mapping';
import { messageOf } from './messages';
import type { Parsed } from './parse';

/** `keyFields`: where a keyed (form) source's submission ids are, or were looked for. */
export type Source = { candidates: Candidate[]; columnName: ColumnName; keyed: boolean; keyFields?: string[] };

function headerColumns(kind: ImportKind, headers: string[], language: string): Map<string, string> {
  const known = new Map(kind.columns.map((c) => [c.toLowerCase(), c]));
  const ignored = new Set(kind.ignored.map((c) => c.toLowerCase()));
  const byHeader = new Map<string, string>();
  const errors = [];
  for (const h of headers.filter(Boolean)) {
    const column = known.get(h.toLowerCase());
    if (column) byHeader.set(h, column);
    else if (!ignored.has(h.toLowerCase())) errors.push({ path: `/columns/${h}`, message: `${h}: ${messageOf('unknown_column', language, 'is not a column this import knows')}` });
  }
  const present = new Set(byHeader.values());
  for (const c of kind.required.filter((r) => !present.has(r))) {
    errors.push({ path: `/columns/${c}`, message: `${c}: ${messageOf('missing_column', language, 'is a required column that the file lacks')}` });
  }
  if (errors.length) throw new Problem('unprocessable', 'The columns of the file do not match the template', errors);
  return byHeader;
}

function fromSpreadsheet(kind: ImportKind, parsed: Parsed, language: string): Source {
  const byHeader = headerColumns(kind, parsed.headers ?? [], language);
  const candidates = parsed.records.map((r) => {
    const values: Record<string, unknown> = {};
    for (const [h, column] of byHeader) values[column] = r.values[h];
    return { row: r.row, values, formulas: r.formulas.map((f) => byHeader.get(f) ?? f) };
  });
  return { candidates, columnName: (c) => c, keyed: false };
}

function fromForm(parsed: Parsed, mapping: Mapping, format: string): Source {
  const keyField = keyFieldOf(parsed.records.map((r) => r.values), mapping, format);
  const candidates = parsed.records.map((r) => ({
    row: r.row, key: keyOf(r.values, keyField), values: applyMapping(r.values, mapping), formulas: r.formulas,
  }));
  const columnName = (column: string) => {
    const f = mapping.fields[column] ?? (column === 'lat' || column === 'lon' ? mapping.fields.coordinates : undefined);
    if (f?.from) return ([] as string[]).concat(f.from).join(' + ');
    return column;
  };
  return { candidates, columnName, keyed: true, keyFields: keyField ? [keyField] : keyFieldsOf(mapping, format) };
}

export function sourceOf(kind: ImportKind, format: string, parsed: Parsed, mapping: Mapping | undefined, language: string): Source {
  if (mapping) return fromForm(parsed, mapping, format);
  if (format !== 'csv' && format !== 'xlsx') {
    throw new Problem('unprocessable', 'A KoboToolbox or ODK import needs a mapping', [{ path: '/mappingId', message: 'is required for this format' }]);
  }
  return fromSpreadsheet(kind, parsed, language);
}
