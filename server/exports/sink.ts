// Writing an export to the response at the pace the client reads it: wait for 'drain' when the
// socket's buffer is full, and stop (with an error, so the wrapper aborts the connection) when the
// client has gone away instead of waiting for ever.
import type { Writable } from 'node:stream';

export function waitDrain(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new Error('the client went away'));
  return new Promise((resolve, reject) => {
    const finish = (err?: Error) => {
      out.off('drain', ok);
      out.off('close', gone);
      out.off('error', gone);
      if (err) reject(err);
      else resolve();
    };
    const ok = () => finish();
    const gone = () => finish(new Error('the client went away'));
    out.once('drain', ok);
    out.once('close', gone);
    out.once('error', gone);
  });
}

export async function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.destroyed) throw new Error('the client went away');
  if (!out.write(chunk)) await waitDrain(out);
}
