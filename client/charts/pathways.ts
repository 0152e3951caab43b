// Pathways: outcome chains as a network laid out in time — each outcome at its date, in its lane
// (a goal on the dashboard, an organisation on the outcome page), an arrow from an outcome to the
// one it contributes to, a dashed line ending in a bar to the one it works against — so a path
// from early, individual changes to later, systemic ones, and its setbacks, can be followed. On a
// phone the lane names sit above their lanes and the plot takes the whole width.
import { extent, scaleTime, select, utcYear, axisBottom } from 'd3';
import { createSvg, INK, isolate, legend, MUTED, navigable, round, SVG_NS, symbolPath, toneFills, toneOf, TONES, type ChartEnv, type NavItem } from './common';
import { beeswarm } from './timeline-marks';

/** `conclusion`: the one it stands on (null while not concluded); it gives the node its colour. */
export type PathwayNode = { id: string; title: string; status: string; conclusion?: string | null; changeType: string; date: Date; lane: string };
export type PathwayLink = { source: string; target: string; relation?: 'contributes_to' | 'counteracts' };
export type PathwayData = { lanes: Array<{ key: string; label: string }>; nodes: PathwayNode[]; links: PathwayLink[] };
export type PathwayOptions = ChartEnv & {
  width?: number; laneHeight?: number;
  labels: { title: string; description: string; conclusion: string; link: string; counteracts: string };
  statusLabel: (s: string) => string; toneLabel: (tone: string) => string; changeTypeLabel: (c: string) => string; formatDate: (d: Date) => string;
};

const DEFAULTS = { width: 960, laneHeight: 70 };
const LABEL = 170;
const NARROW = 560;
const NAME = 18; // room for a lane's name above it on a phone
const COUNTERACTS = '6 4';

export function pathwaysChart(data: PathwayData, options: PathwayOptions): SVGSVGElement {
  const o = { ...DEFAULTS, ...options };
  const doc = o.document ?? document;
  const rtl = !!o.rtl;
  const lanes = data.lanes.filter((l) => data.nodes.some((n) => n.lane === l.key));
  const narrow = o.width < NARROW;
  const laneHeight = narrow ? o.laneHeight + NAME : o.laneHeight;
  const top = 10;
  const axisY = top + lanes.length * laneHeight;
  const svg = createSvg(doc, o.width, axisY + 110, o.labels.title, o.labels.description, rtl);
  const fillOf = toneFills(svg);
  const root = select(svg);
  const label = narrow ? 12 : LABEL;
  const plot: [number, number] = rtl ? [20, o.width - label] : [label, o.width - 20];
  const [lo, hi] = extent(data.nodes, (n) => n.date) as [Date, Date];
  const x = scaleTime().domain([utcYear.floor(lo ?? new Date()), utcYear.ceil(new Date((hi ?? new Date()).getTime() + 1))]).range(rtl ? [plot[1], plot[0]] : plot);
  const laneIdx = new Map(lanes.map((l, i) => [l.key, i]));
  lanes.forEach((l, i) => {
    const y = top + i * laneHeight;
    root.append('rect').attr('x', plot[0]).attr('width', plot[1] - plot[0]).attr('y', y).attr('height', laneHeight).attr('fill', i % 2 ? '#fff' : '#f4f4f1');
    const room = narrow ? Math.floor((o.width - 16) / 6.6) : 26;
    root.append('text').attr('x', rtl ? o.width - 8 : 8).attr('y', narrow ? y + 13 : y + laneHeight / 2 + 4).attr('text-anchor', 'start').attr('fill', INK)
      .attr('font-weight', narrow ? 600 : null).text(isolate(l.label.length > room ? `${l.label.slice(0, room - 1)}…` : l.label));
  });
  root.append('g').attr('transform', `translate(0,${axisY})`).call(axisBottom(x).ticks(narrow ? 3 : 6).tickFormat((d) => o.formatDate(d as Date)))
    .call((g) => g.selectAll('text').attr('fill', INK)).call((g) => g.selectAll('line,path').attr('stroke', MUTED));
  // positions: by date, spread within the lane
  const pos = new Map<string, { x: number; y: number }>();
  lanes.forEach((l, i) => {
    const inLane = data.nodes.filter((n) => n.lane === l.key);
    const xs = inLane.map((n) => x(n.date));
    const ys = beeswarm(xs, top + i * laneHeight + (narrow ? NAME : 0) + o.laneHeight / 2, 9, 3);
    inLane.forEach((n, k) => pos.set(n.id, { x: round(xs[k]), y: round(ys[k]) }));
  });
  const markerId = `arrow-${Math.random().toString(36).slice(2, 8)}`;
  const defs = doc.createElementNS(SVG_NS, 'defs');
  svg.append(defs);
  select(defs).append('marker').attr('id', markerId).attr('viewBox', '0 0 10 10').attr('refX', 16).attr('refY', 5).attr('markerWidth', 7).attr('markerHeight', 7).attr('orient', 'auto-start-reverse')
    .append('path').attr('d', 'M0,0L10,5L0,10z').attr('fill', INK);
  // a bar across the line's end: this one stops that one
  select(defs).append('marker').attr('id', `${markerId}-bar`).attr('viewBox', '0 0 10 10').attr('refX', 14).attr('refY', 5).attr('markerWidth', 8).attr('markerHeight', 8).attr('orient', 'auto')
    .append('path').attr('d', 'M4,0L6,0L6,10L4,10z').attr('fill', INK);
  const links = data.links.filter((l) => pos.has(l.source) && pos.has(l.target));
  const against = (l: PathwayLink) => l.relation === 'counteracts';
  root.append('g').attr('class', 'links').selectAll('path').data(links).join('path').attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 1.25)
    .attr('class', (l) => (against(l) ? 'link-counteracts' : 'link-contributes')).attr('stroke-dasharray', (l) => (against(l) ? COUNTERACTS : null))
    .attr('marker-end', (l) => `url(#${markerId}${against(l) ? '-bar' : ''})`)
    .attr('d', (l) => {
      const a = pos.get(l.source)!;
      const b = pos.get(l.target)!;
      const mx = (a.x + b.x) / 2;
      // within one lane an arc over the marks, so a line never runs through the outcomes between
      if (Math.abs(a.y - b.y) < 6) return `M${a.x},${a.y}Q${mx},${round(a.y - 2 * Math.min(o.laneHeight * 0.42, Math.abs(b.x - a.x) / 3))} ${b.x},${b.y}`;
      return `M${a.x},${a.y}C${mx},${a.y} ${mx},${b.y} ${b.x},${b.y}`;
    });
  const items: NavItem[] = [];
  const nodes = data.nodes.filter((n) => laneIdx.has(n.lane) && pos.has(n.id));
  root.append('g').attr('class', 'nodes').selectAll('path').data(nodes, (d) => (d as PathwayNode).id).join('path')
    .attr('d', (n) => symbolPath(n.changeType, 150)).attr('transform', (n) => `translate(${pos.get(n.id)!.x},${pos.get(n.id)!.y})`)
    .attr('fill', (n) => fillOf(toneOf(n))).attr('stroke', INK);
  const title = (id: string) => data.nodes.find((n) => n.id === id)?.title ?? '';
  nodes.forEach((n) => {
    const out = links.filter((l) => l.source === n.id).map((l) => `${against(l) ? `⊣ ${o.labels.counteracts}:` : '→'} ${title(l.target)}`);
    items.push({ ...pos.get(n.id)!, row: laneIdx.get(n.lane), datum: { kind: 'outcome', id: n.id },
      label: [`${n.title}`, `${o.formatDate(n.date)} · ${o.statusLabel(n.status)} · ${o.changeTypeLabel(n.changeType)}`, ...out.slice(0, 2)].join('\n') });
  });
  const present = new Set(nodes.map(toneOf));
  const relations = [{ label: o.labels.link, stroke: INK, dash: '' }, ...(links.some(against) ? [{ label: o.labels.counteracts, stroke: INK, dash: COUNTERACTS }] : [])];
  const lh = legend(svg, o.labels.conclusion, [...TONES.filter((s) => present.has(s)).map((s) => ({ label: o.toneLabel(s), colour: fillOf(s), shape: 'OH-ACTION' })), ...relations],
    8, axisY + 36, o.width - 16, rtl);
  const height = axisY + 36 + lh + 10;
  svg.setAttribute('viewBox', `0 0 ${o.width} ${height}`);
  svg.setAttribute('height', String(height));
  svg.querySelector('rect')?.setAttribute('height', String(height));
  navigable(svg, items, { ...o, width: o.width });
  return svg;
}
