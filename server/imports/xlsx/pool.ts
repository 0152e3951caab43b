// Runs the XLSX reader in worker threads, so a hostile or huge workbook costs a worker, not the
// server: each worker has a heap limit and each read a time limit, and the main thread goes on
// answering other requests meanwhile. Two workers at most (the machine's cores), reused between
// reads (starting one costs ~100 ms; the Kobo test reads 400 workbooks), a new one after a death.
//
// Where the worker's code comes from: the build bundles server/imports/xlsx/worker.ts into
// dist/xlsx-worker.js beside dist/server.js (scripts/build.mjs, scripts/run-ts.mjs). Under jest the
// code runs from the TypeScript sources, which a Worker cannot load; there the worker boots with a
// require hook that compiles each .ts file with @swc/core, the compiler jest itself uses. That
// keeps one source of the worker, and needs no build step before the tests.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Parsed } from '../records';
import type { Answer } from './worker';
import { XlsxRefused } from './refused';

export const WORKER_LIMITS = { maxOldGenerationSizeMb: 320, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
const SIZE = 2;
const TIME_LIMIT_MS = 60_000;

const TS_BOOT = `
const { workerData } = require('node:worker_threads');
const swc = require(workerData.swc);
const options = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' };
require.extensions['.ts'] = (m, file) => m._compile(swc.transformFileSync(file, options).code, file);
require(workerData.entry);
`;

type Pending = { id: number; bytes: Uint8Array; resolve: (p: Parsed) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; job: Pending | null; timer?: NodeJS.Timeout };

const slots: Slot[] = [];
const queue: Pending[] = [];
let nextId = 1;

function spawn(): Worker {
  const options = { resourceLimits: WORKER_LIMITS };
  if (!__filename.endsWith('.ts')) return new Worker(path.join(__dirname, 'xlsx-worker.js'), options);
  const workerData = { entry: path.join(__dirname, 'worker.ts'), swc: require.resolve('@swc/core') };
  return new Worker(TS_BOOT, { ...options, eval: true, workerData });
}

function finish(slot: Slot, settle: (job: Pending) => void) {
  const job = slot.job;
  clearTimeout(slot.timer);
  slot.job = null;
  slot.worker.unref(); // an idle worker must not keep the process alive
  if (job) settle(job);
}

/** The worker is gone (out of memory, out of time, or a bug): its read is refused, the slot freed. */
function bury(slot: Slot, reason: string) {
  const i = slots.indexOf(slot);
  if (i < 0) return;
  slots.splice(i, 1);
  finish(slot, (job) => job.reject(new XlsxRefused(reason)));
  void slot.worker.terminate();
  pump();
}

function start(): Slot {
  const slot: Slot = { worker: spawn(), job: null };
  slot.worker.on('message', (a: Answer) => {
    if (slot.job?.id !== a.id) return;
    finish(slot, (job) => (a.parsed ? job.resolve(a.parsed) : job.reject(new XlsxRefused(a.refused ?? 'the workbook is damaged'))));
    pump();
  });
  slot.worker.on('error', (e: Error & { code?: string }) => bury(slot, e.code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? `reading it needs more than the ${WORKER_LIMITS.maxOldGenerationSizeMb} MB a workbook may use; split it`
    : 'the workbook is damaged'));
  slot.worker.on('exit', () => bury(slot, 'the workbook is damaged'));
  slots.push(slot);
  return slot;
}

function pump() {
  while (queue.length) {
    const slot = slots.find((s) => !s.job) ?? (slots.length < SIZE ? start() : undefined);
    if (!slot) return;
    const job = queue.shift()!;
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => bury(slot, `reading it took longer than ${TIME_LIMIT_MS / 1000} s; split it`), TIME_LIMIT_MS);
    // the copy made for the job is handed over, not copied again
    slot.worker.postMessage({ id: job.id, bytes: job.bytes }, [job.bytes.buffer as ArrayBuffer]);
  }
}

/** The workbook's first sheet as records; an XlsxRefused says why not. */
export function readXlsxInWorker(buf: Buffer): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, bytes: new Uint8Array(buf), resolve, reject });
    pump();
  });
}
