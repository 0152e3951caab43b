// What every chart shares: the colour-blind-safe palette (Okabe–Ito) and mark shapes, the SVG
// root with its accessible name, the legend, and keyboard/pointer access to the marks with a
// tooltip — one tab stop per chart, arrow keys between marks, Enter to open.
import { Delaunay, select, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export type ChartEnv = {
  /** The document to draw in (jsdom in tests, the page in the browser). */
  document?: Document;
  rtl?: boolean;
  locale?: string;
  /** Reads out the focused mark (the frame's live region). */
  announce?: (text: string) => void;
};

/** Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];

/**
 * What a mark's colour says: the conclusion an outcome stands on (Okabe & Ito green, yellow,
 * vermillion); work not yet concluded is hatched (toneFills), a retracted outcome black.
 */
export const CONCLUSION_COLOURS: Record<string, string> = {
  substantiated: '#009E73', partly_substantiated: '#F0E442', not_substantiated: '#D55E00', pending: '#ffffff', retracted: '#000000',
};
export const TONES = Object.keys(CONCLUSION_COLOURS);
/** The tone of an outcome: its conclusion, else retracted or not yet concluded. */
export const toneOf = (m: { status: string; conclusion?: string | null }) => m.conclusion ?? (m.status === 'retracted' ? 'retracted' : 'pending');

let hatches = 0;
/**
 * The fills of the tones in this chart: the conclusion colours, and for "not yet concluded" a hatch
 * pattern added to the chart's own defs (so a downloaded SVG keeps it).
 */
export function toneFills(svg: SVGSVGElement): (tone: string) => string {
  const id = `hatch-${++hatches}`;
  const p = select(svg).append('defs').append('pattern').attr('id', id).attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 4).attr('height', 4).attr('patternTransform', 'rotate(45)');
  p.append('rect').attr('width', 4).attr('height', 4).attr('fill', '#ffffff');
  p.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 4).attr('stroke', MUTED).attr('stroke-width', 1.5);
  return (tone) => (tone === 'pending' ? `url(#${id})` : CONCLUSION_COLOURS[tone] ?? '#999999');
}

/** Shapes of the six outcome-harvesting change types (shape carries the meaning, not colour). */
const SHAPES: Record<string, SymbolType> = {
  'OH-ACTION': symbolCircle, 'OH-ACTIVITY': symbolSquare, 'OH-RELATIONSHIP': symbolTriangle,
  'OH-AGENDA': symbolDiamond, 'OH-POLICY': symbolStar, 'OH-PRACTICE': symbolWye,
};
export const shapeOf = (code: string): SymbolType => SHAPES[code] ?? symbolCross;
export const symbolPath = (code: string, area = 64) => symbol(shapeOf(code), area)() ?? '';

/** Single-hue sequential blues (ColorBrewer), for counts and shares. */
export const BLUES = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
export const INK = '#1a1a1a';
export const MUTED = '#595959';
export const GRID = '#d9d9d9';
export const FONT = 'system-ui, "Noto Sans", "Noto Sans Arabic", sans-serif';

export const round = (n: number) => Math.round(n * 10) / 10;

/** Text isolated from the chart's direction, so a Latin goal name reads right in an Arabic chart. */
export const isolate = (s: string) => `\u2068${s}\u2069`;

export function createSvg(doc: Document, width: number, height: number, title: string, description: string, rtl = false): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('class', 'chart');
  svg.setAttribute('font-family', FONT);
  svg.setAttribute('font-size', '12');
  svg.setAttribute('direction', rtl ? 'rtl' : 'ltr');
  const id = `c${Math.random().toString(36).slice(2, 8)}`;
  const t = doc.createElementNS(SVG_NS, 'title');
  t.id = `${id}-t`;
  t.textContent = title;
  const d = doc.createElementNS(SVG_NS, 'desc');
  d.id = `${id}-d`;
  d.textContent = description;
  svg.append(t, d);
  svg.setAttribute('aria-labelledby', `${id}-t`);
  svg.setAttribute('aria-describedby', `${id}-d`);
  // white ground so a downloaded PNG is readable on any background
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', '#ffffff');
  svg.append(bg);
  return svg;
}

export type LegendEntry = { label: string; colour?: string; shape?: string; stroke?: string; dash?: string };

/** A legend row that wraps; returns its height. Start-aligned (right in RTL). */
export function legend(svg: SVGSVGElement, title: string, entries: LegendEntry[], x: number, y: number, width: number, rtl = false): number {
  const g = select(svg).append('g').attr('class', 'legend').attr('aria-hidden', 'true');
  const side = (px: number) => (rtl ? width - px : px) + x;
  g.append('text').attr('x', side(0)).attr('y', y + 12).attr('font-weight', 600).attr('fill', INK).attr('text-anchor', 'start').text(title);
  let cx = 0;
  let cy = y + 30;
  for (const e of entries) {
    const w = 26 + e.label.length * 6.6;
    if (cx + w > width && cx > 0) { cx = 0; cy += 20; }
    const item = g.append('g').attr('transform', `translate(${side(cx + 8)},${cy - 4})`);
    if (e.shape) item.append('path').attr('d', symbolPath(e.shape, 70)).attr('fill', e.colour ?? '#ffffff').attr('stroke', INK);
    else if (e.dash !== undefined || e.stroke) item.append('line').attr('x1', -8).attr('x2', 8).attr('stroke', e.stroke ?? INK).attr('stroke-width', 2.5).attr('stroke-dasharray', e.dash ?? null);
    else item.append('rect').attr('x', -6).attr('y', -6).attr('width', 12).attr('height', 12).attr('fill', e.colour ?? '#fff').attr('stroke', INK);
    g.append('text').attr('x', side(cx + 20)).attr('y', cy).attr('fill', INK).attr('text-anchor', 'start').text(e.label);
    cx += w + 12;
  }
  return cy - y + 10;
}

/** A mark the keyboard can reach; the label may be made only when the mark is focused (10,000 marks). */
export type NavItem<D = unknown> = { x: number; y: number; label: string | (() => string); datum: D; row?: number };

/**
 * Keyboard and pointer access to a chart's marks: the SVG is one tab stop; arrows move between
 * marks (left/right along a row — mirrored in RTL — up/down between rows), Home/End, Enter or
 * click dispatches `markselect` with the datum. A tooltip follows focus and pointer.
 */
export function navigable<D>(svg: SVGSVGElement, items: NavItem<D>[], env: ChartEnv & { width: number }): void {
  if (!items.length) return;
  const doc = svg.ownerDocument;
  svg.setAttribute('tabindex', '0');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-roledescription', 'chart');
  const overlay = select(svg).append('g').attr('class', 'focus-layer').attr('pointer-events', 'none');
  const ring = overlay.append('circle').attr('r', 9).attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 2.5).attr('display', 'none');
  const tip = overlay.append('g').attr('display', 'none');
  const tipBox = tip.append('rect').attr('rx', 3).attr('fill', '#ffffff').attr('stroke', INK);
  const tipText = tip.append('text').attr('fill', INK).attr('font-size', 12);
  let current = -1;
  const show = (i: number, speak: boolean) => {
    current = i;
    const it = items[i];
    const label = typeof it.label === 'function' ? it.label() : it.label;
    ring.attr('display', null).attr('cx', it.x).attr('cy', it.y);
    const lines = label.split('\n');
    tipText.selectAll('tspan').data(lines).join('tspan').attr('x', 8).attr('dy', (_, j) => (j ? 15 : 16)).text((l) => l);
    const w = Math.min(360, Math.max(...lines.map((l) => l.length)) * 6.6 + 16);
    const hgt = lines.length * 15 + 10;
    tipBox.attr('width', w).attr('height', hgt);
    const tx = Math.max(2, Math.min(env.width - w - 2, it.x + 12));
    tip.attr('display', null).attr('transform', `translate(${tx},${Math.max(2, it.y - hgt - 10)})`);
    if (speak) env.announce?.(label.replace(/\n/g, '. '));
  };
  const hide = () => { ring.attr('display', 'none'); tip.attr('display', 'none'); };
  const select_ = () => current >= 0 && svg.dispatchEvent(new (doc.defaultView?.CustomEvent ?? CustomEvent)('markselect', { detail: items[current].datum, bubbles: true }));
  const rows = [...new Set(items.map((it) => it.row ?? 0))].sort((a, b) => a - b);
  const step = (dir: 1 | -1) => {
    const row = items[current]?.row ?? 0;
    const inRow = items.map((it, i) => ({ it, i })).filter((e) => (e.it.row ?? 0) === row).sort((a, b) => a.it.x - b.it.x);
    const pos = inRow.findIndex((e) => e.i === current);
    const next = inRow[pos + dir];
    if (next) show(next.i, true);
  };
  const jumpRow = (dir: 1 | -1) => {
    const row = items[current]?.row ?? 0;
    const nextRow = rows[rows.indexOf(row) + dir];
    if (nextRow === undefined) return;
    const x = items[current]?.x ?? 0;
    let best = -1;
    items.forEach((it, i) => { if ((it.row ?? 0) === nextRow && (best < 0 || Math.abs(it.x - x) < Math.abs(items[best].x - x))) best = i; });
    if (best >= 0) show(best, true);
  };
  svg.addEventListener('focus', () => show(current >= 0 ? current : 0, true));
  svg.addEventListener('blur', hide);
  svg.addEventListener('keydown', (e) => {
    const forward = env.rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = env.rtl ? 'ArrowRight' : 'ArrowLeft';
    const handled = ({ [forward]: () => step(1), [back]: () => step(-1), ArrowDown: () => jumpRow(1), ArrowUp: () => jumpRow(-1),
      Home: () => show(0, true), End: () => show(items.length - 1, true), Enter: select_, ' ': select_, Escape: hide } as Record<string, () => void>)[e.key];
    if (handled) { e.preventDefault(); handled(); }
  });
  const delaunay = Delaunay.from(items, (d) => d.x, (d) => d.y);
  const pointerAt = (e: MouseEvent) => {
    const box = svg.getBoundingClientRect?.();
    const scale = box && box.width ? env.width / box.width : 1;
    const px = box ? (e.clientX - box.left) * scale : 0;
    const py = box ? (e.clientY - box.top) * scale : 0;
    const i = delaunay.find(px, py);
    return Math.hypot(items[i].x - px, items[i].y - py) < 24 ? i : -1;
  };
  svg.addEventListener('pointermove', (e) => { const i = pointerAt(e); if (i >= 0) show(i, false); else if (doc.activeElement !== svg) hide(); });
  svg.addEventListener('pointerleave', () => { if (doc.activeElement !== svg) hide(); });
  svg.addEventListener('click', (e) => { const i = pointerAt(e); if (i >= 0) { show(i, false); select_(); } });
}
