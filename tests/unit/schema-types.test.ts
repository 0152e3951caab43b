// The types of bodies are generated from the schemas (scripts/schema-types.mjs): the committed
// file must be what the schemas give today, or a schema change would land without its types.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

test('when the schemas are compiled to types, then server/generated/schemas.ts is what they give', () => {
  const root = path.resolve(__dirname, '../..');
  expect(() => execFileSync(process.execPath, ['scripts/schema-types.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
});
