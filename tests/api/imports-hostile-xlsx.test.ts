// One spreadsheet must not take the server down: zip bombs, a sheet of two million rows and a cell
// too large for the worker's heap are each refused (422, saying why) while /api/health, polled
// every 100 ms, keeps answering within a second and the process stays under 1 GB.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { upload } from '../helpers/interop';
import fs from 'node:fs';
import path from 'node:path';
import { hostileFile, hugeCell, manyRows, zipBomb } from '../helpers/xlsx-hostile';

let t: TestApp;
let p1: Client;
let anon: Client;

beforeAll(async () => {
  t = await startTestApp();
  p1 = await t.as('partner1');
  anon = t.anon();
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Posts the workbook while polling /api/health and sampling the process's memory. */
async function importWatched(bytes: Buffer) {
  const latencies: number[] = [];
  let peakRss = process.memoryUsage().rss;
  let done = false;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  const poll = (async () => {
    while (!done) {
      const start = performance.now();
      expect((await anon.get('/api/health')).status).toBe(200);
      latencies.push(performance.now() - start);
      await sleep(100);
    }
  })();
  const started = performance.now();
  const r = await upload(p1, '/api/imports', { name: 'hostile.xlsx', bytes }, { format: 'xlsx', kind: 'outcomes' });
  const took = performance.now() - started;
  done = true;
  await poll;
  clearInterval(sampler);
  return { status: r.status, message: String(r.body.errors?.[0]?.message), slowestHealthMs: Math.max(...latencies), peakRssMb: peakRss / 2 ** 20, took };
}

const MB = 2 ** 20;
const KOBO = fs.readFileSync(path.resolve(__dirname, '../fixtures/kobo/gc-scripts-hub_kobotoolbox_submissions_export.xlsx'));
const cases: Array<[string, () => Buffer, RegExp]> = [
  ['a 30 MB zip bomb declaring its 4 GB', () => zipBomb(30), /would be 4096 MB unpacked/],
  ['a 30 MB zip bomb declaring 100 kB', () => zipBomb(30, 100_000), /more than the 100000 bytes it declares/],
  ['a 30 MB zip bomb declaring 1 GB', () => zipBomb(30, 1024 * MB - 1), /more than 100000 rows; split it/],
  ['a sheet of two million rows', () => manyRows(2_000_000), /more than 100000 rows; split it/],
  ['a cell of 400 MB, padded to pass the caps', () => hugeCell(400), /more text than a spreadsheet cell can/],
];

test.each(cases)('when %s is imported, then 422 saying why, health answers within 1 s and memory stays under 1 GB', async (name, make, why) => {
  const bytes = hostileFile(name.replace(/\W+/g, '-'), make);
  const r = await importWatched(bytes);
  console.log(`${name}: ${(bytes.length / MB).toFixed(1)} MB, ${r.status} in ${Math.round(r.took)} ms, slowest health ${Math.round(r.slowestHealthMs)} ms, peak RSS ${Math.round(r.peakRssMb)} MB`);
  expect({ status: r.status, message: r.message }).toEqual({ status: 422, message: expect.stringMatching(why) });
  expect(r.slowestHealthMs).toBeLessThan(1000);
  expect(r.peakRssMb).toBeLessThan(1024);
}, 60_000);

test('when a worker has died of its heap limit, then the next workbook is read', async () => {
  const r = await upload(p1, '/api/imports', { name: 'kobo.xlsx', bytes: KOBO }, { format: 'xlsx', kind: 'outcomes' });
  expect(r.status).not.toBe(500);
  expect(String(r.body.errors?.[0]?.message ?? '')).not.toMatch(/cannot be read/);
});
