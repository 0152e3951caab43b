// The same as bench/report.ts, for the plain-JavaScript benchmarks.
import fs from 'node:fs';
import path from 'node:path';

export function writeSection(key, heading, body) {
  const file = path.resolve(import.meta.dirname, 'README.md');
  const old = fs.readFileSync(file, 'utf8');
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const section = `${start}\n## ${heading}\n\n\`npm run ${key}\`\n\n${body}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  fs.writeFileSync(file, re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}\n`);
}
