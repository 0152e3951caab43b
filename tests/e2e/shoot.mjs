// Screenshots of any page as a demo user, for looking at the client while working on it:
//   node tests/e2e/shoot.mjs <user|''> <path> [path…]   (BASE_URL, default http://localhost:3300; OUT, default /tmp/shots; WIDTH, default 1280; LANG_UI, e.g. ar)
import { chromium } from 'playwright-core';
const [, , user, ...paths] = process.argv;
const base = process.env.BASE_URL ?? 'http://localhost:3300';
const out = process.env.OUT ?? '/tmp/shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const ctx = await browser.newContext({ viewport: { width: Number(process.env.WIDTH ?? 1280), height: 900 } }); // WIDTH=390 for a phone
if (process.env.LANG_UI) await ctx.addInitScript((l) => localStorage.setItem('oogst:lang', l), process.env.LANG_UI);
const page = await ctx.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('pageerror:', e.stack));
if (user) {
  const r = await page.request.post(`${base}/api/auth/login`, { data: { email: `${user}@oogst.test`, password: 'oogst-demo' }, headers: { origin: base } });
  console.log('login', r.status());
  // the signed-in user's language wins over the device's
  if (process.env.LANG_UI) await page.request.patch(`${base}/api/auth/me`, { data: { language: process.env.LANG_UI }, headers: { origin: base } });
}
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForTimeout(2500);
  const name = `${out}/${(user || 'anon')}-${process.env.LANG_UI ?? 'en'}-${process.env.WIDTH ?? 1280}-${p.replace(/[^a-z0-9]+/gi, '_')}.png`;
  await page.screenshot({ path: name, fullPage: true });
  console.log('shot', name);
  // ELEMENTS=".chart-frame" also shoots each matching element on its own
  if (process.env.ELEMENTS) {
    const els = await page.$$(process.env.ELEMENTS);
    for (const [i, el] of els.entries()) {
      // views below the fold draw when scrolled near
      await el.scrollIntoViewIfNeeded();
      await page.waitForTimeout(1500);
      await el.screenshot({ path: name.replace(/\.png$/, `-${i}.png`) });
      console.log('shot', name.replace(/\.png$/, `-${i}.png`));
    }
  }
}
await browser.close();
