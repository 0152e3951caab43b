// Small DOM helpers: one way to build elements, so views read as the markup they make and no
// user text ever passes through innerHTML.
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;
export type Child = Node | string | number | null | undefined | false | Child[];

function append(node: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) child.forEach((c) => append(node, c));
  else node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
}

/** h('button', {type: 'button', onclick: fn}, 'Save'): attributes, `on*` listeners, children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value as EventListener);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  children.forEach((c) => append(node, c));
  return node;
}

export function fragment(...children: Child[]): DocumentFragment {
  const f = document.createDocumentFragment();
  children.forEach((c) => append(f, c));
  return f;
}

export function replace(node: Element, ...children: Child[]): void {
  node.replaceChildren();
  children.forEach((c) => append(node, c));
}

let uid = 0;
/** A fresh id for label/aria wiring. */
export const newId = (prefix = 'id') => `${prefix}-${++uid}`;

/** Debounce for autosave and search-as-you-type. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/**
 * A chart drawn for the width its holder has: once the holder is in the page (its width is known),
 * again when that width changes — a phone gets its own narrow chart, never a scaled-down one.
 */
export function drawForWidth(holder: HTMLElement, draw: () => void): void {
  requestAnimationFrame(draw);
  new ResizeObserver(debounce(() => { if (holder.isConnected) draw(); }, 200)).observe(holder);
}
