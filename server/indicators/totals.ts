// The total of an indicator per period, the one rule every reader of a total uses (progress, the
// indicator page's line, the change-over-time chart). A reported total (no breakdown) wins.
// Where none is reported and the indicator's breakdowns add up ('sum'), the total is the sum of
// one breakdown — the coarsest (by country before by country and sex) whose every cell, as known
// over the values given, has a value in that period; otherwise the breakdown is incomplete and
// there is no total. Cells named 'total' are left out of every sum. Where both a reported total
// and a complete sum exist and differ, that is said.
export type Cell = { disaggregation: Record<string, string>; value: number; draft?: boolean };
export type Total = { value: number; draft: boolean; computed?: 'sum'; breakdownSum?: number; differs?: boolean };

const keyOf = (d: Record<string, string>) => JSON.stringify(Object.entries(d).sort(([a], [b]) => a.localeCompare(b)));
const shapeOf = (d: Record<string, string>) => Object.keys(d).sort().join(',');
const round = (n: number) => Math.round(n * 1e9) / 1e9;

/** The cells of each breakdown, coarsest breakdown first. */
function breakdowns(cells: Cell[]): Array<Set<string>> {
  const shapes = new Map<string, Set<string>>();
  for (const c of cells) {
    const names = Object.values(c.disaggregation);
    if (!names.length || names.includes('total')) continue;
    const shape = shapeOf(c.disaggregation);
    shapes.set(shape, (shapes.get(shape) ?? new Set()).add(keyOf(c.disaggregation)));
  }
  return [...shapes.entries()].sort(([a], [b]) => a.split(',').length - b.split(',').length).map(([, keys]) => keys);
}

/** The sum of the first breakdown all of whose cells are in this period, or null. */
function completeSum(shapes: Array<Set<string>>, inPeriod: Map<string, Cell>): { value: number; draft: boolean } | null {
  for (const keys of shapes) {
    const cells = [...keys].map((k) => inPeriod.get(k));
    if (cells.some((c) => !c)) continue;
    return { value: round(cells.reduce((s, c) => s + c!.value, 0)), draft: cells.some((c) => c!.draft) };
  }
  return null;
}

/**
 * The total of each period that has one, in the order the periods are given. `periods` maps a
 * period's key (a bucket label, or start|end) to the value of each of its cells.
 */
export function totalsByPeriod(periods: Map<string, Cell[]>, aggregation: 'sum' | 'none'): Map<string, Total> {
  const shapes = aggregation === 'sum' ? breakdowns([...periods.values()].flat()) : [];
  const out = new Map<string, Total>();
  for (const [period, cells] of periods) {
    const reported = cells.find((c) => !Object.keys(c.disaggregation).length);
    const sum = shapes.length ? completeSum(shapes, new Map(cells.map((c) => [keyOf(c.disaggregation), c]))) : null;
    if (reported) out.set(period, { value: reported.value, draft: !!reported.draft, ...(sum && { breakdownSum: sum.value, differs: sum.value !== reported.value }) });
    else if (sum) out.set(period, { ...sum, computed: 'sum' });
  }
  return out;
}
