// Spreadsheet imports for the crash drill: a CSV of outcomes made from the import template's own
// columns, checked (dry run) and committed. Each row's title carries the import's tag, so the
// drill can count afterwards whether an import is wholly there or wholly absent.
import type { Instance } from '../../bench/servers';

export type ImportTry = { tag: string; rows: number; committed: boolean };

const ROWS = 25;
const VALUES: Record<string, string> = {
  description: 'Imported during the crash drill.', socialActorName: 'District council', socialActorType: 'local_government',
  changeType: 'OH-POLICY', quadrant: 'GAW-RULES', occurredOn: '2024-03', country: 'ML', significance: 'It matters.',
  contribution: 'We helped.', positive: 'yes', intended: 'yes', sensitivity: 'public', language: 'en', primaryGoal: 'NL-IV-1.3', otherGoals: 'PART',
};
let header: string[] | undefined;

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Checks and commits one import; the try is recorded before the commit is sent, so a kill mid-commit is still judged. */
export async function importOnce(i: Instance, cookie: string, tag: string, tries: ImportTry[]): Promise<void> {
  const headers = { cookie, origin: i.base };
  header ??= (await (await fetch(`${i.base}/api/imports/template.csv?kind=outcomes`, { headers })).text()).replace(/^\ufeff/, '').trim().split(',');
  const lines = [header.join(','), ...Array.from({ length: ROWS }, (_x, n) => header!.map((h) => cell(h === 'title' ? `Import ${tag} ${n}` : VALUES[h] ?? '')).join(','))];
  const form = new FormData();
  form.append('format', 'csv');
  form.append('kind', 'outcomes');
  form.append('file', new Blob([lines.join('\r\n')], { type: 'text/csv' }), `drill-${tag}.csv`);
  const dry = await fetch(`${i.base}/api/imports`, { method: 'POST', headers, body: form });
  const report = await dry.json();
  if (dry.status !== 201 || report.status !== 'validated') throw new Error(`import dry run: ${dry.status} ${JSON.stringify(report).slice(0, 300)}`);
  const t: ImportTry = { tag, rows: ROWS, committed: false };
  tries.push(t);
  const done = await fetch(`${i.base}/api/imports/${report.id}/commit`, { method: 'POST', headers });
  if (done.status !== 200) throw new Error(`import commit: ${done.status} ${await done.text()}`);
  t.committed = true;
}
