// Paging and comma-separated filters, as DESIGN.md's list conventions say.
export type Page = { page: number; pageSize: number };

export function pageOf(q: { page?: string; pageSize?: string }, defaultSize = 50): Page {
  return { page: q.page ? Number(q.page) : 1, pageSize: q.pageSize ? Number(q.pageSize) : defaultSize };
}

export function listOf(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

export const listReply = <T>(items: T[], total: number, p: Page) => ({ items, total, page: p.page, pageSize: p.pageSize });
