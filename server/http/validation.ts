// One ajv instance for the whole app. Every file in schemas/ is loaded once at start; routes refer
// to a schema as "<file>#/$defs/<name>". Failures become 400 problems with JSON-pointer paths.
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Problem, ProblemPath } from './problem';
import { ROOT } from '../core/paths';

// Text is text: refuse only what is not (NUL, control characters other than tab/CR/LF, unpaired
// surrogates). Carriage returns are kept because browsers and spreadsheets send CRLF line ends.
// "Control characters" are Unicode's Cc: C0, DEL and the C1 range U+0080–U+009F.
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const isText = (s: string) => !NOT_TEXT.test(s) && s.isWellFormed();

export const SCHEMA_DIR = path.join(ROOT, 'schemas');

export function loadSchemas(dir = SCHEMA_DIR): Record<string, object> {
  const out: Record<string, object> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const schema = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { $id: string };
    out[schema.$id] = schema;
  }
  return out;
}

export function createAjv(schemas = loadSchemas()): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: false, useDefaults: false });
  addFormats(ajv, ['date', 'date-time', 'email', 'uuid', 'uri']);
  ajv.addFormat('text', { type: 'string', validate: isText });
  ajv.addKeyword({ keyword: 'x-personal', schemaType: 'boolean' });
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  // compile every definition now, so a broken schema stops the start instead of a request
  for (const [id, schema] of Object.entries(schemas)) {
    for (const name of Object.keys((schema as { $defs?: object }).$defs ?? {})) ajv.getSchema(`${id}#/$defs/${name}`);
  }
  return ajv;
}

function pathOf(e: ErrorObject): string {
  if (e.keyword === 'required') return `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`;
  if (e.keyword === 'additionalProperties') {
    return `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`;
  }
  return e.instancePath || '/';
}

function messageOf(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return 'unknown field';
  // a field the body takes in one of its forms but not in this one (if/then by kind)
  if (e.keyword === 'false schema') return 'is not taken here';
  if (e.keyword === 'format' && (e.params as { format: string }).format === 'text') {
    return 'contains characters that are not text (control characters or unpaired surrogates)';
  }
  return e.message ?? 'is not valid';
}

/** A stable code for what failed — ajv's keyword (`required`, `maxLength`, `type`…), and `format.<name>` for a format — so that a client words it in its own language rather than matching the English message. */
function codeOf(e: ErrorObject): string {
  return e.keyword === 'format' ? `format.${(e.params as { format: string }).format}` : e.keyword;
}

export function toProblemPaths(errors: ErrorObject[] | null | undefined, prefix = ''): ProblemPath[] {
  const seen = new Set<string>();
  const out: ProblemPath[] = [];
  for (const e of errors ?? []) {
    // anyOf/oneOf produce one error per branch; keep the specific ones, drop the umbrella line
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const item = { path: prefix + pathOf(e), message: messageOf(e), code: codeOf(e) };
    const key = `${item.path}|${item.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

export class Validator {
  private cache = new Map<string, ValidateFunction>();
  constructor(readonly ajv: Ajv) {}

  get(ref: string): ValidateFunction {
    let fn = this.cache.get(ref);
    if (!fn) {
      fn = this.ajv.getSchema(ref);
      if (!fn) throw new Error(`unknown schema ${ref}`);
      this.cache.set(ref, fn);
    }
    return fn;
  }

  /** Throws a 400 problem naming every failing path; returns the value typed as the caller says. */
  check<T>(ref: string, value: unknown, where: 'body' | 'query' = 'body'): T {
    const fn = this.get(ref);
    if (!fn(value)) {
      throw new Problem('validation_failed', `The ${where} does not match ${ref}`, toProblemPaths(fn.errors));
    }
    return value as T;
  }
}
