// npm run bench:lighthouse — Lighthouse (performance, accessibility, best practices) on the login
// page and on the dashboard as the demo donor, against the built server with the demo data, in
// Debian's Chromium. Figures go to bench/README.md; nothing fails on a score.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const root = path.resolve(import.meta.dirname, '..');
const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-lh-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [path.join(root, 'dist/server.js')], {
  env: { ...process.env, PORT: String(port), OOGST_DATA_DIR: path.join(work, 'data'), XDG_CONFIG_HOME: path.join(work, 'config'), NODE_ENV: 'development', LOG_LEVEL: 'warn' },
  stdio: 'inherit',
});
let chrome;
try {
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email: 'donor@oogst.test', password: 'oogst-demo' }) });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows = [];
  for (const [name, url, headers] of [['login page', `${base}/`, {}], ['dashboard (donor, demo data)', `${base}/dashboard`, { cookie }]]) {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', extraHeaders: headers, onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    // the whole report, for the diagnostics behind a score (long tasks, script bootup, LCP element)
    fs.mkdirSync(path.join(root, 'bench/.data'), { recursive: true });
    fs.writeFileSync(path.join(root, `bench/.data/lighthouse-${name.split(' ')[0]}.json`), JSON.stringify(result.lhr));
    const c = result.lhr.categories;
    const a = result.lhr.audits;
    const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
    rows.push(`| ${name} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${a['first-contentful-paint'].displayValue} | ${a['largest-contentful-paint'].displayValue} | ${a['total-blocking-time'].displayValue} |`);
    const failed = Object.values(a).filter((x) => x.score === 0 && ['accessibility'].some((cat) => c[cat].auditRefs.some((r) => r.id === x.id))).map((x) => x.id);
    if (failed.length) rows.push(`| ↳ accessibility audits failing | ${failed.join(', ')} | | | | | |`);
  }
  const text = [
    'Lighthouse 12.2.3, default mobile emulation (simulated slow 4G, 4× CPU slowdown), Debian Chromium, against `npm start`-built server with the demo data.',
    '', '| page | performance | accessibility | best practices | FCP | LCP | TBT |', '|---|---:|---:|---:|---|---|---|', ...rows,
  ].join('\n');
  console.log(text);
  const { writeSection } = await import('./report-section.mjs');
  writeSection('bench:lighthouse', `Lighthouse (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()})`, text);
} finally {
  await chrome?.kill();
  server.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}
