// Codebook exchange with qualitative-analysis software: the goal frameworks (not codable at the
// framework level, every goal codable) and the themes, as a REFI-QDA codebook; and a codebook
// coming back as themes. Goals are reference data and stay as they are; a theme is matched by the
// guid Oogst gave it, or by its name under the same parent, and created otherwise — through the
// themes service, so the same checks, revisions and audit apply. All in one transaction. A REFI-QDA
// project (.qdpx) is read for its codebook; codes whose guids a tool renewed are known by name.
import type { Ctx } from '../http/types';
import { Reply } from '../http/types';
import { Problem } from '../http/problem';
import { OKABE_ITO } from '../../client/charts/common';
import * as themes from '../themes/service';
import { CodeNode, codebookXml, guidOf, parseCodebook } from './qdc';
import { entryBytes, isZip, PART_IN_MEMORY, zipEntries } from '../imports/xlsx/zip';
import { XlsxRefused } from '../imports/xlsx/refused';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Node = Row & { code: string; parent: string | null };

const THEMES_ROOT = guidOf('themes');
const MAX_CODES = 5000;

function tree(rows: Node[], node: (r: Node, children: CodeNode[]) => CodeNode, parent: string | null = null): CodeNode[] {
  return rows.filter((r) => r.parent === parent).map((r) => node(r, tree(rows, node, r.code)));
}

export async function exportCodebook(ctx: Ctx) {
  const frameworks = await ctx.db('frameworks').orderBy(['position', 'id']).select('id', 'name', 'version');
  const goals = (await ctx.db('goals').orderBy(['depth', 'position']).select('code', 'name', 'description', 'parent_code', 'framework_id'))
    .map((g: Row): Node => ({ ...g, code: g.code, parent: g.parent_code ?? null }));
  const codes: CodeNode[] = frameworks.map((f: Row, i: number) => ({
    guid: guidOf(`framework:${f.id}`), name: f.name, codable: false, color: OKABE_ITO[i % OKABE_ITO.length],
    description: `Oogst goal framework ${f.id}${f.version ? `, version ${f.version}` : ''}`,
    children: tree(goals.filter((g) => g.framework_id === f.id), (g, children) => ({ guid: guidOf(`goal:${g.code}`), name: `${g.code} ${g.name}`, codable: true, description: g.description, children })),
  }));
  const themeRows = (await ctx.db('themes').orderBy('code')).map((t: Row): Node => ({ ...t, code: t.code, parent: t.parent_code ?? null }));
  codes.push({
    guid: THEMES_ROOT, name: 'Themes', codable: false, color: OKABE_ITO[frameworks.length % OKABE_ITO.length], description: 'Oogst themes',
    children: tree(themeRows, (t, children) => ({ guid: guidOf(`theme:${t.code}`), name: t.name, codable: true, description: t.description, children })),
  });
  return new Reply(200, codebookXml(codes, 'Oogst'), { 'Content-Disposition': 'attachment; filename="oogst-codebook.qdc"' });
}

/** A new theme code from a name: lower-case ASCII words joined by hyphens, unique. */
function codeFor(name: string, guid: string, taken: Set<string>): string {
  const base = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '')
    || `theme-${guid.slice(0, 8).toLowerCase()}`;
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  taken.add(code);
  return code;
}

type Tally = { created: string[]; updated: string[]; unchanged: string[] };

async function importNode(ctx: Ctx, n: CodeNode, parent: string | null, existing: Row[], taken: Set<string>, tally: Tally): Promise<void> {
  const name = n.name.trim();
  if (!name || name.length > 300) throw new Problem('unprocessable', 'A code has no name, or one over 300 characters', [{ path: `/codes/${n.guid}`, message: 'needs a name of 1 to 300 characters' }]);
  const known = existing.find((t) => guidOf(`theme:${t.code}`) === n.guid)
    ?? existing.find((t) => (t.parent_code ?? null) === parent && t.name.toLowerCase() === name.toLowerCase());
  const description = n.description?.trim() || null;
  let code: string;
  if (!known) {
    code = codeFor(name, n.guid, taken);
    await themes.create({ ...ctx, body: { code, name, description, parentCode: parent } });
    tally.created.push(code);
  } else {
    code = known.code;
    const same = known.name === name && (known.description ?? null) === description && (known.parent_code ?? null) === parent;
    if (!same) await themes.update({ ...ctx, params: { code }, body: { name, description, parentCode: parent } });
    (same ? tally.unchanged : tally.updated).push(code);
  }
  for (const child of n.children) await importNode(ctx, child, code, existing, taken, tally);
}

const NOT_A_CODEBOOK = () => new Problem('unprocessable', 'The file is not a REFI-QDA codebook (.qdc) or project (.qdpx)', [{
  path: '/file', message: 'is not a REFI-QDA codebook or project: in ATLAS.ti, NVivo, MAXQDA, QualCoder or Taguette, export the codebook (.qdc) or the project (.qdpx, REFI-QDA)',
}]);
/** A project file is a zip with the project's XML, project.qde, inside. */
async function codebookText(buf: Buffer): Promise<string> {
  if (!isZip(buf)) return buf.toString('utf8');
  try {
    const qde = [...zipEntries(buf).values()].find((e) => /(^|\/)[^/]+\.qde$/i.test(e.name));
    if (!qde) throw NOT_A_CODEBOOK();
    return (await entryBytes(buf, qde, PART_IN_MEMORY)).toString('utf8');
  } catch (e) {
    if (e instanceof Problem) throw e;
    throw new Problem('unprocessable', 'The project file cannot be read', [{ path: '/file', message: e instanceof XlsxRefused ? e.message : 'the .qdpx archive is damaged' }]);
  }
}

export async function importCodebook(ctx: Ctx) {
  const nodes = ctx.file && parseCodebook(await codebookText(ctx.file.buffer));
  if (!nodes) throw NOT_A_CODEBOOK();
  const count = (list: CodeNode[]): number => list.reduce((n, c) => n + 1 + count(c.children), 0);
  if (count(nodes) > MAX_CODES) throw new Problem('unprocessable', `A codebook of more than ${MAX_CODES} codes is not taken`, [{ path: '/file', message: 'has too many codes' }]);
  const goalGuids = new Set<string>([
    ...(await ctx.db('frameworks').pluck('id')).map((id: string) => guidOf(`framework:${id}`)),
    ...(await ctx.db('goals').pluck('code')).map((c: string) => guidOf(`goal:${c}`)),
  ]);
  // a tool may give every code a fresh guid on export (QualCoder does): goals are then known by
  // their code before the name ("NL-IV-1.3 …"), frameworks and the themes' root by their names
  const goalCodes = new Set<string>(await ctx.db('goals').pluck('code'));
  const frameworkNames = new Set<string>((await ctx.db('frameworks').pluck('name')).map((x: string) => x.trim().toLowerCase()));
  const isReference = (n: CodeNode) => goalGuids.has(n.guid) || goalCodes.has(n.name.trim().split(/\s+/)[0]) || frameworkNames.has(n.name.trim().toLowerCase());
  const isThemesRoot = (n: CodeNode, parent: string | null) => n.guid === THEMES_ROOT || (parent === null && !n.codable && n.name.trim().toLowerCase() === 'themes');
  const existing: Row[] = await ctx.db('themes').select('code', 'name', 'description', 'parent_code');
  const taken = new Set(existing.map((t) => t.code));
  const tally: Tally = { created: [], updated: [], unchanged: [] };
  const walk = async (list: CodeNode[], parent: string | null) => {
    for (const n of list) {
      if (isThemesRoot(n, parent)) await walk(n.children, null);
      else if (isReference(n)) continue; // goals are reference data: never themes
      else await importNode(ctx, n, parent, existing, taken, tally);
    }
  };
  await walk(nodes, null);
  return { created: tally.created.length, updated: tally.updated.length, unchanged: tally.unchanged.length, themes: [...tally.created, ...tally.updated, ...tally.unchanged] };
}
