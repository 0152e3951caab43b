// The dashboard charts as pure factories: data and options in, an SVG element out, drawn in an
// injected document (jsdom here). Positions are rounded, so what is asserted is stable.
import Module from 'node:module';
import type * as JsdomTypes from 'jsdom';

// jsdom is loaded by Node itself (which can require its ESM dependencies), not by jest's registry
const { JSDOM, VirtualConsole } = (Module as unknown as { _load: (id: string, parent: null, main: boolean) => typeof JsdomTypes })._load(require.resolve('jsdom'), null, false);
import { indicatorBand, timelineChart, timelineDomain, type TimelineData, type TimelineIndicator, type TimelineOptions } from '../../client/charts/timeline';
import { transformationChart } from '../../client/charts/transformation';
import { coverageChart, coverageOf } from '../../client/charts/coverage';
import { pathwaysChart } from '../../client/charts/pathways';
import { indicatorsChart } from '../../client/charts/indicators';
import { indicatorSeriesChart, type SeriesData } from '../../client/charts/indicator-series';
import { worldMap } from '../../client/charts/world-map';
import { CONCLUSION_COLOURS } from '../../client/charts/common';
import { beeswarm } from '../../client/charts/timeline-marks';

// a silent console: jsdom has no canvas and says so; the chart then draws SVG marks
const window = new JSDOM('<!doctype html><body></body>', { virtualConsole: new VirtualConsole() }).window;
const document = window.document as unknown as Document;
const d = (s: string) => new Date(`${s}T00:00:00Z`);

const labels = { title: 'Change over time', description: 'desc', conclusion: 'Conclusion', changeType: 'Type', indicators: 'Indicators', period: 'Period', count: 'outcomes' };
const options = (extra: Partial<TimelineOptions> = {}): TimelineOptions => ({
  document, width: 800, labels, statusLabel: (s) => `S:${s}`, toneLabel: (s) => `C:${s}`, changeTypeLabel: (c) => `T:${c}`, changeTypes: ['OH-ACTION', 'OH-POLICY'],
  formatDate: (x) => String(x.getUTCFullYear()), formatNumber: String, ...extra,
});
const data: TimelineData = {
  lanes: [{ key: 'G1', label: 'G1 Participation' }, { key: 'G2', label: 'G2 Prevention' }],
  marks: [
    { id: 'a', lane: 'G1', start: d('2022-03-01'), end: d('2022-03-01'), changeType: 'OH-POLICY', status: 'published', conclusion: 'partly_substantiated', title: 'A policy' },
    { id: 'b', lane: 'G2', start: d('2023-01-01'), end: d('2023-12-31'), changeType: 'OH-ACTION', status: 'submitted', title: 'A year-long action' },
  ],
  indicators: [{ key: 'I1', label: 'Seats', unit: '%', series: [{ label: '', points: [{ date: d('2022-12-31'), value: 20 }, { date: d('2023-12-31'), value: 25 }] }] }],
};

describe('timelineChart', () => {
  test('when given two outcomes in two lanes, then it draws two marks coloured by conclusion (hatched while not concluded), shaped by type, in their lanes', () => {
    const svg = timelineChart(data, options());
    const marks = svg.querySelectorAll('.marks .mark path.symbol');
    expect(marks).toHaveLength(2);
    const hatch = svg.querySelector('defs pattern')!.id;
    expect([...marks].map((m) => m.getAttribute('fill'))).toEqual([CONCLUSION_COLOURS.partly_substantiated, `url(#${hatch})`]);
    // the legend names the conclusions present, not the states
    expect([...svg.querySelectorAll('.legend text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['Conclusion', 'C:partly_substantiated', 'C:pending']));
    expect(svg.textContent).not.toContain('C:substantiated');
    expect(marks[0].getAttribute('d')).not.toEqual(marks[1].getAttribute('d'));
    const y = (m: Element) => Number(/,([\d.]+)\)/.exec(m.getAttribute('transform')!)![1]);
    expect(y(marks[0])).toBeLessThan(y(marks[1]));
    expect(svg.querySelector('title')?.textContent).toBe('Change over time');
  });

  test('when a date is known only to the year, then its mark spans the year', () => {
    const svg = timelineChart(data, options());
    expect(svg.querySelectorAll('.marks .mark path.span')).toHaveLength(1);
  });

  test('when the interface is Arabic, then time runs right to left', () => {
    const x = (svg: SVGSVGElement) => [...svg.querySelectorAll('.marks .mark path.symbol')].map((m) => Number(/translate\(([\d.]+)/.exec(m.getAttribute('transform')!)![1]));
    const [a, b] = x(timelineChart(data, options()));
    const [ra, rb] = x(timelineChart(data, options({ rtl: true })));
    expect(a).toBeLessThan(b);
    expect(ra).toBeGreaterThan(rb);
    expect(timelineChart(data, options({ rtl: true })).getAttribute('direction')).toBe('rtl');
  });

  test('when indicators are given, then they are drawn as lines on the same time axis with a legend', () => {
    const svg = timelineChart(data, options());
    expect(svg.querySelectorAll('.indicator path')).toHaveLength(1);
    const legends = [...svg.querySelectorAll('.legend')].map((g) => g.textContent).join(' ');
    expect(legends).toContain('C:partly_substantiated');
    expect(legends).toContain('T:OH-POLICY');
  });

  const committee: TimelineIndicator = {
    key: 'WLP-1', label: 'Women on the committees', unit: 'women', total: true, note: 'target 40 by 2025',
    series: [
      { label: 'Total', points: [{ date: d('2022-06-30'), value: 11 }, { date: d('2022-12-31'), value: 14 }, { date: d('2023-06-30'), value: 18 }] },
      { label: 'Mopti', points: [{ date: d('2022-06-30'), value: 7 }] },
    ],
    baseline: { date: d('2022-01-01'), value: 6 }, target: { date: d('2025-12-31'), value: 40 },
  };

  test('when an indicator has a total, a baseline and a target, then its total is one line with a point per period, the levels are drawn and its breakdowns are not', () => {
    const svg = timelineChart({ ...data, indicators: [committee] }, options());
    const row = svg.querySelector('g.indicator[data-indicator="WLP-1"]')!;
    expect(row.querySelectorAll('path.series')).toHaveLength(1);
    expect(row.querySelectorAll('circle.point')).toHaveLength(3);
    expect(row.querySelectorAll('line.baseline, line.target-level')).toHaveLength(2);
    // the target lies beyond the axis: a level, not a mark outside the chart
    expect(row.querySelector('path.target')).toBeNull();
    expect(row.querySelector('text.note')?.textContent).toBe('target 40 by 2025');
    const ys = [...row.querySelectorAll('circle.point')].map((c) => Number(c.getAttribute('cy')));
    expect(ys[0]).toBeGreaterThan(ys[2]); // 11 is drawn lower than 18
    const target = Number(row.querySelector('line.target-level')!.getAttribute('y1'));
    expect(target).toBeLessThan(Math.min(...ys)); // 40 above every value
  });

  test('when an indicator has no total, then up to four of its breakdowns are drawn', () => {
    const series = Array.from({ length: 6 }, (_, k) => ({ label: `C${k}`, points: [{ date: d('2022-12-31'), value: k }, { date: d('2023-12-31'), value: k + 1 }] }));
    const svg = timelineChart({ ...data, indicators: [{ key: 'B', label: 'By country', unit: 'n', series }] }, options());
    expect(svg.querySelectorAll('g.indicator[data-indicator="B"] path.series')).toHaveLength(4);
  });

  test('when global series are drawn in their own band, then it shares the chart\'s time axis', () => {
    const global: TimelineIndicator = { key: 'SDG', label: 'Seats in parliament', unit: '%', series: [{ label: 'World', points: [{ date: d('2022-12-31'), value: 26 }] }] };
    const domain = timelineDomain({ ...data, indicators: [committee, global] });
    const main = timelineChart({ ...data, indicators: [committee], domain }, options());
    const band = indicatorBand([global], domain, { document, width: 800, indicatorHeight: 48, title: 'Context', description: 'd', labels, formatDate: (x) => String(x.getUTCFullYear()), formatNumber: String });
    const xOf = (svg: SVGSVGElement, key: string, k: number) => Number(svg.querySelectorAll(`g.indicator[data-indicator="${key}"] circle.point`)[k].getAttribute('cx'));
    // 2022-12-31 in both: the band's point sits under the main chart's point of the same date
    expect(xOf(band, 'SDG', 0)).toBe(xOf(main, 'WLP-1', 1));
    expect(band.querySelectorAll('.x-axis')).toHaveLength(1);
  });

  test('when the chart is drawn for a phone, then lane names go above their lanes and the time axis takes the width', () => {
    const wide = timelineChart(data, options({ width: 800 }));
    const phone = timelineChart(data, options({ width: 390 }));
    const start = (svg: SVGSVGElement) => Number(svg.querySelector('.lanes rect')!.getAttribute('x'));
    expect(start(wide)).toBe(190);
    expect(start(phone)).toBe(0);
    const axis = (svg: SVGSVGElement) => svg.querySelector('.x-axis path.domain')!.getAttribute('d')!;
    expect(axis(phone)).toMatch(/^M36/);
    const laneName = phone.querySelector('.lanes text')!;
    expect(Number(laneName.getAttribute('y'))).toBeLessThan(8 + 16);
  });

  test('when a reader presses Enter on the focused chart, then the focused mark is selected', () => {
    const svg = timelineChart(data, options({ announce: () => undefined }));
    document.body.append(svg);
    const seen: unknown[] = [];
    svg.addEventListener('markselect', (e) => seen.push((e as CustomEvent).detail));
    svg.dispatchEvent(new window.FocusEvent('focus'));
    svg.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter' }));
    expect(seen).toEqual([{ kind: 'outcome', id: 'a' }]);
    expect(svg.getAttribute('tabindex')).toBe('0');
    svg.remove();
  });

  test('when the arrow keys move focus, then the announcement names the next mark', () => {
    const said: string[] = [];
    const svg = timelineChart(data, options({ announce: (s) => said.push(s) }));
    svg.dispatchEvent(new window.FocusEvent('focus'));
    svg.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'ArrowDown' }));
    expect(said.at(-1)).toContain('A year-long action');
  });

  test('when there are more marks than the canvas threshold but no canvas (jsdom), then SVG marks are drawn', () => {
    const many = { ...data, marks: Array.from({ length: 50 }, (_, i) => ({ ...data.marks[0], id: `m${i}` })) };
    const svg = timelineChart(many, options({ canvasThreshold: 10 }));
    expect(svg.querySelectorAll('.marks .mark')).toHaveLength(50);
  });

  test('when only counts per period are given, then they are drawn as stacked bars by conclusion', () => {
    const cells = [{ lane: 'G1', start: d('2022-01-01'), end: d('2022-03-31'), count: 3, byConclusion: { substantiated: 2, pending: 1 } }];
    const svg = timelineChart({ ...data, marks: [], cells }, options());
    const bars = [...svg.querySelectorAll('.cells rect')];
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual([CONCLUSION_COLOURS.substantiated, `url(#${svg.querySelector('defs pattern')!.id})`]);
  });
});

test('beeswarm: when marks share a date, then they are spread over rows around the centre', () => {
  expect(beeswarm([10, 10, 10], 50, 5, 3)).toEqual([50, 39, 61]);
  expect(beeswarm([10, 40], 50, 5, 3)).toEqual([50, 50]);
});

const quadrants = [
  { code: 'C', label: 'Consciousness', locus: 'individual' as const, formality: 'informal' as const }, { code: 'R', label: 'Resources', locus: 'individual' as const, formality: 'formal' as const },
  { code: 'N', label: 'Norms', locus: 'systemic' as const, formality: 'informal' as const }, { code: 'L', label: 'Rules', locus: 'systemic' as const, formality: 'formal' as const },
];
const period = (label: string, counts: Record<string, number>, unclassified = 0) => {
  const n = Object.values(counts).reduce((a, b) => a + b, 0);
  const systemic = (counts.N ?? 0) + (counts.L ?? 0);
  const formal = (counts.R ?? 0) + (counts.L ?? 0);
  return { label, counts, outcomes: n + unclassified, unclassified, n, systemic, formal, systemicShare: n >= 5 ? systemic / n : null, formalShare: n >= 5 ? formal / n : null, tooFew: n > 0 && n < 5 };
};
const transformationOptions = (width: number) => ({
  document, width, formatNumber: String, formatPercent: (s: number) => `${Math.round(s * 100)}%`,
  labels: { title: 'T', description: 'D', shares: 'Shares', counts: 'Per quadrant', systemicShare: 'Systemic', formalShare: 'Formal', tooFew: 'too few', none: 'none', unclassified: 'Not classified', outcomes: 'outcomes', n: (n: string) => `n = ${n}`, tooFewNote: (min: string) => `below n = ${min}: too few`,
    individual: 'Individual', systemic: 'Systemic', informal: 'Informal', formal: 'Formal' },
});

test('transformationChart: a period with enough outcomes has its shares as points; one with too few has its n and no point; each quadrant is a panel', () => {
  const said: string[] = [];
  const svg = transformationChart({ quadrants, periods: [period('2022', { C: 3, N: 1, L: 2 }), period('2023', { L: 1 }), period('2024', {})] }, { ...transformationOptions(800), announce: (s) => said.push(s) });
  expect(svg.querySelectorAll('circle.point-systemic')).toHaveLength(1);
  expect(svg.querySelectorAll('rect.point-formal')).toHaveLength(1);
  expect([...svg.querySelectorAll('text.n')].map((x) => x.textContent)).toEqual(['n = 6', 'n = 1 · too few', 'none']);
  expect(svg.querySelectorAll('.panel')).toHaveLength(4);
  expect(svg.querySelector('.panel-unclassified')).toBeNull();
  // the same bar scale in every panel: 3 is three times 1
  const height = (code: string, i: number) => Number(svg.querySelectorAll(`.panel-${code} rect`)[i].getAttribute('height'));
  expect(height('C', 0)).toBeCloseTo(3 * height('N', 0), 0);
  svg.dispatchEvent(new window.FocusEvent('focus'));
  expect(said[0]).toBe('2022 · Systemic. 50% (3 / 6)');
});

test('transformationChart: outcomes in no quadrant are a panel of their own; on a phone the panels are one column inside the width', () => {
  const svg = transformationChart({ quadrants, periods: [period('2021–2023', { C: 2, R: 1 }, 2)], minForShare: 5 }, transformationOptions(358));
  expect(svg.querySelector('.too-few-note')?.textContent).toBe('below n = 5: too few');
  expect(svg.querySelectorAll('.panel')).toHaveLength(5);
  expect(svg.querySelector('.panel-unclassified text')?.textContent).toContain('Not classified');
  for (const r of svg.querySelectorAll('.panel rect')) {
    const x = Number(r.getAttribute('x'));
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x + Number(r.getAttribute('width'))).toBeLessThanOrEqual(358);
  }
  const lefts = new Set([...svg.querySelectorAll('.panel > text:first-child')].map((x) => x.getAttribute('x')));
  expect(lefts.size).toBe(1);
});

const coverageOptions = (width = 800) => ({
  document, width, formatNumber: String, formatPercent: (s: number) => `${Math.round(s * 100)}%`, toneLabel: (tone: string) => `C:${tone}`,
  labels: { title: 'T', description: 'D', outcomes: 'outcomes', substantiatedShare: 'substantiated', legend: 'Conclusion', notConcluded: 'not concluded', none: 'no outcomes', thin: 'thin', stories: 's', fragments: 'f', indicators: 'i' },
});

test('coverageChart: when a goal has no outcomes, then it says so instead of drawing a bar', () => {
  const svg = coverageChart({ rows: [{ code: 'G1', label: 'One', depth: 0, outcomes: 4, substantiated: 2, notSubstantiated: 2 }, { code: 'G1.1', label: 'Sub', depth: 1, outcomes: 0, substantiated: 0 }] }, coverageOptions());
  expect(svg.querySelectorAll('.goal-row rect')).toHaveLength(2);
  expect(svg.textContent).toContain('no outcomes');
  expect(svg.textContent).toContain('4 · 50%');
});

test('coverageChart: bars divide by conclusion; partly counts half and work not yet concluded stays out of the share', () => {
  const row = { code: 'G1', label: 'One', depth: 0, outcomes: 10, substantiated: 2, partlySubstantiated: 2, notSubstantiated: 0 };
  expect(coverageOf(row)).toEqual({ counts: { substantiated: 2, partly_substantiated: 2, not_substantiated: 0, pending: 6 }, share: 0.75 });
  expect(coverageOf({ ...row, substantiated: 0, partlySubstantiated: 0 }).share).toBeNull();
  const svg = coverageChart({ rows: [row] }, coverageOptions());
  const bars = [...svg.querySelectorAll('.goal-row rect')];
  expect(bars.map((b) => b.getAttribute('class'))).toEqual(['tone-substantiated', 'tone-partly_substantiated', 'tone-pending']);
  expect(bars[2].getAttribute('fill')).toMatch(/^url\(#hatch-/);
  expect(svg.textContent).toContain('10 · 75%');
  // the segments lie end to end, as long as the outcomes
  const w = bars.map((b) => Number(b.getAttribute('width')));
  expect(w[0]).toBeCloseTo(w[1], 0);
  expect(w[2]).toBeCloseTo(3 * w[0], 0);
});

test('coverageChart: on a phone the name goes above its bar and nothing grows backwards', () => {
  const svg = coverageChart({ rows: [{ code: 'NL-IV-1', label: 'Participation in peace processes and decision-making', depth: 0, outcomes: 5, substantiated: 5 }] }, coverageOptions(358));
  const bar = svg.querySelector('.goal-row rect')!;
  const x = Number(bar.getAttribute('x'));
  const width = Number(bar.getAttribute('width'));
  expect(x).toBeGreaterThanOrEqual(0);
  expect(x + width).toBeLessThanOrEqual(358);
  const name = svg.querySelector('.goal-row text')!;
  expect(Number(name.getAttribute('y'))).toBeLessThan(Number(bar.getAttribute('y')));
  expect(svg.textContent).toContain('5 · 100% substantiated');
});

test('pathwaysChart: when an outcome contributes to another, then an arrow joins them', () => {
  const svg = pathwaysChart({ lanes: [{ key: 'G1', label: 'G1' }], nodes: [
    { id: 'a', title: 'A', status: 'published', changeType: 'OH-ACTION', date: d('2022-01-01'), lane: 'G1' },
    { id: 'b', title: 'B', status: 'published', changeType: 'OH-POLICY', date: d('2024-01-01'), lane: 'G1' }], links: [{ source: 'a', target: 'b' }] },
  pathwayOptions(800));
  expect(svg.querySelectorAll('.links path')).toHaveLength(1);
  expect(svg.querySelector('.links path')?.getAttribute('marker-end')).toMatch(/^url\(#arrow-[a-z0-9]+\)$/);
  expect(svg.querySelectorAll('.nodes path')).toHaveLength(2);
  expect(svg.textContent).not.toContain('works against'); // no setback, no legend entry for one
});

const pathwayOptions = (width: number) => ({ document, width, statusLabel: String, changeTypeLabel: String, formatDate: (x: Date) => String(x.getUTCFullYear()),
  labels: { title: 'T', description: 'D', conclusion: 'C', link: 'contributes to', counteracts: 'works against' }, toneLabel: String });

test('pathwaysChart: a setback is a dashed line ending in a bar; on a phone lane names sit above their lanes, inside the width', () => {
  const data = { lanes: [{ key: 'O1', label: 'Femmes pour la Paix au Sahel' }, { key: 'O2', label: 'Nisaa Peace Network' }], nodes: [
    { id: 'a', title: 'A', status: 'published', changeType: 'OH-ACTION', date: d('2022-01-01'), lane: 'O1' },
    { id: 'b', title: 'B', status: 'under_review', changeType: 'OH-POLICY', date: d('2024-01-01'), lane: 'O2' }],
  links: [{ source: 'b', target: 'a', relation: 'counteracts' as const }] };
  const svg = pathwaysChart(data, pathwayOptions(358));
  const link = svg.querySelector('.links path')!;
  expect(link.getAttribute('stroke-dasharray')).toBe('6 4');
  expect(link.getAttribute('marker-end')).toMatch(/-bar\)$/);
  expect(svg.textContent).toContain('works against');
  const names = [...svg.querySelectorAll(':scope > text')];
  const lanes = [...svg.querySelectorAll(':scope > rect')].slice(1);
  expect(names.map((n) => n.textContent)).toEqual(['Femmes pour la Paix au Sahel', 'Nisaa Peace Network'].map((s) => `\u2068${s}\u2069`));
  for (const [i, n] of names.entries()) expect(Number(n.getAttribute('y'))).toBeLessThan(Number(lanes[i].getAttribute('y')) + 18);
  for (const p of svg.querySelectorAll('.nodes path')) {
    const x = Number(/translate\(([-\d.]+),/.exec(p.getAttribute('transform')!)![1]);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(358);
  }
});

test('indicatorsChart: when an indicator has baseline, target and actual, then all three are drawn and written out', () => {
  const svg = indicatorsChart([{ key: 'I', label: 'Women in parliament', unit: '%', direction: 'increase', baseline: { value: 10, date: '2020-01-01' }, target: { value: 30, date: '2027-12-31' }, actual: { value: 18, date: '2024-12-31' } }], {
    document, width: 800, formatNumber: String, formatDate: (s) => s.slice(0, 4),
    labels: { title: 'T', description: 'D', baseline: 'baseline', target: 'target', actual: 'latest', noData: 'none', outcomes: 'outcomes', higher: 'higher', lower: 'lower', series: 'series' },
  });
  expect(svg.textContent).toContain('baseline 10 · target 30 · latest 18 (2024)');
  expect(svg.querySelectorAll('.indicator-row rect')).toHaveLength(2);
});

test('worldMap: when a country has outcomes, then it is shaded and reachable by keyboard', () => {
  const square = (x: number, alpha2: string) => ({ type: 'Feature' as const, properties: { alpha2, name: alpha2 },
    geometry: { type: 'Polygon' as const, coordinates: [[[x, 0], [x, 10], [x + 10, 10], [x + 10, 0], [x, 0]]] } });
  const said: string[] = [];
  const svg = worldMap({ features: [square(0, 'ML'), square(20, 'NE')], counts: { ML: 3 } }, {
    document, width: 600, formatNumber: String, announce: (s) => said.push(s), labels: { title: 'T', description: 'D', outcomes: 'outcomes', regions: 'Regions', none: 'none' },
  });
  const fills = [...svg.querySelectorAll('.countries path')].map((p) => p.getAttribute('fill'));
  expect(fills[0]).not.toBe('#f2f2f2');
  expect(fills[1]).toBe('#f2f2f2');
  svg.dispatchEvent(new window.FocusEvent('focus'));
  expect(said).toEqual(['ML. 3 outcomes']);
});

test('indicatorsChart: when an indicator has only disaggregated values, then their spread is drawn and nothing breaks', () => {
  const svg = indicatorsChart([{ key: 'I', label: 'Seats', unit: '%', direction: 'increase', spread: [12, 30, 21] }], {
    document, width: 800, formatNumber: String, formatDate: (s) => s.slice(0, 4),
    labels: { title: 'T', description: 'D', baseline: 'baseline', target: 'target', actual: 'latest', noData: 'none', outcomes: 'outcomes', higher: 'higher', lower: 'lower', series: 'series' },
  });
  expect(svg.querySelectorAll('.indicator-row circle')).toHaveLength(3);
  expect(svg.textContent).toContain('3 series: 12–30');
});

describe('indicatorSeriesChart', () => {
  const pt = (iso: string, value: number, draft = false) => ({ end: d(iso), value, draft });
  const data: SeriesData = {
    overall: { key: '[]', label: 'Overall', points: [pt('2022-12-31', 40), pt('2023-12-31', 55), pt('2024-12-31', 61, true)] },
    breakdowns: [{ key: 'f', label: 'Female', points: [pt('2022-12-31', 25), pt('2023-12-31', 30)] }, { key: 'm', label: 'Male', points: [pt('2022-12-31', 15)] }],
    baseline: { date: d('2021-12-31'), value: 30 }, targets: [{ date: d('2025-12-31'), value: 80 }],
    outcomes: [{ id: 'o1', date: d('2023-06-01'), title: 'A council admits women' }],
  };
  const said: string[] = [];
  const chart = (extra: Partial<Parameters<typeof indicatorSeriesChart>[1]> = {}, input = data) => indicatorSeriesChart(input, {
    document, width: 720, showBreakdowns: false, formatNumber: String, formatDate: (x) => x.toISOString().slice(0, 7), formatTick: (x) => String(x.getUTCFullYear()),
    announce: (text) => said.push(text),
    labels: { title: 'T', description: 'D', overall: 'Overall', baseline: 'Baseline', target: 'Target', draft: 'draft', outcome: 'Outcome', legend: 'women' }, ...extra,
  });

  test('when drawn, then the overall series is one line with a point per value, the draft one hollow, the target a diamond and the outcome a tick', () => {
    const svg = chart();
    expect(svg.querySelectorAll('.series')).toHaveLength(1);
    const points = [...svg.querySelectorAll('.series circle')];
    expect(points.map((c) => c.getAttribute('fill'))).toEqual(['#1a1a1a', '#1a1a1a', '#ffffff']);
    expect(svg.querySelectorAll('.target')).toHaveLength(1);
    expect(svg.querySelectorAll('.outcome')).toHaveLength(1);
    expect(svg.querySelector('.baseline')).not.toBeNull();
    // later values sit further right, higher values higher up
    const [a, b] = points.map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
    expect(b[0]).toBeGreaterThan(a[0]);
    expect(b[1]).toBeLessThan(a[1]);
  });

  test('when the breakdowns are asked for, then each is a line of its own; without an overall series they are drawn anyway', () => {
    expect(chart({ showBreakdowns: true }).querySelectorAll('.series')).toHaveLength(3);
    expect(chart({}, { ...data, overall: null }).querySelectorAll('.series')).toHaveLength(2);
  });

  test('when the chart is Arabic, then time runs right to left', () => {
    const points = [...chart({ rtl: true }).querySelectorAll('.series circle')].map((c) => Number(c.getAttribute('cx')));
    expect(points[1]).toBeLessThan(points[0]);
  });

  test('when focused, then the first mark is read out with its value and date', () => {
    said.length = 0;
    chart().dispatchEvent(new window.FocusEvent('focus'));
    expect(said).toEqual(['Overall. 40 (2022-12)']);
  });
});
