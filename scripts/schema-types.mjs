// The TypeScript types of every body, query and reply, generated from schemas/*.json (the one
// source) into server/generated/schemas.ts. Each definition `<file>#/$defs/<name>` becomes a type
// named after it (PascalCase; the file's name in front where two files use the same name).
// `npm run build` writes it; `node scripts/schema-types.mjs --check` fails when it is stale (the
// unit tests run that check, so a schema change without its types does not land).
import fs from 'node:fs';
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';

const root = path.resolve(import.meta.dirname, '..');
export const TYPES_FILE = path.join(root, 'server/generated/schemas.ts');

const pascal = (s) => s.replace(/(^|[-_ ])(\w)/g, (_, __, c) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase());

export async function schemaTypes() {
  const files = fs.readdirSync(path.join(root, 'schemas')).filter((f) => f.endsWith('.json')).sort();
  const docs = Object.fromEntries(files.map((f) => { const d = JSON.parse(fs.readFileSync(path.join(root, 'schemas', f), 'utf8')); return [d.$id, d]; }));
  const count = new Map();
  for (const d of Object.values(docs)) for (const name of Object.keys(d.$defs ?? {})) count.set(name, (count.get(name) ?? 0) + 1);
  const typeName = (file, name) => (count.get(name) > 1 ? pascal(`${file}-${name}`) : pascal(name));
  // one schema holding every definition, its references rewritten to point inside it
  const defs = {};
  const rewrite = (v, file) => {
    if (Array.isArray(v)) return v.map((x) => rewrite(x, file));
    if (!v || typeof v !== 'object') return v;
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && typeof x === 'string') {
        const [f, pointer] = x.split('#');
        const name = pointer.replace(/^\/\$defs\//, '');
        out.$ref = `#/$defs/${typeName(f || file, name)}`;
      } else if (k !== 'x-personal' && k !== '$id') out[k] = rewrite(x, file);
    }
    return out;
  };
  for (const [file, d] of Object.entries(docs)) {
    for (const [name, def] of Object.entries(d.$defs ?? {})) defs[typeName(file, name)] = { ...rewrite(def, file), title: typeName(file, name) };
  }
  const ts = await compile({ $defs: defs, title: 'Schemas', type: 'object', additionalProperties: false }, 'Schemas', {
    bannerComment: '', unreachableDefinitions: true, declareExternallyReferenced: true, additionalProperties: false, format: true, strictIndexSignatures: false,
  });
  const plain = ts.replace(/\/\*\*\n \* This (?:interface|type) was referenced by `Schemas`'s JSON-Schema\n \* via the `definition` "\w+"\.\n \*\/\n/g, '')
    .replace(/ \*\n \* This (?:interface|type) was referenced by `Schemas`'s JSON-Schema\n \* via the `definition` "\w+"\.\n/g, '')
    // named keys beside an open map (a breakdown's `country`, `sex`, any other): optional, so the map's values may be absent
    .replace(/\[k: string\]: string;/g, '[k: string]: string | undefined;');
  return `// Generated from schemas/*.json by scripts/schema-types.mjs (npm run build). Do not edit: change the schema.\n/* eslint-disable */\n${plain}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ts = await schemaTypes();
  if (process.argv.includes('--check')) {
    const now = fs.existsSync(TYPES_FILE) ? fs.readFileSync(TYPES_FILE, 'utf8') : '';
    if (now !== ts) { console.error('server/generated/schemas.ts is stale: run npm run build (or node scripts/schema-types.mjs)'); process.exit(1); }
  } else {
    fs.mkdirSync(path.dirname(TYPES_FILE), { recursive: true });
    fs.writeFileSync(TYPES_FILE, ts);
  }
}
