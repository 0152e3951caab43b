// The goal tree as a picker: the NAP1325-IV tree open, the other frameworks folded, a filter box,
// checkboxes to tag goals in several frameworks at once and a radio to mark the primary goal.
import { h, newId } from '../core/dom';
import { localName, t } from '../core/i18n';
import { loadFrameworks, loadGoals, PRIMARY_FRAMEWORK, type Goal } from '../core/reference';
import type { GoalTag } from '../core/outcome-model';

export type GoalPicker = { element: HTMLElement; get: () => GoalTag[]; set: (tags: GoalTag[]) => void };

export async function goalPicker(initial: GoalTag[], onChange: () => void): Promise<GoalPicker> {
  const frameworks = await loadFrameworks();
  const trees = await Promise.all(frameworks.map((f) => loadGoals(f.id)));
  const selected = new Map(initial.map((g) => [g.code, !!g.primary]));
  const primaryName = newId('primary');
  const chosenList = h('ul', { class: 'chosen-goals' });
  const boxes = new Map<string, HTMLInputElement>();

  const renderChosen = () => {
    chosenList.replaceChildren(...[...selected.keys()].map((code) => {
      const id = newId('primary-goal');
      const radio = h('input', { type: 'radio', name: primaryName, id, value: code, checked: selected.get(code) });
      radio.addEventListener('change', () => {
        for (const k of selected.keys()) selected.set(k, k === code);
        onChange();
      });
      return h('li', {}, radio, h('label', { for: id }, t('goals.primaryOf', { code })));
    }));
    if (!selected.size) chosenList.replaceChildren(h('li', { class: 'muted' }, t('goals.none')));
  };

  const toggle = (code: string, on: boolean) => {
    if (on) selected.set(code, selected.size === 0);
    else {
      const wasPrimary = selected.get(code);
      selected.delete(code);
      const first = selected.keys().next();
      if (wasPrimary && !first.done) selected.set(first.value, true);
    }
    renderChosen();
    onChange();
  };

  const node = (g: Goal): HTMLElement => {
    const id = newId('goal');
    const box = h('input', { type: 'checkbox', id, value: g.code, checked: selected.has(g.code) });
    boxes.set(g.code, box);
    box.addEventListener('change', () => toggle(g.code, box.checked));
    return h('li', { 'data-text': `${g.code} ${localName(g)} ${g.name}`.toLowerCase() },
      h('div', { class: 'goal-option' }, box, h('label', { for: id }, h('span', { class: 'code' }, g.code), ' ', localName(g))),
      g.children?.length ? h('ul', {}, g.children.map(node)) : null);
  };

  const filter = h('input', { type: 'search', id: newId('goal-filter'), autocomplete: 'off' });
  const treesEl = frameworks.map((f, i) => h('details', { class: 'framework', open: f.id === PRIMARY_FRAMEWORK || trees[i].some((g) => hasSelected(g, selected)) },
    h('summary', {}, localName(f)), h('ul', { class: 'goal-tree' }, trees[i].map(node))));
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    treesEl.forEach((d) => {
      d.querySelectorAll<HTMLElement>('li[data-text]').forEach((li) => {
        li.hidden = !!q && !li.textContent?.toLowerCase().includes(q) && !(li.dataset.text ?? '').includes(q);
      });
      if (q) d.open = true;
    });
  });
  renderChosen();
  const element = h('div', { class: 'goal-picker' },
    h('div', { class: 'field' }, h('label', { for: filter.id }, t('goals.filter')), filter),
    h('div', { class: 'goal-trees' }, treesEl),
    h('fieldset', { class: 'primary-goal' }, h('legend', {}, t('goals.primary')), chosenList));
  return {
    element,
    get: () => [...selected.entries()].map(([code, primary]) => ({ code, primary })),
    set: (tags) => {
      selected.clear();
      tags.forEach((g) => selected.set(g.code, !!g.primary));
      boxes.forEach((b, code) => { b.checked = selected.has(code); });
      renderChosen();
    },
  };
}

function hasSelected(g: Goal, selected: Map<string, boolean>): boolean {
  return selected.has(g.code) || (g.children ?? []).some((c) => hasSelected(c, selected));
}
