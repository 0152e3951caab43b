// How the change-over-time chart places and paints many marks: a small beeswarm inside each lane,
// and, past a threshold, painting on a canvas that goes into the SVG as an image (so the SVG
// still carries axes, focus and download).
import { symbol } from 'd3';
import { INK, shapeOf, STATUS_COLOURS } from './common';

export type Placed = { x: number; y: number; x0: number; x1: number; index: number };

/** Rows within a lane so marks at nearly the same time do not hide each other. */
export function beeswarm(xs: number[], centre: number, radius: number, maxRows: number): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const last: number[] = [];
  const ys = new Array<number>(xs.length);
  const gap = radius * 2 + 1;
  for (const { x, i } of order) {
    let row = last.findIndex((lx) => x - lx >= gap);
    if (row < 0) {
      if (last.length < maxRows) row = last.push(x) - 1;
      else row = last.indexOf(Math.min(...last));
    }
    last[row] = x;
    // rows alternate around the lane's centre: 0, -1, +1, -2, +2 …
    const k = Math.ceil(row / 2) * (row % 2 ? -1 : 1);
    ys[i] = centre + k * gap;
  }
  return ys;
}

/** Paints marks on a canvas; returns a PNG data URL, or null where there is no canvas (jsdom). */
export function paintMarks(doc: Document, width: number, height: number, marks: Array<{ x: number; y: number; x0: number; x1: number; changeType: string; status: string }>, area: number): string | null {
  const canvas = doc.createElement('canvas');
  const ratio = 2;
  canvas.width = Math.ceil(width * ratio);
  canvas.height = Math.ceil(height * ratio);
  let ctx: CanvasRenderingContext2D | null;
  try { ctx = canvas.getContext('2d'); } catch { ctx = null; }
  const P2D = doc.defaultView?.Path2D;
  if (!ctx || !P2D) return null;
  ctx.scale(ratio, ratio);
  const paths = new Map<string, Path2D>();
  const pathOf = (code: string) => {
    let p = paths.get(code);
    if (!p) paths.set(code, (p = new P2D(symbol(shapeOf(code), area)() ?? '')));
    return p;
  };
  ctx.lineWidth = 0.75;
  ctx.strokeStyle = INK;
  for (const m of marks) {
    if (m.x1 - m.x0 > 3) {
      ctx.beginPath();
      ctx.moveTo(m.x0, m.y);
      ctx.lineTo(m.x1, m.y);
      ctx.stroke();
    }
    ctx.setTransform(ratio, 0, 0, ratio, m.x * ratio, m.y * ratio);
    ctx.fillStyle = STATUS_COLOURS[m.status] ?? '#999999';
    const p = pathOf(m.changeType);
    ctx.fill(p);
    ctx.stroke(p);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }
  return canvas.toDataURL('image/png');
}
