// Evidence files in the browser: a partner uploads a photo to her draft outcome, sees it listed and
// downloads the same bytes; a file of a refused type and one over the limit show the server's
// reason at the file field. A donor opening a published outcome that has a file sees no trace of it.
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { axe, BASE, launch, loginAs, open, settled, shot } from './browser';
import { outcomeBody } from '../helpers/fixtures';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const stamp = Date.now().toString(36);

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A valid 2×2 PNG, made here so the test carries no binary fixture. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const pixels = Buffer.from([0, 200, 30, 30, 30, 30, 200, 0, 30, 200, 30, 240, 240, 240]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const headers = { origin: BASE };

async function createDraft(page: Page, title: string): Promise<string> {
  const res = await page.request.post('/api/outcomes', { data: outcomeBody({ title, sensitivity: 'restricted' }), headers });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test('when a partner uploads a photo to her draft outcome, then it is listed and downloads as the same bytes; refused and oversized files show why', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'partner');
  const id = await createDraft(page, `Outcome with a photo ${stamp}`);
  const evidenceCalls: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/evidence')) evidenceCalls.push(r.url()); });
  await page.goto(`/outcomes/${id}?lang=en`);
  await settled(page);
  expect(evidenceCalls).toHaveLength(1); // one request serves the linked records and the files
  const files = page.getByRole('region', { name: 'Files' });
  await expect(files.getByText('No files yet.').isVisible()).resolves.toBe(true);
  expect(await axe(page)).toEqual([]);

  const png = tinyPng();
  await files.getByLabel('File', { exact: true }).setInputFiles({ name: 'council.png', mimeType: 'image/png', buffer: png });
  await files.getByLabel(/^Title/).fill('Photo of the council meeting');
  await page.getByRole('button', { name: 'Upload the file' }).click();
  const item = files.getByRole('listitem').filter({ hasText: 'Photo of the council meeting' });
  await item.waitFor();
  await expect(item.textContent()).resolves.toMatch(/Photo · PNG · \d+ bytes · /);
  await page.waitForFunction(() => document.getElementById('announcer')?.textContent === 'File \u201cPhoto of the council meeting\u201d added.');
  expect(await axe(page)).toEqual([]);
  await shot(page, 'files-en-partner-outcome');

  const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('link', { name: 'Download Photo of the council meeting' }).click()]);
  expect(fs.readFileSync((await download.path())!).equals(png)).toBe(true);

  // a text file is refused by its content, whatever its name says
  const fileInput = files.getByLabel('File', { exact: true });
  await fileInput.setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some words, not a PDF') });
  await page.getByRole('button', { name: 'Upload the file' }).click();
  const alert = page.locator('.file-error[role="alert"]');
  await expect(alert.getByText('This kind of file is not accepted.').waitFor()).resolves.toBeUndefined();
  await expect(alert.textContent()).resolves.toContain('Upload a PDF, Word or Excel document'); // the server's own detail
  await expect(fileInput.getAttribute('aria-invalid')).resolves.toBe('true');
  await shot(page, 'files-en-partner-refused');

  // over the evidence limit (25 MB unless OOGST_FILE_MAX_BYTES says less): 413 and its detail
  await fileInput.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([png, Buffer.alloc(25 * 1024 * 1024)]) });
  await page.getByRole('button', { name: 'Upload the file' }).click();
  await alert.getByText('The file is too large.').waitFor({ timeout: 60_000 });
  await expect(alert.textContent()).resolves.toMatch(/over the limit of \d+ bytes/);
  await expect(files.getByRole('listitem').count()).resolves.toBe(1);

  await page.goto(`/outcomes/${id}?lang=ar`);
  await settled(page);
  await page.getByRole('region', { name: 'الملفات' }).getByRole('listitem').waitFor();
  expect(await axe(page)).toEqual([]);
  await shot(page, 'files-ar-partner-outcome');
  expect(errors).toEqual([]);
  await context.close();
}, 180_000);

test.each(['stories', 'fragments'])('when a partner opens one of her organisation\'s %s, then she can add a file there too and sees it listed', async (kind) => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'partner');
  const me = await (await page.request.get('/api/auth/me')).json() as { organisation: { id: string } };
  const list = await (await page.request.get(`/api/${kind}?pageSize=200`)).json() as { items: Array<{ id: string; organisation: { id: string } }> };
  const own = list.items.find((r) => r.organisation.id === me.organisation.id);
  expect(own).toBeDefined();
  await page.goto(`/${kind}/${own!.id}?lang=en`);
  await settled(page);
  const files = page.getByRole('region', { name: 'Files' });
  await files.getByLabel('File', { exact: true }).setInputFiles({ name: 'consent-form.pdf', mimeType: 'application/pdf', buffer: PDF });
  await files.getByRole('button', { name: 'Upload the file' }).click();
  // without a title the uploaded name stands for the file
  await files.getByRole('listitem').filter({ hasText: 'consent-form.pdf' }).filter({ hasText: 'Document · PDF' }).last().waitFor();
  expect(await axe(page)).toEqual([]);
  await shot(page, `files-en-partner-${kind}`);
  expect(errors).toEqual([]);
  await context.close();
});

test('when the language is switched while a file uploads, then the page drawn again shows the upload and lists the file when it lands', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'partner');
  const id = await createDraft(page, `Outcome uploading across a redraw ${stamp}`);
  await page.goto(`/outcomes/${id}?lang=en`);
  await settled(page);
  // the upload is held at the server's door until the page has been drawn again in French
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/api/files', async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  const files = page.getByRole('region', { name: 'Files' });
  await files.getByLabel('File', { exact: true }).setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: PDF });
  await files.getByLabel(/^Title/).fill('Minutes of the district council');
  await page.getByRole('button', { name: 'Upload the file' }).click();
  await expect(page.getByRole('button', { name: 'Upload the file' }).isDisabled()).resolves.toBe(true);
  await page.locator('#language-select').selectOption('fr'); // the interface's, not the statement's language
  const fichiers = page.getByRole('region', { name: 'Fichiers' });
  await fichiers.waitFor();
  // the new form follows the upload under way: its button waits, its progress shows
  await expect(fichiers.getByRole('button', { name: 'Envoyer le fichier' }).isDisabled()).resolves.toBe(true);
  await expect(fichiers.getByRole('progressbar').isVisible()).resolves.toBe(true);
  release();
  await fichiers.getByRole('listitem').filter({ hasText: 'Minutes of the district council' }).waitFor();
  await expect(fichiers.getByRole('button', { name: 'Envoyer le fichier' }).isEnabled()).resolves.toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

test('when a donor opens a published outcome that has a file, then no file, link or upload control is there, and the file is not found for them', async () => {
  const partner = await open(browser);
  await loginAs(partner.page, 'partner');
  const me = await (await partner.page.request.get('/api/auth/me')).json() as { organisation: { id: string } };
  const published = await (await partner.page.request.get('/api/outcomes?status=published&sensitivity=public&pageSize=200')).json() as { items: Array<{ id: string; organisation: { id: string } }> };
  const own = published.items.find((o) => o.organisation.id === me.organisation.id);
  expect(own).toBeDefined();
  const up = await partner.page.request.post('/api/files', { headers, multipart: { outcomeId: own!.id, title: `Minutes ${stamp}`, file: { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: PDF } } });
  expect(up.status()).toBe(201);
  const fileId = ((await up.json()) as { id: string }).id;
  await partner.page.goto(`/outcomes/${own!.id}?lang=en`);
  await settled(partner.page);
  await partner.page.getByRole('link', { name: `Download Minutes ${stamp}` }).waitFor();
  await partner.context.close();

  const { page, context, errors } = await open(browser);
  await loginAs(page, 'donor');
  await page.goto(`/outcomes/${own!.id}?lang=en`);
  await settled(page);
  await page.getByRole('heading', { level: 2, name: 'Evidence' }).waitFor();
  await expect(page.getByRole('heading', { name: 'Files' }).count()).resolves.toBe(0);
  await expect(page.locator('input[type="file"]').count()).resolves.toBe(0);
  await expect(page.locator('a[href^="/api/files/"]').count()).resolves.toBe(0);
  await expect(page.getByText(`Minutes ${stamp}`).count()).resolves.toBe(0);
  expect((await page.request.get(`/api/files/${fileId}`)).status()).toBe(404);
  expect(await axe(page)).toEqual([]);
  await shot(page, 'files-en-donor-outcome');
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
