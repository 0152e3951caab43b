// HXL hashtags (#affected+f+adults): KoboToolbox writes a row of them under the headers of a form
// whose questions carry them. Both readers (CSV here, XLSX in its worker) read past that row.
const HXL_TAG = /^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$/i;

/** Whether a row holds HXL hashtags only (and at least one). */
export function isHxlRow(row: unknown[] | undefined): boolean {
  const cells = (row ?? []).map((c) => String(c ?? '').trim()).filter(Boolean);
  return cells.length > 0 && cells.every((c) => HXL_TAG.test(c));
}
