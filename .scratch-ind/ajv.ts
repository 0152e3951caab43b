import { createAjv, Validator } from '../server/http/validation';
const v = new Validator(createAjv());
for (const body of [[{periodStart:'2024-01-01',periodEnd:'2024-12-31',value:1},{periodStart:'2024-01-01',periodEnd:'2024-12-31',value:'n/a'}], {surelyNotAField:1}, {periodStart:'2024-01-01',periodEnd:'2024-12-31',value:2, disaggregation:{country:'ML', foo: 3}}]) {
  try { v.check('indicators#/$defs/valuesCreate', body); console.log('ok'); } catch (e: any) { console.log(e.status, JSON.stringify(e.errors)); }
}
