// The XLSX worker's entry: reads the workbooks it is sent, one at a time, and answers the records
// or the reason it refuses them. Its memory and time are limited by pool.ts; a workbook that
// exhausts them ends this worker, never the server.
import { parentPort } from 'node:worker_threads';
import { readXlsx } from './read';
import { XlsxRefused } from './refused';

export type Job = { id: number; bytes: Uint8Array };
export type Answer = { id: number; parsed?: import('../records').Parsed; refused?: string };

parentPort!.on('message', async ({ id, bytes }: Job) => {
  let answer: Answer;
  try {
    answer = { id, parsed: await readXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  } catch (e) {
    answer = { id, refused: e instanceof XlsxRefused ? e.message : 'the workbook is damaged' };
  }
  parentPort!.postMessage(answer);
});
