// Reference data every screen needs — goal frameworks with their trees and the change typologies —
// fetched once per session and looked up by code.
import { api } from './api';
import { has, localName, t } from './i18n';
import { resetRules } from './rules';

export type Goal = { code: string; name: string; names?: Record<string, string>; description?: string; children: Goal[] };
export type Framework = { id: string; name: string; names?: Record<string, string>; goalCount: number };
export type Category = { code: string; name: string; names?: Record<string, string>; description?: string; locus?: string; formality?: string };
export type Typology = { id: string; name: string; categories: Category[] };
export type GoalInfo = { goal: Goal; framework: string; parent?: string; top: string; depth: number };

let frameworks: Promise<Framework[]> | undefined;
const trees = new Map<string, Promise<Goal[]>>();
let typologies: Promise<Typology[]> | undefined;
const goalIndex = new Map<string, GoalInfo>();

export const PRIMARY_FRAMEWORK = 'nap1325-nl-iv';

export function loadFrameworks(): Promise<Framework[]> {
  frameworks ??= api<{ items: Framework[] }>('/api/frameworks').then((r) => r.items);
  return frameworks;
}

export function loadGoals(framework: string): Promise<Goal[]> {
  let tree = trees.get(framework);
  if (!tree) {
    tree = api<{ goals: Goal[] }>(`/api/frameworks/${encodeURIComponent(framework)}/goals`).then((r) => {
      const walk = (goals: Goal[], depth: number, top?: string, parent?: string) => goals.forEach((g) => {
        goalIndex.set(g.code, { goal: g, framework, parent, top: top ?? g.code, depth });
        walk(g.children ?? [], depth + 1, top ?? g.code, g.code);
      });
      walk(r.goals, 0);
      return r.goals;
    });
    trees.set(framework, tree);
  }
  return tree;
}

export function loadTypologies(): Promise<Typology[]> {
  typologies ??= api<{ items: Typology[] }>('/api/typologies').then((r) => r.items);
  return typologies;
}

export async function categoriesOf(typologyId: string): Promise<Category[]> {
  return (await loadTypologies()).find((x) => x.id === typologyId)?.categories ?? [];
}

export const CHANGE_TYPES = 'outcome-harvesting-types';
export const QUADRANTS = 'gender-at-work';

/** A typology category's name: the interface's own translation first, then the seed's names. */
export function categoryLabel(c: Category | string | null): string {
  if (c === null) return t('draft.notYet'); // a draft's category not chosen yet
  const code = typeof c === 'string' ? c : c.code;
  const key = `typology.${code}`;
  if (has(key)) return t(key);
  return typeof c === 'string' ? c : localName(c);
}

export const goalInfo = (code: string) => goalIndex.get(code);
export function goalLabel(code: string): string {
  const g = goalIndex.get(code)?.goal;
  return g ? `${g.code} ${localName(g)}` : code;
}

/** The goal and all its descendants' codes (a lane counts outcomes tagged anywhere below it). */
export function subtreeCodes(goal: Goal): string[] {
  return [goal.code, ...(goal.children ?? []).flatMap(subtreeCodes)];
}

/** Forget cached reference data (after logout: another user may see other frameworks). */
export function resetReference(): void {
  resetRules();
  frameworks = undefined;
  typologies = undefined;
  trees.clear();
}

/** Every framework's tree, so any tagged goal code can be named. */
export async function loadAllGoals(): Promise<void> {
  const list = await loadFrameworks();
  await Promise.all(list.map((f) => loadGoals(f.id)));
}
