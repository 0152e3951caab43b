// Saving a chart as SVG or PNG: the chart's own SVG without its focus layer, fonts named inline,
// rasterised at twice the size for PNG.
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // marks painted on a canvas (many outcomes) travel as an image: a cloned canvas is blank
  const canvases = [...svg.querySelectorAll('foreignObject > canvas')] as HTMLCanvasElement[];
  [...copy.querySelectorAll('foreignObject')].forEach((fo, i) => {
    const canvas = canvases[i];
    if (!canvas) return;
    const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
    for (const a of ['x', 'y', 'width', 'height']) image.setAttribute(a, fo.getAttribute(a) ?? '0');
    image.setAttribute('href', canvas.toDataURL('image/png'));
    fo.replaceWith(image);
  });
  copy.querySelectorAll('.focus-layer, .period-brush .handle').forEach((n) => n.remove());
  copy.removeAttribute('tabindex');
  copy.removeAttribute('class');
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
  save(new Blob([svgText(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
}

export function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const [, , w, hgt] = (svg.getAttribute('viewBox') ?? '0 0 960 400').split(/\s+/).map(Number);
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = w * scale;
      canvas.height = hgt * scale;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png');
    };
    img.onerror = () => reject(new Error('the SVG could not be drawn'));
    img.src = url;
  });
}

export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  save(await pngBlob(svg), `${name}.png`);
}
