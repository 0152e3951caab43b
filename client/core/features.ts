// Which optional endpoints this server has. Harvests, stories, indicators and the dashboard API
// arrive in later modules; a view asks here and leaves a section out instead of failing.
import { api, ApiError } from './api';

export const FEATURES = {
  harvests: '/api/harvests?pageSize=1',
  notifications: '/api/notifications?pageSize=1',
  stories: '/api/stories?pageSize=1',
  fragments: '/api/fragments?pageSize=1',
  search: '/api/search?q=oogst&pageSize=1',
  indicators: '/api/indicators?pageSize=1',
  timeline: '/api/dashboard/timeline?bucket=year',
} as const;
export type Feature = keyof typeof FEATURES;

const known = new Map<Feature, Promise<boolean>>();

export function hasFeature(name: Feature): Promise<boolean> {
  let p = known.get(name);
  if (!p) {
    p = api(FEATURES[name], { quiet401: true }).then(() => true, (e) => !(e instanceof ApiError && [0, 404, 405, 501].includes(e.status)));
    known.set(name, p);
  }
  return p;
}

export async function features(...names: Feature[]): Promise<Record<Feature, boolean>> {
  const values = await Promise.all(names.map(hasFeature));
  return Object.fromEntries(names.map((n, i) => [n, values[i]])) as Record<Feature, boolean>;
}

export const resetFeatures = () => known.clear();
