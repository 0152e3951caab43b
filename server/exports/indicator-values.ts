// Indicator values for export: the indicators the user may see (or those named), each one's
// values read through its own list handler — the same filters, visibility (drafts only for those
// who may see them) and redaction as GET /api/indicators/:id/values.
import type { Ctx } from '../http/types';
import { listOf } from '../http/paging';
import { whereIndicatorVisible } from '../indicators/access';
import * as values from '../indicators/values';
import type { IndicatorValue } from '../indicators/representation';
import { Column, jsonCell } from './cells';
import type { ExportKind, Query } from './kinds';
import type { NameColumn } from './names';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Valued = IndicatorValue & { indicator: { code: string; name: string; unit: string } };
const PAGE_SIZE = 200;

const COLUMNS: Column<Valued>[] = [
  { name: 'indicatorCode', value: (v) => v.indicator.code }, { name: 'indicatorName', value: (v) => v.indicator.name }, { name: 'unit', value: (v) => v.indicator.unit },
  { name: 'periodStart', value: (v) => v.periodStart }, { name: 'periodEnd', value: (v) => v.periodEnd }, { name: 'value', value: (v) => v.value },
  { name: 'disaggregation', value: (v) => (Object.keys(v.disaggregation).length ? jsonCell(v.disaggregation) : null) },
  { name: 'status', value: (v) => v.status }, { name: 'note', value: (v) => v.note }, { name: 'organisation', value: (v) => v.organisation?.name ?? null },
  { name: 'id', value: (v) => v.id }, { name: 'createdAt', value: (v) => v.createdAt }, { name: 'updatedAt', value: (v) => v.updatedAt },
];

/** The indicator's name and unit in the reader's language beside the stored (English) ones, and the value's state. */
export const VALUE_NAME_COLUMNS: NameColumn<Valued>[] = [
  { of: 'indicatorName', name: 'indicatorNameLocalised', value: (v, n) => n.indicator(v.indicator.code)?.name ?? v.indicator.name },
  { of: 'unit', name: 'unitLocalised', value: (v, n) => n.indicator(v.indicator.code)?.unit ?? v.indicator.unit },
  { of: 'disaggregation', name: 'disaggregationName', value: (v, n) => (Object.keys(v.disaggregation).length ? n.breakdown(v.indicator.code, v.disaggregation) : null) },
  { of: 'status', name: 'statusName', value: (v, n) => n.term('status', v.status) },
];

async function open(ctx: Ctx<unknown, Query>): Promise<AsyncIterable<Valued[]>> {
  const q = ctx.query;
  const ids = listOf(q.indicator);
  const programmes = listOf(q.programme);
  const indicators: Row[] = await whereIndicatorVisible(ctx.db('indicators as i'), ctx.user)
    .modify((qb) => { if (ids) qb.whereIn('i.id', ids); if (programmes) qb.whereIn('i.programme_id', programmes); })
    .orderBy('i.code').select('i.id', 'i.code', 'i.name', 'i.unit');
  const filters = { from: q.from, to: q.to, status: q.status, country: q.country };
  const read = (i: Row, page: number) => values.list({ ...ctx, params: { id: i.id }, query: { ...filters, page: String(page), pageSize: String(PAGE_SIZE), sort: 'periodEnd' } });
  // the first read checks the filters (a 400 before any byte of the file)
  const first = indicators.length ? await read(indicators[0], 1) : null;
  return (async function* () {
    for (const [k, i] of indicators.entries()) {
      for (let page = 1; ; page++) {
        const r = k === 0 && page === 1 ? first! : await read(i, page);
        yield r.items.map((v) => ({ ...(v as IndicatorValue), indicator: { code: i.code, name: i.name, unit: i.unit } }));
        if (page * PAGE_SIZE >= r.total || !r.items.length) break;
      }
    }
  })();
}

export const indicatorValuesExport: ExportKind<Valued> = {
  name: 'indicator-values', sheet: 'indicator values', query: 'exports#/$defs/indicatorValuesQuery', columns: COLUMNS, names: VALUE_NAME_COLUMNS, lists: ['indicators'], open,
};
