import { createAjv } from '../server/http/validation';
const ajv = createAjv();
const v = ajv.getSchema('imports#/$defs/mappingCreate')!;
console.log(v({ name: 'x', kind: 'outcomes', fields: { title: { from: 'a/b' }, country: { value: 'ML' } } }), v.errors);
console.log(v({ name: 'x', kind: 'outcomes', fields: { title: { from: 'a/b', value: 'x' } } }), JSON.stringify(v.errors?.map(e=>e.instancePath+e.message)));
