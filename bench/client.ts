// Client benchmark (npm run bench:client): how long Chromium takes to draw the change-over-time
// chart with 1,000 and 10,000 outcomes (target ≤ 300 ms at 10,000), the initial JavaScript the
// browser downloads, and the time to a usable login and dashboard on a fast and a slow-3G link,
// against a server with the demo data. Figures go to bench/README.md; nothing fails on a timing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../server/core/paths';
import { machine, percentile } from './lib';
import { writeSection } from './report';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNS = 9;

/** The chart alone, in a blank page: synthetic outcomes over six years in five lanes. */
async function renderTimes(browser: Browser): Promise<string[]> {
  const out = await build({
    stdin: { contents: "import { timelineChart } from './client/charts/timeline'; (window as any).timelineChart = timelineChart;", resolveDir: ROOT, loader: 'ts' },
    bundle: true, write: false, format: 'iife', minify: true, target: 'es2022', logLevel: 'warning',
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="c" style="width:1200px"></div></body></html>');
  await page.addScriptTag({ content: out.outputFiles[0].text });
  const rows: string[] = [];
  for (const [n, threshold, mode] of [[1000, 2000, 'SVG marks'], [10000, 2000, 'canvas marks under SVG'], [10000, Infinity, 'SVG marks (for comparison)']] as const) {
    const times = await page.evaluate(async ({ n, threshold, runs }) => {
      let seed = 7;
      const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
      const types = ['OH-ACTION', 'OH-ACTIVITY', 'OH-RELATIONSHIP', 'OH-AGENDA', 'OH-POLICY', 'OH-PRACTICE'];
      const statuses = ['submitted', 'under_review', 'substantiated', 'partly_substantiated', 'published'];
      const lanes = [1, 2, 3, 4, 5].map((i) => ({ key: `NL-IV-${i}`, label: `NL-IV-${i} Goal ${i}` }));
      const marks = Array.from({ length: n }, (_, i) => {
        const start = new Date(Date.UTC(2021, 0, 1) + rand() * 6 * 365 * 864e5);
        const year = rand() < 0.1;
        return { id: `o${i}`, lane: lanes[i % 5].key, start: year ? new Date(Date.UTC(start.getUTCFullYear(), 0, 1)) : start,
          end: year ? new Date(Date.UTC(start.getUTCFullYear(), 11, 31)) : start, changeType: types[i % 6], status: statuses[i % 5],
          conclusion: ['substantiated', 'partly_substantiated'].includes(statuses[i % 5]) ? statuses[i % 5] : null, title: `Outcome ${i}` };
      });
      const chart = (window as unknown as { timelineChart: (d: unknown, o: unknown) => SVGSVGElement }).timelineChart;
      const opts = { width: 1200, canvasThreshold: threshold, labels: { title: 't', description: 'd', conclusion: 's', changeType: 'c', indicators: 'i', period: 'p', count: 'n' },
        statusLabel: String, toneLabel: String, changeTypeLabel: String, changeTypes: types, formatDate: (d: Date) => String(d.getUTCFullYear()), formatNumber: String };
      const host = document.getElementById('c')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const result: number[] = [];
      for (let k = 0; k < runs; k++) {
        host.replaceChildren();
        await frame();
        const t0 = performance.now();
        host.append(chart({ lanes, marks, indicators: [] }, opts));
        host.getBoundingClientRect(); // style and layout
        await frame(); // and the paint that follows
        result.push(performance.now() - t0);
      }
      return result;
    }, { n, threshold, runs: RUNS });
    const sorted = [...times].sort((a, b) => a - b);
    rows.push(`| ${n.toLocaleString('en')} | ${mode} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 95).toFixed(0)} |`);
  }
  await page.close();
  return rows;
}

/** The JavaScript of the first screen: the entry and every chunk it imports statically. */
function initialJs(): { files: number; raw: number; gzip: number; lazy: number } {
  const dir = path.join(ROOT, 'dist', 'client');
  const main = fs.readdirSync(dir).find((f) => /^main\.[A-Z0-9]+\.js$/i.test(f))!;
  const seen = new Set<string>();
  const queue = [main];
  while (queue.length) {
    const f = queue.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/(?:^|[;}\s])import\s*(?:[^"(]*?from\s*)?"\.\/([^"]+)"/g)) queue.push(m[1]);
  }
  const size = (f: string) => fs.statSync(path.join(dir, f)).size;
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, f))).length;
  const all = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  return { files: seen.size, raw: [...seen].reduce((a, f) => a + size(f), 0), gzip: [...seen].reduce((a, f) => a + gz(f), 0), lazy: all.filter((f) => !seen.has(f)).reduce((a, f) => a + gz(f), 0) };
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-client-'));
  const port = 39000 + Math.floor(Math.random() * 2000);
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js')], {
    cwd: ROOT, stdio: 'ignore', env: { ...process.env, PORT: String(port), OOGST_DATA_DIR: path.join(work, 'data'), XDG_CONFIG_HOME: path.join(work, 'config'), NODE_ENV: 'development', LOG_LEVEL: 'warn' },
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, stop: () => { child.kill(); fs.rmSync(work, { recursive: true, force: true }); } };
}

/** Slow 3G as Chrome DevTools defines it: 400 ms round trip, 400 kbit/s each way. */
async function throttle(page: Page, on: boolean): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', on
    ? { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 }
    : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

async function pageTimes(browser: Browser, url: string): Promise<string[]> {
  const rows: string[] = [];
  for (const slow of [false, true]) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, baseURL: url });
    const page = await context.newPage();
    await throttle(page, slow);
    let t0 = Date.now();
    await page.goto('/?lang=en');
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    const login = Date.now() - t0;
    await page.request.post('/api/auth/login', { data: { email: 'donor@oogst.test', password: 'oogst-demo' }, headers: { origin: url } });
    t0 = Date.now();
    await page.goto('/dashboard?lang=en');
    await page.locator('#change-over-time svg.chart').first().waitFor({ timeout: 180_000 });
    const overview = Date.now() - t0;
    // the other views load when scrolled near (client/dashboard/frame.ts): scroll to each in turn
    for (const id of await page.locator('.chart-frame[data-deferred]').evaluateAll((els) => els.map((el) => el.id))) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => !el.hasAttribute('data-deferred'), await page.locator(`#${id}`).elementHandle(), { timeout: 180_000 });
    }
    await page.waitForFunction(() => !document.querySelector('.chart-loading, [aria-busy="true"], .chart-frame[data-deferred]'), undefined, { timeout: 180_000 });
    const all = Date.now() - t0;
    rows.push(`| ${slow ? 'slow 3G (400 ms, 400 kbit/s)' : 'unthrottled (loopback)'} | ${login} | ${overview} | ${all} |`);
    await context.close();
  }
  return rows;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  const server = await startServer();
  try {
    const render = await renderTimes(browser);
    const js = initialJs();
    const pages = await pageTimes(browser, server.url);
    const kb = (n: number) => (n / 1024).toFixed(1);
    const body = [
      `${machine()}, Chromium ${browser.version()} (headless). Median and p95 of ${RUNS} draws; a draw is the chart built, put in the page, laid out and painted.`,
      '',
      '| outcomes | marks drawn as | p50 ms | p95 ms |', '|---:|---|---:|---:|', ...render,
      '',
      `Initial JavaScript (entry and its static imports, ${js.files} files): **${kb(js.gzip)} KB gzipped** (${kb(js.raw)} KB uncompressed; the server sends it gzipped); loaded on demand (dashboards, d3, map, other languages): ${kb(js.lazy)} KB gzipped.`,
      '',
      'Milliseconds from navigation, demo data, logged in as the donor for the dashboard. The five views below the overview load when scrolled near; "all six views drawn" scrolls to each in turn:',
      '',
      '| network | login form usable | overview chart drawn | all six views drawn |', '|---|---:|---:|---:|', ...pages,
      '',
      'Lighthouse scores: `npm run bench:lighthouse` (its own section).',
    ].join('\n');
    writeSection('bench:client', `Client (${new Date().toISOString().slice(0, 10)})`, body);
    console.log(body);
  } finally {
    await browser.close();
    server.stop();
  }
}

void main();
