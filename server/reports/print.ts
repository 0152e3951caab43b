// Printing a harvest report to PDF through Chromium (playwright-core; the browser at
// CHROMIUM_PATH, default /usr/bin/chromium). From the command line there is no logged-in user: the
// report is drawn as a reader of the harvest's programme sees it — the donor view by default
// (published, public records, redacted), or everything with --view full — in English, or --lang.
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext, Ctx, CurrentUser } from '../http/types';
import { reportData } from './data';
import { drawCharts } from './charts';
import { reportHtml } from './html';
import { REPORT_CSS } from './stylesheet';
import type { Language } from '../reference/language';

export type View = 'donor' | 'full';

async function readerOf(app: AppContext, harvestId: string, view: View, language: Language): Promise<CurrentUser> {
  const h = await app.db('harvests').where({ id: harvestId }).first('programme_id');
  if (!h) throw new Error(`no harvest ${harvestId}`);
  const orgs: string[] = await app.db('programme_partners').where({ programme_id: h.programme_id }).pluck('organisation_id');
  return { id: '', email: '', role: view === 'full' ? 'admin' : 'donor', organisationId: '', language, sessionId: '', programmeIds: [h.programme_id], programmeOrgIds: orgs };
}

/** The report page with its rules inside, ready to print. */
export async function reportPage(app: AppContext, harvestId: string, view: View, lang: Language = 'en'): Promise<string> {
  const user = await readerOf(app, harvestId, view, lang);
  const ctx: Ctx = { app, db: app.db, user, params: { id: harvestId }, query: {}, body: undefined, headers: {}, secure: false };
  const d = await reportData(ctx, harvestId);
  return reportHtml(d, drawCharts(d), null);
}

export async function printReport(app: AppContext, harvestId: string, file: string, view: View = 'donor', lang: Language = 'en'): Promise<void> {
  const html = await reportPage(app, harvestId, view, lang);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    // no network: the page is complete as it is
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.addStyleTag({ content: REPORT_CSS });
    await page.emulateMedia({ media: 'print' });
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await page.pdf({
      path: file, format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#595959"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
  } finally {
    await browser.close();
  }
}
