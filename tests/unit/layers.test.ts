// Imports run one way: dependency-cruiser, with the rules in .dependency-cruiser.cjs, finds no
// cycle between files and none between folders of server/ and client/ (types-only imports aside).
// Run alone: npm run check:layers.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

test('no import cycle between files or between folders of server/ and client/', () => {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      'server', 'client', 'seeds', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: ROOT, encoding: 'utf8' });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
  expect(out).toMatch(/no dependency violations found/);
}, 60_000);
