// Indicator values as an import: one row per value, naming its indicator by code. Each row is the
// body of POST /api/indicators/:id/values, checked by indicators#/$defs/valueCreate and the
// indicators' own rules (who may enter values for the indicator, periods, disaggregation keys,
// values that exist already), and written through that endpoint's service, one batch per
// indicator — all in the import's one transaction.
import type { Ctx } from '../http/types';
import type { Db } from '../db/knex';
import type { Reply } from '../http/types';
import { Problem } from '../http/problem';
import { loadForWrite } from '../indicators/service';
import { checkValues } from '../indicators/rules';
import { create } from '../indicators/values';
import { canonical, type ValueInput } from '../indicators/representation';
import type { ImportKind } from './kinds';
import { VALUE_NAME_COLUMNS } from '../exports/indicator-values';
import { Cells, code, prune, text } from './values';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type ValueRow = { indicatorCode?: string; value: ValueInput };

const COLUMNS = ['indicatorCode', 'periodStart', 'periodEnd', 'value', 'disaggregation', 'note', 'status'];

/** A JSON object, or key=value pairs separated by semicolons (country=ML; sex=female). */
function disaggregationOf(raw: string | undefined, c: Cells): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim().startsWith('{')) {
    try {
      return JSON.parse(raw) as Record<string, string>;
    } catch {
      c.errors.push({ column: 'disaggregation', path: '/disaggregation', code: 'invalid_json' });
      return undefined;
    }
  }
  return Object.fromEntries(raw.split(';').map((p) => p.split('=').map((s) => s.trim())).filter((kv) => kv[0]).map(([k, v]) => [k, v ?? '']));
}

function toInput(values: Record<string, unknown>) {
  const c = new Cells(values);
  const value = prune({
    periodStart: code(values.periodStart), periodEnd: code(values.periodEnd), value: c.number('value', '/value'),
    disaggregation: disaggregationOf(text(values.disaggregation), c), note: text(values.note), status: code(values.status)?.toLowerCase(),
  }) as ValueInput;
  return { input: { indicatorCode: code(values.indicatorCode), value }, errors: c.errors };
}

/** Rows of one import that name the same value twice (per request: the ctx of the import). */
const seen = new WeakMap<object, Set<string>>();

async function check(_db: Db, row: ValueRow, ctx: Ctx): Promise<void> {
  if (!row.indicatorCode) throw new Problem('unprocessable', 'No indicator', [{ path: '/indicatorCode', message: 'is required' }]);
  const found: Row | undefined = await ctx.db('indicators').where({ code: row.indicatorCode }).first('id');
  const indicator = found && await loadForWrite(ctx, found.id).catch((e: Problem) => {
    throw new Problem('unprocessable', e.message, [{ path: '/indicatorCode', message: e.code === 'forbidden' ? 'is not an indicator you may enter values for' : `unknown indicator ${row.indicatorCode}` }]);
  });
  if (!indicator) throw new Problem('unprocessable', 'Unknown indicator', [{ path: '/indicatorCode', message: `unknown indicator ${row.indicatorCode}` }]);
  if (ctx.user.role === 'partner' && row.value.status === 'validated') throw new Problem('unprocessable', 'Partners enter drafts', [{ path: '/status', message: 'only evaluators and admins validate values' }]);
  await checkValues(ctx.db, indicator, [row.value], () => '').catch((e: Problem) => {
    throw e.code === 'already_exists' ? new Problem('unprocessable', e.message, e.errors) : e;
  });
  const key = [indicator.id, row.value.periodStart, row.value.periodEnd, canonical(row.value.disaggregation)].join('|');
  const keys = seen.get(ctx) ?? seen.set(ctx, new Set()).get(ctx)!;
  if (keys.has(key)) throw new Problem('unprocessable', 'The same value twice', [{ path: '/', message: 'repeats the indicator, period and disaggregation of an earlier row' }]);
  keys.add(key);
}

async function insert(trx: Db, ctx: Ctx, rows: ValueRow[]): Promise<string[]> {
  const ids: string[] = new Array(rows.length);
  const byIndicator = new Map<string, number[]>();
  rows.forEach((r, i) => byIndicator.set(r.indicatorCode!, [...(byIndicator.get(r.indicatorCode!) ?? []), i]));
  for (const [indicatorCode, at] of byIndicator) {
    const { id } = await trx('indicators').where({ code: indicatorCode }).first('id');
    const reply = (await create({ ...ctx, db: trx, params: { id }, body: at.map((i) => rows[i].value) })) as Reply & { body: { items: Array<{ id: string }> } };
    reply.body.items.forEach((v, k) => { ids[at[k]] = v.id; });
  }
  return ids;
}

export const indicatorValuesImport: ImportKind<ValueRow> = {
  name: 'indicator-values',
  roles: ['partner', 'evaluator', 'admin'],
  columns: COLUMNS,
  required: ['indicatorCode', 'periodStart', 'periodEnd', 'value'],
  ignored: ['indicatorName', 'unit', 'organisation', 'id', 'createdAt', 'updatedAt', ...VALUE_NAME_COLUMNS.map((c) => c.name)],
  mappingTargets: [],
  schema: 'indicators#/$defs/valueCreate',
  body: (row) => row.value,
  toInput,
  columnOf: (path) => (path === '/indicatorCode' ? 'indicatorCode' : path.split('/')[1] || ''),
  check,
  insert,
};
