// A record kind's field lists, read from its schemas — the one source — instead of kept by hand:
// its personal fields (the top-level properties whose value holds a part marked `x-personal`,
// following `$ref`s across files) and its editable fields (the properties of its patch schema).
import { loadSchemas } from '../http/validation';

type Node = { [k: string]: unknown };
let schemas: Record<string, object> | undefined;

/** The definition a reference names (`file#/$defs/name`, or `#/…` within `base`), with the file it is in. */
function resolve(ref: string, base: string): { node: Node; file: string } {
  schemas ??= loadSchemas();
  const [file, pointer = ''] = ref.split('#');
  const within = file || base;
  let node = schemas[within] as Node | undefined;
  for (const part of pointer.split('/').filter(Boolean)) node = node?.[part] as Node | undefined;
  if (!node) throw new Error(`schema reference ${ref} (from ${base}) names nothing`);
  return { node, file: within };
}

function holdsPersonal(v: unknown, file: string, seen: Set<string>): boolean {
  if (Array.isArray(v)) return v.some((x) => holdsPersonal(x, file, seen));
  if (!v || typeof v !== 'object') return false;
  const node = v as Node;
  if (node['x-personal'] === true) return true;
  if (typeof node.$ref === 'string') {
    const key = `${file}|${node.$ref}`;
    if (!seen.has(key)) {
      seen.add(key);
      const target = resolve(node.$ref, file);
      if (holdsPersonal(target.node, target.file, seen)) return true;
    }
  }
  return Object.entries(node).some(([k, x]) => k !== '$ref' && holdsPersonal(x, file, seen));
}

const propertiesOf = (ref: string) => {
  const { node, file } = resolve(ref, '');
  return { properties: (node.properties ?? {}) as Record<string, unknown>, file };
};

/** The top-level fields of records of this schema that hold personal data. */
export function personalFieldsOf<F extends string = string>(ref: string): readonly F[] {
  const { properties, file } = propertiesOf(ref);
  return Object.keys(properties).filter((k) => holdsPersonal(properties[k], file, new Set())) as F[];
}

/** The fields a patch schema lets a client change. */
export const editableFieldsOf = <F extends string = string>(ref: string): readonly F[] => Object.keys(propertiesOf(ref).properties) as F[];
