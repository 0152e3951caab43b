// Writes a benchmark's figures into its own section of bench/README.md, replacing the last run's.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../server/core/paths';

export function writeSection(key: string, heading: string, body: string): void {
  const file = path.join(ROOT, 'bench', 'README.md');
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\nFigures, not pass/fail. Each section is rewritten by its command.\n';
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const section = `${start}\n## ${heading}\n\n\`npm run ${key}\`\n\n${body}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  fs.writeFileSync(file, re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}\n`);
}
