// Where: outcomes per country on a world map (Equal Earth), shaded by count in classes of a single
// blue, with the NAP focus regions outlined and their totals listed.
import { geoCentroid, geoEqualEarth, geoPath, max, scaleThreshold, select } from 'd3';
import type { Feature, Geometry } from 'geojson';
import { BLUES, createSvg, INK, legend, MUTED, navigable, round, type ChartEnv, type NavItem } from './common';

export type CountryFeature = Feature<Geometry, { alpha2: string; name: string }>;
export type MapData = { features: CountryFeature[]; counts: Record<string, number>; regions?: Array<{ key: string; label: string; countries: string[]; count: number }> };
export type MapOptions = ChartEnv & {
  width?: number;
  labels: { title: string; description: string; outcomes: string; regions: string; none: string };
  formatNumber: (n: number) => string;
};

const DEFAULTS = { width: 960 };

export function worldMap(data: MapData, options: MapOptions): SVGSVGElement {
  const o = { ...DEFAULTS, ...options };
  const doc = o.document ?? document;
  const rtl = !!o.rtl;
  const mapHeight = Math.round(o.width * 0.48);
  const regions = data.regions ?? [];
  const svg = createSvg(doc, o.width, mapHeight + 80 + regions.length * 18, o.labels.title, o.labels.description, rtl);
  const root = select(svg);
  const projection = geoEqualEarth().fitExtent([[8, 8], [o.width - 8, mapHeight - 8]], { type: 'FeatureCollection', features: data.features });
  const path = geoPath(projection);
  const top = Math.max(1, max(Object.values(data.counts)) ?? 1);
  // class breaks that stay meaningful for small and large counts alike
  const breaks = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000].filter((b) => b <= top).slice(-4);
  const shade = scaleThreshold<number, string>().domain(breaks.length ? breaks.slice(1).concat(Infinity) : [Infinity]).range(BLUES.slice(2));
  const inRegion = new Set(regions.flatMap((r) => r.countries));
  root.append('g').attr('class', 'countries').selectAll('path').data(data.features, (f) => (f as CountryFeature).properties.alpha2).join('path')
    .attr('d', (f) => path(f) ?? '').attr('fill', (f) => (data.counts[f.properties.alpha2] ? shade(data.counts[f.properties.alpha2]) : '#f2f2f2'))
    .attr('stroke', (f) => (inRegion.has(f.properties.alpha2) ? INK : '#9a9a9a')).attr('stroke-width', (f) => (inRegion.has(f.properties.alpha2) ? 0.9 : 0.4))
    .attr('stroke-dasharray', (f) => (inRegion.has(f.properties.alpha2) ? '3 2' : null));
  const items: NavItem[] = [];
  for (const f of data.features) {
    const n = data.counts[f.properties.alpha2];
    if (!n) continue;
    const c = projection(geoCentroid(f));
    if (!c) continue;
    items.push({ x: round(c[0]), y: round(c[1]), row: 0, datum: { kind: 'country', code: f.properties.alpha2 }, label: `${f.properties.name}\n${o.formatNumber(n)} ${o.labels.outcomes}` });
  }
  items.sort((a, b) => (rtl ? b.x - a.x : a.x - b.x));
  const steps = breaks.length ? breaks.map((b, i) => ({ label: i < breaks.length - 1 ? `${o.formatNumber(b)}–${o.formatNumber(breaks[i + 1] - 1)}` : `≥ ${o.formatNumber(b)}`, colour: shade(b) })) : [];
  const lh = legend(svg, o.labels.outcomes, [{ label: o.labels.none, colour: '#f2f2f2' }, ...steps], 8, mapHeight + 4, o.width - 16, rtl);
  if (regions.length) {
    const g = root.append('g').attr('class', 'regions');
    const y0 = mapHeight + lh + 18;
    g.append('text').attr('x', rtl ? o.width - 8 : 8).attr('y', y0).attr('font-weight', 600).attr('fill', INK).attr('text-anchor', 'start').text(o.labels.regions);
    regions.forEach((r, i) => g.append('text').attr('x', rtl ? o.width - 8 : 8).attr('y', y0 + 18 * (i + 1)).attr('fill', MUTED).attr('text-anchor', 'start')
      .text(`${r.label}: ${o.formatNumber(r.count)}`));
  }
  const height = mapHeight + lh + 24 + (regions.length ? 18 * (regions.length + 1) : 0);
  svg.setAttribute('viewBox', `0 0 ${o.width} ${height}`);
  svg.setAttribute('height', String(height));
  svg.querySelector('rect')?.setAttribute('height', String(height));
  root.select('.countries').attr('stroke-linejoin', 'round');
  navigable(svg, items, { ...o, width: o.width });
  return svg;
}
