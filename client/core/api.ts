// The one way the client talks to the API: JSON in and out, problem+json turned into ApiError with
// the stable code and field paths.
/** A failing path; `code` names the rule (server/http/validation.ts codeOf) when the server gives one, `id` a finding of the check before publishing. */
export type ProblemPath = { path: string; message: string; code?: string; id?: string };
export type Problem = { type?: string; title?: string; status: number; detail?: string; code: string; errors?: ProblemPath[] };
export type List<T> = { items: T[]; total: number; page: number; pageSize: number };

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
  get code(): string {
    return this.problem?.code ?? (this.status === 0 ? 'network' : 'http');
  }
  get errors(): ProblemPath[] {
    return this.problem?.errors ?? [];
  }
}

/** Called when any request answers 401, so the shell can show the login without losing the page. */
let onUnauthenticated: (() => void) | undefined;
export function whenUnauthenticated(fn: () => void): void {
  onUnauthenticated = fn;
}

/**
 * Posts a multipart form with XMLHttpRequest, which (unlike fetch) reports upload progress — for
 * files and imports over slow connections. Errors and a 401 are handled as api() handles them.
 */
export function postWithProgress<T>(path: string, data: FormData, onProgress: (loaded: number, total: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); };
    xhr.onload = () => {
      const body = (() => { try { return JSON.parse(xhr.responseText) as unknown; } catch { return null; } })();
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      if (xhr.status === 401) onUnauthenticated?.(); // the session ended: the login comes up, the form stays
      reject(new ApiError(xhr.status, body as Problem | null));
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.send(data);
  });
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown; quiet401?: boolean } = {}): Promise<T> {
  const { json, quiet401, ...rest } = init;
  const headers: Record<string, string> = { accept: 'application/json', ...(rest.headers as Record<string, string> | undefined) };
  if (json !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { ...rest, headers, credentials: 'same-origin', body: json !== undefined ? JSON.stringify(json) : rest.body });
  } catch {
    throw new ApiError(0, null);
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as Problem | null;
    if (res.status === 401 && !quiet401) onUnauthenticated?.();
    throw new ApiError(res.status, problem);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export const post = <T>(path: string, json: unknown) => api<T>(path, { method: 'POST', json });
export const patch = <T>(path: string, json: unknown) => api<T>(path, { method: 'PATCH', json });
export const put = <T>(path: string, json: unknown) => api<T>(path, { method: 'PUT', json });
export const del = (path: string) => api<void>(path, { method: 'DELETE' });

/** Query string from a record, leaving out empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** Every page of a list, up to `max` items (dashboards before the dashboard API exists). */
export async function listAll<T>(path: string, params: Record<string, string | undefined>, max = 10000): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  let total = 0;
  for (let page = 1; items.length < max; page++) {
    const res = await api<List<T>>(`${path}${qs({ ...params, page, pageSize: 200 })}`);
    items.push(...res.items);
    total = res.total;
    if (res.items.length < 200 || items.length >= total) break;
  }
  return { items, total };
}
