// Printing a harvest report to PDF through Chromium (playwright-core; the browser at
// CHROMIUM_PATH, default /usr/bin/chromium). From the command line there is no signed-in user:
// the report is drawn for the published view of the harvest's programme (published, public
// records, redacted) by default, or as a named user sees it (`--as <e-mail>`: their role and
// programmes, their reading of personal data audited as theirs), in English, or --lang.
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../http/types';
import { publishedView, type Reader, type ReaderCtx } from '../domain/readers';
import { commandLineUser } from '../auth/session';
import { reportData } from './data';
import { drawCharts } from './charts';
import { reportHtml } from './html';
import { REPORT_CSS } from './stylesheet';
import type { Language } from '../reference/language';

/** The published view of the harvest's programme, or the user with this e-mail address. */
async function readerOf(app: AppContext, harvestId: string, as: string | undefined, language: Language): Promise<Reader> {
  if (as) {
    const user = await commandLineUser(app.db, as);
    if (!user) throw new Error(`no active user ${as}`);
    return user;
  }
  const h = await app.db('harvests').where({ id: harvestId }).first('programme_id');
  if (!h) throw new Error(`no harvest ${harvestId}`);
  const orgs: string[] = await app.db('programme_partners').where({ programme_id: h.programme_id }).pluck('organisation_id');
  return publishedView(h.programme_id, orgs, language);
}

/** The report page with its rules inside, ready to print; `as`: the e-mail of the user it is drawn for, else the published view. */
export async function reportPage(app: AppContext, harvestId: string, as?: string, lang: Language = 'en'): Promise<string> {
  const user = await readerOf(app, harvestId, as, lang);
  const ctx: ReaderCtx = { app, db: app.db, user, params: { id: harvestId }, query: { lang }, body: undefined, headers: {}, secure: false };
  const d = await reportData(ctx, harvestId, lang);
  return reportHtml(d, drawCharts(d), null);
}

export async function printReport(app: AppContext, harvestId: string, file: string, as?: string, lang: Language = 'en'): Promise<void> {
  const html = await reportPage(app, harvestId, as, lang);
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
