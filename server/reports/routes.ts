// Harvest reports: HTML (printable, charts inline) and markdown, as the user may see the harvest, in
// the language asked for (?lang=) or else the reader's own; and the report's stylesheet.
import type { Ctx, RouteDef } from '../http/types';
import { Reply } from '../http/types';
import { reportData } from './data';
import { drawCharts } from './charts';
import { REPORT_CSS_PATH, reportHtml } from './html';
import { reportMarkdown } from './markdown';
import { REPORT_CSS } from './stylesheet';

async function html(ctx: Ctx) {
  const d = await reportData(ctx, ctx.params.id);
  return reportHtml(d, drawCharts(d));
}

async function markdown(ctx: Ctx) {
  const d = await reportData(ctx, ctx.params.id);
  return new Reply(200, reportMarkdown(d), { 'Content-Disposition': `inline; filename="harvest-report-${d.harvest.id.slice(0, 8)}.md"` });
}

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/harvests/:id/report.html', tag: 'reports', summary: 'The harvest report: questions, outcomes by goal with their substantiation, selected stories, indicators, charts (printable)', access: 'user', query: 'harvests#/$defs/reportQuery', produces: 'text/html', handler: html },
  { method: 'get', path: '/api/harvests/:id/report.md', tag: 'reports', summary: 'The harvest report as markdown', access: 'user', query: 'harvests#/$defs/reportQuery', produces: 'text/markdown', handler: markdown },
  { method: 'get', path: REPORT_CSS_PATH, tag: 'reports', summary: "The harvest report's stylesheet (screen and print)", access: 'public', produces: 'text/css', handler: async () => new Reply(200, REPORT_CSS, { 'Cache-Control': 'public, max-age=3600' }) },
];
