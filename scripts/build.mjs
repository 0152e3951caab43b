// Builds the server bundle (dist/server.js, dist/cli.js, and dist/xlsx-worker.js, the entry of the
// worker threads that read XLSX imports; see server/imports/xlsx/pool.ts) and the client (dist/client/) with esbuild.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { schemaTypes, TYPES_FILE } from './schema-types.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
fs.mkdirSync(dist, { recursive: true });
// the types of bodies, from the schemas (server/generated/schemas.ts)
fs.writeFileSync(TYPES_FILE, await schemaTypes());

await build({
  entryPoints: { server: 'server/main.ts', cli: 'server/cli.ts', 'xlsx-worker': 'server/imports/xlsx/worker.ts' },
  outdir: dist, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  packages: 'external', sourcemap: true, logLevel: 'warning', absWorkingDir: root,
});

// Client: hashed file names so browsers cache them for good; index.html points at them.
const clientOut = path.join(dist, 'client');
fs.rmSync(clientOut, { recursive: true, force: true });
const result = await build({
  // splitting: the dashboards, d3, the map and the other languages load on demand (dynamic import)
  entryPoints: ['client/main.ts'], outdir: clientOut, bundle: true, minify: true, format: 'esm', splitting: true,
  target: ['es2022'], entryNames: '[name].[hash]', chunkNames: 'chunk.[hash]', assetNames: '[name].[hash]', metafile: true,
  sourcemap: true, logLevel: 'warning', absWorkingDir: root, loader: { '.css': 'css' },
});
const outputs = Object.keys(result.metafile.outputs).map((f) => path.basename(f));
const js = outputs.find((f) => /^main\.[A-Z0-9]+\.js$/i.test(f));
const css = outputs.find((f) => /^main\.[A-Z0-9]+\.css$/i.test(f));
let html = fs.readFileSync(path.join(root, 'client/index.html'), 'utf8')
  .replace('%SCRIPT%', `/${js}`)
  .replace('%STYLE%', css ? `<link rel="stylesheet" href="/${css}">` : '');
fs.writeFileSync(path.join(clientOut, 'index.html'), html);
for (const f of fs.readdirSync(path.join(root, 'client/public'))) {
  fs.copyFileSync(path.join(root, 'client/public', f), path.join(clientOut, f));
}
const hash = crypto.createHash('sha256').update(html).digest('hex').slice(0, 8);
console.log(`built dist/server.js, dist/cli.js, dist/xlsx-worker.js and dist/client (${js}, index ${hash})`);
