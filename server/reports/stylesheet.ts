// The stylesheet of the harvest report, on screen and on paper (A4). Served as a file of its own
// (GET /api/reports/report.css): the report page allows no inline style.
export const REPORT_CSS = `
:root { color: #1a1a1a; background: #fff; font: 16px/1.5 system-ui, "Noto Sans", "Noto Sans Arabic", sans-serif; }
body { margin: 0; }
.report { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 2rem; margin: 0.2rem 0 1rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 1rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.25rem; }
h3 { font-size: 1.2rem; margin: 2rem 0 0.75rem; }
h4 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; }
h5 { font-size: 0.95rem; margin: 0.9rem 0 0.2rem; color: #595959; }
.kicker, .meta, figcaption, .note { color: #595959; }
.meta { font-size: 0.9rem; margin: 0 0 0.5rem; }
.label { font-weight: 600; margin-inline-end: 0.4rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.note { border-inline-start: 4px solid #E69F00; padding: 0.4rem 0.8rem; background: #fff8e6; }
.outcome, .story { border-top: 1px solid #d9d9d9; padding-top: 0.5rem; margin-top: 1rem; }
.reasoning { background: #f4f8fb; padding: 0.4rem 0.8rem; border-inline-start: 4px solid #56B4E9; }
.story-text { font-style: italic; }
figure { margin: 1.5rem 0; }
figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: start; padding: 0.35rem 0.5rem; border-bottom: 1px solid #d9d9d9; vertical-align: top; }
thead th { border-bottom: 2px solid #1a1a1a; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  :root { font-size: 10.5pt; }
  .report { max-width: none; padding: 0; }
  h2 { break-before: page; }
  header + section h2 { break-before: auto; }
  h2, h3, h4, h5 { break-after: avoid; }
  .outcome, .story, figure, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
