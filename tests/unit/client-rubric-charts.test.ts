// A rubric drawn as steps: on its indicator page (client/charts/rubric-steps.ts) and in the
// indicator band of the change-over-time chart (client/charts/timeline.ts), in an injected
// document (jsdom). Positions are rounded, so what is asserted is stable.
import Module from 'node:module';
import type * as JsdomTypes from 'jsdom';

const { JSDOM, VirtualConsole } = (Module as unknown as { _load: (id: string, parent: null, main: boolean) => typeof JsdomTypes })._load(require.resolve('jsdom'), null, false);
import { rubricStepChart, stepPoints, type StepData, type StepOptions } from '../../client/charts/rubric-steps';
import { indicatorBand } from '../../client/charts/timeline';

const window = new JSDOM('<!doctype html><body></body>', { virtualConsole: new VirtualConsole() }).window;
const document = window.document as unknown as Document;
const d = (s: string) => new Date(`${s}T00:00:00Z`);

const LEVELS = ['1 — Women observe', '2 — Women speak', '3 — Women propose', '4 — Women decide'];
const year = (y: number, level: number, draft = false) => ({ id: String(y), start: d(`${y}-01-01`), end: d(`${y}-12-31`), level, draft, label: `${y}\nLevel ${level}` });
const data: StepData = {
  levels: LEVELS, scores: [year(2022, 2), year(2023, 2), year(2024, 3), year(2025, 4, true)],
  baseline: { date: d('2021-01-01'), level: 1 }, targets: [{ date: d('2025-12-31'), level: 3 }, { date: d('2027-12-31'), level: 4 }],
};
const said: string[] = [];
const chart = (extra: Partial<StepOptions> = {}, input = data) => rubricStepChart(input, {
  document, width: 720, formatDate: (x) => x.toISOString().slice(0, 7), formatTick: (x) => String(x.getUTCFullYear()), announce: (text) => said.push(text),
  labels: { title: 'Voice', description: 'Levels over time', score: 'Scored level', baseline: 'Baseline', target: 'Target', draft: 'draft', legend: 'Levels' }, ...extra,
});
const levelTexts = (svg: SVGSVGElement) => [...svg.querySelectorAll('.levels text')].map((t) => t.textContent);

describe('stepPoints', () => {
  test('when periods follow each other, then each level is held across its period and a riser joins them; a gap breaks the line', () => {
    expect(stepPoints([{ start: d('2022-01-01'), end: d('2022-12-31'), level: 2 }, { start: d('2023-01-01'), end: d('2023-12-31'), level: 3 }]))
      .toEqual([{ date: d('2022-01-01'), level: 2 }, { date: d('2022-12-31'), level: 2 }, { date: d('2023-01-01'), level: 3 }, { date: d('2023-12-31'), level: 3 }]);
    expect(stepPoints([{ start: d('2022-01-01'), end: d('2022-12-31'), level: 2 }, { start: d('2024-01-01'), end: d('2024-12-31'), level: 3 }])[2]).toBeNull();
  });
});

describe('rubricStepChart', () => {
  test('when drawn, then the levels name the axis, the scores are one step line with a point each (the draft hollow), baseline dashed, targets diamonds', () => {
    const svg = chart();
    expect(levelTexts(svg).map((t) => t?.replace(/[\u2068\u2069]/g, ''))).toEqual(LEVELS);
    const steps = svg.querySelector('path.steps')!.getAttribute('d')!;
    // horizontal segments: 8 points (2 per score), so one move and seven lines
    expect(steps.match(/[ML]/g)).toHaveLength(8);
    expect([...svg.querySelectorAll('.scores circle')].map((c) => c.getAttribute('fill'))).toEqual(['#1a1a1a', '#1a1a1a', '#1a1a1a', '#ffffff']);
    expect(svg.querySelector('line.baseline')!.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(svg.querySelectorAll('path.target')).toHaveLength(2);
    // a higher level is drawn higher
    const cy = [...svg.querySelectorAll('.scores circle')].map((c) => Number(c.getAttribute('cy')));
    expect(cy[0]).toBe(cy[1]);
    expect(cy[2]).toBeLessThan(cy[1]);
    expect(cy[3]).toBeLessThan(cy[2]);
  });

  test('when reached by the keyboard, then the chart is one tab stop, reads out each score and says which one is chosen', () => {
    const svg = chart();
    document.body.append(svg);
    expect(svg.getAttribute('tabindex')).toBe('0');
    svg.dispatchEvent(new window.FocusEvent('focus') as unknown as Event);
    expect(said.at(-1)).toBe('2022. Level 2');
    svg.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'ArrowRight' }) as unknown as Event);
    expect(said.at(-1)).toBe('2023. Level 2');
    let chosen: unknown = null;
    svg.addEventListener('markselect', (e) => { chosen = (e as CustomEvent).detail; });
    svg.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter' }) as unknown as Event);
    expect(chosen).toEqual({ kind: 'score', id: '2023' });
    svg.remove();
  });

  test('when drawn for a phone, then the axis carries the level numbers and a key under the legend their names; in Arabic the axis is on the right', () => {
    const phone = chart({ width: 390 });
    expect(levelTexts(phone)).toEqual(['1', '2', '3', '4']);
    expect([...phone.querySelectorAll('.level-key text')].map((t) => t.textContent?.replace(/[\u2068\u2069]/g, ''))).toEqual(LEVELS.map((l, k) => `${k + 1} ${l}`));
    const rtl = chart({ rtl: true });
    expect(Number(rtl.querySelector('.levels text')!.getAttribute('x'))).toBe(712);
    expect(rtl.getAttribute('direction')).toBe('rtl');
  });
});

describe('a rubric in the indicator band', () => {
  test('when a row has levels, then it is drawn as steps between its lowest and highest level, named beside it', () => {
    const rubric = {
      key: 'VOICE', label: "Women's voice", unit: 'Rubric, 4 levels', total: true, levels: LEVELS,
      series: [{ label: '', points: [{ date: d('2022-12-31'), start: d('2022-01-01'), value: 2 }, { date: d('2023-12-31'), start: d('2023-01-01'), value: 3 }] }],
      baseline: { date: d('2021-01-01'), value: 1 }, target: { date: d('2025-12-31'), value: 3 },
    };
    const band = indicatorBand([rubric], [d('2021-01-01'), d('2026-01-01')], {
      document, width: 800, indicatorHeight: 48, title: 'Indicators', description: 'd', formatDate: (x) => String(x.getUTCFullYear()), formatNumber: String,
      labels: { title: 't', description: 'd', conclusion: 'c', changeType: 'c', indicators: 'Indicators', period: 'p', count: 'n', baseline: 'Baseline' },
    });
    const row = band.querySelector('g.indicator[data-indicator="VOICE"]')!;
    expect(row.querySelector('path.steps')!.getAttribute('d')!.match(/[ML]/g)).toHaveLength(4);
    const edges = [...row.querySelectorAll('text')].map((t) => t.textContent?.replace(/[\u2068\u2069]/g, '')).filter((t) => t?.includes('Women'));
    expect(edges).toEqual(expect.arrayContaining(['4 — Women decide', '1 — Women observe']));
  });
});
