// Runs a TypeScript entry (a benchmark, a one-off task) by bundling it with esbuild into dist/
// (so server/core/paths.ts finds the project root) and running the bundle with the given arguments.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
const bundle = path.join(root, 'dist', `.run-${path.basename(entry, '.ts')}.${process.pid}.cjs`);
try {
  await build({
    entryPoints: [entry], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    packages: 'external', logLevel: 'warning', absWorkingDir: root, sourcemap: 'inline',
  });
  // the bundle reads XLSX through worker threads, which load dist/xlsx-worker.js beside it
  await build({
    entryPoints: { 'xlsx-worker': 'server/imports/xlsx/worker.ts' }, outdir: path.join(root, 'dist'), bundle: true, platform: 'node',
    target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning', absWorkingDir: root, sourcemap: true,
  });
  const r = spawnSync(process.execPath, [...(process.env.RUN_TS_NODE_ARGS ?? '').split(' ').filter(Boolean), '--enable-source-maps', bundle, ...args], { cwd: root, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  fs.rmSync(bundle, { force: true });
}
