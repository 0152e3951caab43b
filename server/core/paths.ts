// Where the project's files are, whether running from TypeScript sources or from the dist bundle.
import fs from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

export const ROOT = findRoot(__dirname);
export const SEEDS_DIR = path.join(ROOT, 'seeds');
