// What every browser test needs: Debian's Chromium, a fresh context per role (so axe can inject
// itself), logging in, axe-core on the current screen, and screenshots under tests/artifacts/.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const BASE = process.env.BASE_URL ?? 'http://localhost:3300';
export const ARTIFACTS = path.resolve(__dirname, '../artifacts');
export const PASSWORD = 'oogst-demo';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
}

/** A new context (as axe needs) with a page that fails the test on any uncaught script error. */
export async function open(browser: Browser, options: { width?: number; locale?: string } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: options.locale ?? 'en-GB', baseURL: BASE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.stack ?? e.message}`));
  return { context, page, errors };
}

/** Logs in through the API, in English (a test that is about the login form uses the form itself). */
export async function loginAs(page: Page, who: string): Promise<void> {
  const res = await page.request.post('/api/auth/login', { data: { email: `${who}@oogst.test`, password: PASSWORD }, headers: { origin: BASE } });
  if (res.status() !== 200) throw new Error(`login as ${who}: ${res.status()}`);
  // the profile keeps the last language asked for with ?lang= (another test may have left Arabic):
  // every test starts in English, whatever ran before it
  const reset = await page.request.patch('/api/auth/me', { data: { language: 'en' }, headers: { origin: BASE } });
  if (reset.status() !== 200) throw new Error(`language of ${who}: ${reset.status()}`);
}

/** Waits until the screen has drawn: no region busy, no loading text left. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .chart-loading, .loading'), undefined, { timeout: 20_000 });
  // dashboard views below the overview load when scrolled near: bring each into view, so that
  // axe and the screenshots see every view drawn
  const deferred = await page.locator('.chart-frame[data-deferred]').evaluateAll((els) => els.map((el) => el.id));
  for (const id of deferred) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => !el.hasAttribute('data-deferred') && !el.querySelector('.chart-loading'), await page.locator(`#${id}`).elementHandle(), { timeout: 20_000 });
  }
}

/** axe-core (WCAG 2.1 A and AA rules) on the page as it is now; returns the violations, readable. */
export async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * What sticks out of the viewport on either side (an Arabic page overflows to the left, which
 * the page's scroll width does not show), leaving out what sits in a region that scrolls itself.
 */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsItself = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (/auto|scroll|hidden/.test(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (!r.width || (r.right <= width + 1 && r.left >= -1) || scrollsItself(el)) continue;
      out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : ''} (${Math.round(r.left)}–${Math.round(r.right)} of ${width})`);
      if (out.length >= 5) break;
    }
    return out;
  });
}

type Named = { code: string; name: string; names?: Record<string, string> | null; children?: Named[] };

/**
 * The English names of reference data (goals of every framework, typology categories, focus
 * regions, indicators) whose name in `lang` differs — what must not show in that language.
 */
export async function englishOnlyNames(page: Page, lang: string): Promise<string[]> {
  const get = async <T>(path: string): Promise<T> => (await page.request.get(path)).json() as Promise<T>;
  const out = new Set<string>();
  const add = (n: Named) => {
    const local = n.names?.[lang];
    if (local && local !== n.name) out.add(n.name);
    (n.children ?? []).forEach(add);
  };
  const frameworks = await get<{ items: Array<{ id: string }> }>('/api/frameworks');
  for (const f of frameworks.items) (await get<{ goals: Named[] }>(`/api/frameworks/${f.id}/goals`)).goals.forEach(add);
  for (const t of (await get<{ items: Array<{ categories: Named[] }> }>('/api/typologies')).items) t.categories.forEach(add);
  (await get<{ regions?: Named[] }>('/api/dashboard/map')).regions?.forEach(add);
  (await get<{ items: Named[] }>('/api/indicators?pageSize=200')).items.forEach(add);
  return [...out];
}

/**
 * Which of these names the interface shows: in the words it writes itself — chart texts, options,
 * table cells and headers, the facts of a record, headings — not in what people wrote. A name of
 * one or two words counts only as a whole text (or after its code), so "Prevention" inside an
 * English outcome title does not.
 */
export async function shownNames(page: Page, names: string[]): Promise<string[]> {
  return page.evaluate((all) => {
    const texts = [...document.querySelectorAll('svg text, option, th, td, .facts dd, .facts li, h2, h3, legend, label, .meta')]
      .map((el) => (el.textContent ?? '').replace(/[\u2068\u2069]/g, '').trim()).filter(Boolean);
    return all.filter((name) => (name.split(/\s+/).length >= 3
      ? texts.some((x) => x.includes(name))
      : texts.some((x) => x === name || new RegExp(`(^|[\\s(])[A-Z0-9.-]+ ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,)…])`).test(x))));
  }, names);
}
