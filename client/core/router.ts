// History-API routing: a table of path patterns to views, links that navigate without reloading,
// and the query string as the place where a screen keeps its filters (so a view can be shared).
export type Params = Record<string, string>;
export type RouteContext = { params: Params; query: URLSearchParams; path: string };
export type View = (ctx: RouteContext) => Promise<Node> | Node;
type Route = { pattern: RegExp; keys: string[]; view: View; name: string };

const routes: Route[] = [];
let render: ((route: { name: string; view: View } | null, ctx: RouteContext) => void) | undefined;

export function route(path: string, name: string, view: View): void {
  const keys: string[] = [];
  const source = path.replace(/:(\w+)/g, (_, key: string) => (keys.push(key), '([^/]+)'));
  routes.push({ pattern: new RegExp(`^${source}/?$`), keys, view, name });
}

export function match(path: string): { route: Route; params: Params } | null {
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (m) return { route: r, params: Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

function dispatch(): void {
  const found = match(location.pathname);
  const ctx = { params: found?.params ?? {}, query: new URLSearchParams(location.search), path: location.pathname };
  render?.(found ? { name: found.route.name, view: found.route.view } : null, ctx);
}

export function navigate(url: string, options: { replace?: boolean } = {}): void {
  const target = new URL(url, location.href);
  if (options.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  dispatch();
}

/** Re-run the current route (after a login, or a language switch). */
export const reload = () => dispatch();

/** Change the query string of the current page without a new history entry or a redraw. */
export function setQuery(params: Record<string, string | undefined | null>, options: { push?: boolean } = {}): void {
  const u = new URL(location.href);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  if (options.push) history.pushState(null, '', u);
  else history.replaceState(null, '', u);
}

export function startRouter(onRoute: typeof render): void {
  render = onRoute;
  window.addEventListener('popstate', dispatch);
  // same-origin links navigate in place; modified clicks and downloads keep the browser's behaviour
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (a.target || a.hasAttribute('download') || a.origin !== location.origin || a.pathname.startsWith('/api/')) return;
    if (a.getAttribute('href')?.startsWith('#')) return;
    e.preventDefault();
    navigate(a.href);
  });
  dispatch();
}
