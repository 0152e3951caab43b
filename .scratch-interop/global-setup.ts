// Same as tests/helpers/global-setup.ts, but leaves directories in tests/.tmp alone (another
// suite keeps a figures/ folder there, which the shared setup cannot remove).
import fs from 'node:fs';
import path from 'node:path';
import { TMP } from '../tests/helpers/db';
export default async function setup(): Promise<void> {
  fs.mkdirSync(TMP, { recursive: true });
  const keep = path.join(TMP, 'figures');
  const moved = fs.existsSync(keep) ? fs.mkdtempSync('/tmp/oogst-figures-') : null;
  if (moved) fs.renameSync(keep, path.join(moved, 'figures'));
  try {
    const { default: real } = await import('../tests/helpers/global-setup');
    await real();
  } finally {
    if (moved) fs.renameSync(path.join(moved, 'figures'), keep);
  }
}
