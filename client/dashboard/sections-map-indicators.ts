// Where (a world map of outcomes per country, with the NAP focus regions) and Indicators
// (baseline, target and latest actual, with the outcomes that may explain them).
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries from 'i18n-iso-countries';
import { h, replace } from '../core/dom';
import { api, qs } from '../core/api';
import { countryName, formatDate, formatNumber, isRtl, lang, localName, localUnit, t } from '../core/i18n';
import { worldMap, type CountryFeature } from '../charts/world-map';
import { indicatorsChart, type IndicatorRow } from '../charts/indicators';
import { apiParams, loadAggregate, type DashFilters, type MapApi } from './data';
import type { Drawn, Frame } from './frame';

let features: Promise<CountryFeature[]> | undefined;
function countryShapes(): Promise<CountryFeature[]> {
  features ??= import('world-atlas/countries-110m.json').then((m) => {
    const topo = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection }>;
    const fc = feature(topo, topo.objects.countries) as unknown as { features: Array<CountryFeature & { id?: string }> };
    // world-atlas names countries by ISO 3166-1 numeric code
    return fc.features.map((ft) => ({ ...ft, properties: { alpha2: countries.numericToAlpha2(String(ft.id ?? '')) ?? '', name: '' } })).filter((ft) => ft.properties.alpha2);
  });
  return features;
}

export async function mapSection(frame: Frame, f: DashFilters): Promise<void> {
  frame.loading();
  const [api, shapes] = await Promise.all([loadAggregate<MapApi>('map', f), countryShapes()]);
  const counts: Record<string, number> = {};
  api.countries.forEach((c) => { counts[c.country] = c.outcomes; });
  const regions = (api.regions ?? []).map((r) => ({ key: r.code, label: localName(r), countries: r.countries, count: r.outcomes ?? 0 }));
  const named = shapes.map((s) => ({ ...s, properties: { ...s.properties, name: countryName(s.properties.alpha2) } }));
  frame.show(({ width, announce }): Drawn => {
    if (!Object.keys(counts).length) return { empty: t('dash.emptyOutcomes') };
    const svg = worldMap({ features: named, counts, regions }, { width, rtl: isRtl(), locale: lang(), announce, formatNumber,
      labels: { title: t('dash.map'), description: t('dash.mapDesc'), outcomes: t('dash.outcomesUnit'), regions: t('dash.regions'), none: t('dash.noOutcomes') } });
    const rows: Array<Array<string | number>> = Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([c, n]) => [countryName(c), n]);
    regions.forEach((r) => rows.push([`${t('dash.region')}: ${r.label}`, r.count]));
    return { svg, table: { columns: [t('dash.col.country'), t('dash.col.outcomes')], rows, numeric: [1] } };
  });
}

type Indicator = {
  id: string; code: string; name: string; names?: Record<string, string>; unit: string; unitNames?: Record<string, string>; direction: 'increase' | 'decrease'; goals: string[];
  baseline: { value: number; date: string } | null; targets: Array<{ value: number; date: string }>; kind?: 'number' | 'rubric'; levels?: unknown[];
};
/** A rubric's figures are levels: its "unit" says of how many. */
const unitOf = (i: Indicator) => (i.kind === 'rubric' ? t('rubric.kindText', { count: i.levels?.length ?? 0 }) : localUnit(i));
type Progress = { latest: { periodEnd: string; value: number } | null; target: { value: number; date: string } | null; series?: Array<{ latest: { value: number } }>; outcomes?: { total: number; items: Array<{ id: string; title: string }> } };

export async function indicatorsSection(frame: Frame, f: DashFilters, explain: HTMLElement): Promise<void> {
  frame.loading();
  const params = await apiParams(f, true);
  const list = await api<{ items: Indicator[]; total: number }>(`/api/indicators${qs({ goal: f.goal, programme: f.programme, pageSize: 12 })}`);
  const items = list.items;
  const progress = await Promise.all(items.map((i) => api<Progress>(`/api/indicators/${i.id}/progress${qs({ from: params.from, to: params.to, country: f.country })}`).catch(() => null)));
  const rows: IndicatorRow[] = items.map((i, k) => {
    const p = progress[k];
    return { key: i.code, label: localName(i), unit: unitOf(i), direction: i.direction, baseline: i.baseline,
      target: p?.target ?? i.targets.at(-1) ?? null, actual: p?.latest ? { value: p.latest.value, date: p.latest.periodEnd } : null, outcomes: p?.outcomes?.total,
      spread: p?.latest ? undefined : (p?.series ?? []).map((x) => x.latest.value) };
  });
  const explained = items.map((i, k) => {
    const out = progress[k]?.outcomes?.items ?? [];
    return out.length ? h('li', {}, h('details', {}, h('summary', {}, t('dash.explainedBy', { name: localName(i), count: progress[k]?.outcomes?.total ?? out.length })),
      h('ul', {}, out.slice(0, 8).map((o) => h('li', {}, h('a', { href: `/outcomes/${o.id}`, dir: 'auto' }, o.title)))))) : null;
  }).filter(Boolean) as HTMLElement[];
  replace(explain, explained.length ? h('h3', {}, t('dash.explaining')) : null, explained.length ? h('ul', { class: 'plain' }, explained) : null);
  frame.show(({ width, announce }): Drawn => {
    if (!rows.length) return { empty: t('dash.emptyIndicators') };
    const svg = indicatorsChart(rows, { width, rtl: isRtl(), locale: lang(), announce, formatNumber, formatDate: (iso) => formatDate(iso, 'year'),
      labels: { title: t('dash.indicators'), description: t('dash.indicatorsDesc'), baseline: t('dash.baseline'), target: t('dash.target'), actual: t('dash.actual'),
        noData: t('dash.noValues'), outcomes: t('dash.outcomesUnit'), higher: t('dash.higher'), lower: t('dash.lower'), series: t('dash.seriesValues') } });
    return { svg, table: { columns: [t('dash.col.indicator'), t('dash.col.unit'), t('dash.baseline'), t('dash.target'), t('dash.actual'), t('dash.col.date'), t('dash.col.outcomes')],
      rows: rows.map((r) => [r.label, r.unit, r.baseline?.value ?? '—', r.target?.value ?? '—', r.actual?.value ?? '—', r.actual ? formatDate(r.actual.date) : '—', r.outcomes ?? '—']), numeric: [2, 3, 4, 6] } };
  });
}
