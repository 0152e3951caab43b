// Writes dist/openapi.json for `npm run openapi:lint`. dist/server.js starts a server when loaded,
// so instead a tiny entry (scripts/openapi-entry.ts) is bundled with esbuild into a temporary
// CommonJS file beside the bundle (so server/core/paths.ts finds the project root from it), run, and
// removed.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
fs.mkdirSync(dist, { recursive: true });
const bundle = path.join(dist, `.openapi-entry.${process.pid}.cjs`);
const out = path.join(dist, 'openapi.json');

try {
  await build({
    entryPoints: ['scripts/openapi-entry.ts'], outfile: bundle, bundle: true, platform: 'node',
    target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning', absWorkingDir: root,
  });
  const json = execFileSync(process.execPath, [bundle], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  JSON.parse(json); // fail here, not in the linter, if the entry printed anything but the document
  fs.writeFileSync(out, json);
  console.log(`wrote ${path.relative(root, out)}`);
} finally {
  fs.rmSync(bundle, { force: true });
}
