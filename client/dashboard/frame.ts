// The frame every dashboard view sits in: heading and explanation, the chart or its data as a
// table (a toggle), SVG/PNG download, a live region that reads out the focused mark, and
// designed loading, empty and error states.
import { h, replace, type Child } from '../core/dom';
import { t } from '../core/i18n';
import { downloadPng, downloadSvg } from './download';

export type TableData = { columns: string[]; rows: Array<Array<string | number>>; numeric?: number[] };
/** `after` follows the chart (e.g. a band shown on demand); `more` are further tables of the same view. */
export type Drawn = { svg: SVGSVGElement; table: TableData; after?: HTMLElement | null; more?: Array<{ title: string; table: TableData }> } | { empty: string };
export type Frame = {
  element: HTMLElement;
  show: (draw: (env: { width: number; announce: (s: string) => void }) => Drawn) => void;
  loading: () => void;
  error: (message: string) => void;
  /** Runs `load` once the frame comes near the screen, and at once ever after. */
  whenNear: (load: () => void) => void;
};

/**
 * A view below the overview fetches and draws only when someone scrolls near it: on a phone over a
 * slow link the first screen is then the overview alone, without the other five views' requests
 * and drawing in its way. Until then the frame says so (data-deferred marks it for tests).
 */
function nearness(element: HTMLElement, body: HTMLElement): Frame['whenNear'] {
  if (typeof IntersectionObserver !== 'function') return (load) => load();
  let near = false;
  let waiting: (() => void) | undefined;
  element.dataset.deferred = '';
  replace(body, h('div', { class: 'chart-empty chart-deferred' }, h('p', {}, t('dash.deferred'))));
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    near = true;
    delete element.dataset.deferred;
    waiting?.();
  }, { rootMargin: '300px 0px' });
  observer.observe(element);
  return (load) => { if (near) load(); else waiting = load; };
}

export function chartFrame(id: string, title: string, intro: Child): Frame {
  const live = h('div', { class: 'visually-hidden', 'aria-live': 'polite', role: 'status' });
  const body = h('div', { class: 'chart-body' });
  const toolbar = h('div', { class: 'chart-tools', role: 'group', 'aria-label': t('dash.chartTools', { title }) });
  const element = h('section', { class: 'chart-frame', id, 'aria-labelledby': `${id}-title` },
    h('div', { class: 'chart-head' }, h('h2', { id: `${id}-title` }, title), toolbar),
    h('p', { class: 'chart-intro' }, intro), body, live);
  let asTable = false;
  let last: ((env: { width: number; announce: (s: string) => void }) => Drawn) | undefined;
  let lastWidth = 0;
  const announce = (s: string) => { live.textContent = s; };

  const render = () => {
    if (!last) return;
    const width = Math.max(320, Math.min(1200, Math.floor(body.clientWidth || element.clientWidth || 960)));
    lastWidth = width;
    const drawn = last({ width, announce });
    if ('empty' in drawn) {
      replace(toolbar);
      replace(body, h('div', { class: 'chart-empty' }, h('p', {}, drawn.empty)));
      return;
    }
    const { svg, table, after, more = [] } = drawn;
    const toggle = h('button', { type: 'button', class: 'secondary small', 'aria-pressed': String(asTable), onclick: () => { asTable = !asTable; render(); } }, t('dash.showTable'));
    replace(toolbar, toggle,
      h('button', { type: 'button', class: 'secondary small', onclick: () => downloadSvg(svg, `oogst-${id}`) }, t('dash.downloadSvg')),
      h('button', { type: 'button', class: 'secondary small', onclick: () => void downloadPng(svg, `oogst-${id}`) }, t('dash.downloadPng')));
    if (asTable) replace(body, tableOf(title, table), ...more.map((m) => tableOf(m.title, m.table)));
    else replace(body, h('div', { class: 'chart-scroll' }, svg), h('p', { class: 'chart-keys hint' }, t('dash.keys')), after ?? null);
  };

  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
    const w = Math.floor(body.clientWidth);
    if (last && Math.abs(w - lastWidth) > 40) render();
  }) : null;
  observer?.observe(body);

  return {
    element,
    whenNear: nearness(element, body),
    show: (draw) => { last = draw; render(); },
    loading: () => replace(body, h('div', { class: 'chart-loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('dash.loading'))),
    error: (message) => replace(body, h('div', { class: 'chart-empty', role: 'alert' }, h('p', {}, message))),
  };
}

function tableOf(title: string, data: TableData): HTMLElement {
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('dash.tableOf', { title }) },
    h('table', { class: 'data-table' }, h('caption', {}, t('dash.tableOf', { title })),
      h('thead', {}, h('tr', {}, data.columns.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, data.rows.map((r) => h('tr', {}, r.map((v, i) => (i === 0 ? h('th', { scope: 'row' }, String(v)) : h('td', { class: data.numeric?.includes(i) ? 'num' : null }, String(v)))))))));
}
