// How the change-over-time chart places and paints many marks: a small beeswarm inside each lane,
// and, past a threshold, painting on a canvas that goes into the SVG as an image (so the SVG
// still carries axes, focus and download).
import { symbol } from 'd3';
import { CONCLUSION_COLOURS, INK, MUTED, shapeOf } from './common';

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

/** The hatching of "not yet concluded" inside a mark's shape, as the SVG pattern draws it. */
function hatch(g: CanvasRenderingContext2D, shape: Path2D, half: number): void {
  g.save();
  g.clip(shape);
  g.strokeStyle = MUTED;
  g.lineWidth = 1.5;
  g.beginPath();
  for (let d = -2 * half; d <= 2 * half; d += 4) { g.moveTo(d - half, half); g.lineTo(d + half, -half); }
  g.stroke();
  g.restore();
}

/**
 * Paints marks on a canvas, or returns null where there is no canvas (jsdom). The canvas goes into
 * the SVG through a foreignObject — no image encoding on the way; downloads turn it into an image.
 */
export function paintMarks(doc: Document, width: number, height: number, marks: Array<{ x: number; y: number; x0: number; x1: number; changeType: string; tone: string }>, area: number): HTMLCanvasElement | null {
  const canvas = doc.createElement('canvas');
  // the screen's pixel density: more pixels only cost time
  const ratio = Math.min(2, doc.defaultView?.devicePixelRatio || 1);
  canvas.width = Math.ceil(width * ratio);
  canvas.height = Math.ceil(height * ratio);
  let ctx: CanvasRenderingContext2D | null;
  try { ctx = canvas.getContext('2d'); } catch { ctx = null; }
  const P2D = doc.defaultView?.Path2D;
  if (!ctx || !P2D) return null;
  canvas.classList.add('marks-canvas');
  ctx.scale(ratio, ratio);
  // each shape-and-colour drawn once on a small sprite, then its pixels stamped into one buffer:
  // in software rendering that is several times faster than 10,000 path fills or drawImage calls
  const half = Math.ceil(Math.sqrt(area)) + 2;
  const size = Math.ceil(half * 2 * ratio);
  const sprites = new Map<string, Uint8ClampedArray>();
  const sprite = (code: string, tone: string) => {
    const key = `${code}|${tone}`;
    let px = sprites.get(key);
    if (!px) {
      const c = doc.createElement('canvas');
      c.width = c.height = size;
      const g = c.getContext('2d')!;
      g.setTransform(ratio, 0, 0, ratio, half * ratio, half * ratio);
      const p = new P2D(symbol(shapeOf(code), area)() ?? '');
      g.fillStyle = CONCLUSION_COLOURS[tone] ?? '#999999';
      g.fill(p);
      if (tone === 'pending') hatch(g, p, half);
      g.lineWidth = 0.75;
      g.strokeStyle = INK;
      g.stroke(p);
      sprites.set(key, (px = g.getImageData(0, 0, size, size).data));
    }
    return px;
  };
  const W = canvas.width;
  const H = canvas.height;
  const image = ctx.createImageData(W, H);
  const out = image.data;
  for (const m of marks) {
    const px = sprite(m.changeType, m.tone);
    const ox = Math.round((m.x - half) * ratio);
    const oy = Math.round((m.y - half) * ratio);
    for (let r = 0; r < size; r++) {
      const y = oy + r;
      if (y < 0 || y >= H) continue;
      for (let c = 0; c < size; c++) {
        const x = ox + c;
        const s = (r * size + c) * 4;
        const sa = px[s + 3];
        if (!sa || x < 0 || x >= W) continue;
        const d = (y * W + x) * 4;
        const da = out[d + 3];
        if (sa === 255 || !da) {
          out[d] = px[s]; out[d + 1] = px[s + 1]; out[d + 2] = px[s + 2]; out[d + 3] = sa;
          continue;
        }
        // "source over" for non-premultiplied pixels
        const a = sa / 255;
        const b = (da / 255) * (1 - a);
        const oa = a + b;
        out[d] = (px[s] * a + out[d] * b) / oa;
        out[d + 1] = (px[s + 1] * a + out[d + 1] * b) / oa;
        out[d + 2] = (px[s + 2] * a + out[d + 2] * b) / oa;
        out[d + 3] = oa * 255;
      }
    }
  }
  ctx.putImageData(image, 0, 0);
  // periods (a month or a year) as one stroked path, over the marks' buffer
  ctx.beginPath();
  for (const m of marks) {
    if (m.x1 - m.x0 <= 3) continue;
    ctx.moveTo(m.x0, m.y - 3); ctx.lineTo(m.x0, m.y + 3);
    ctx.moveTo(m.x0, m.y); ctx.lineTo(m.x1, m.y);
    ctx.moveTo(m.x1, m.y - 3); ctx.lineTo(m.x1, m.y + 3);
  }
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#595959';
  ctx.stroke();
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.setAttribute('aria-hidden', 'true');
  return canvas;
}
