// Reference data every install needs: the goal frameworks and the change typologies, copied from
// the shared reference folder into seeds/reference/. Loading is idempotent: running it twice
// changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { importFramework, importTypology, FrameworkInput } from '../server/frameworks/service';
import { SEEDS_DIR } from '../server/core/paths';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'reference', file), 'utf8'));

/** Names of frameworks, goals, typologies and categories in French, Arabic and Dutch, where the source lacks them. */
function translations(): Record<string, { fr?: string; ar?: string; nl?: string }> {
  const file = path.join(SEEDS_DIR, 'reference', 'names-i18n.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

type Named = { code?: string; id?: string; name: string; children?: Named[]; name_fr?: string; name_ar?: string; name_nl?: string };

function withNames<T extends Named>(node: T, names: ReturnType<typeof translations>): T {
  const t = names[(node.code ?? node.id)!] ?? {};
  return {
    ...node,
    name_fr: node.name_fr ?? t.fr, name_ar: node.name_ar ?? t.ar, name_nl: node.name_nl ?? t.nl,
    ...(node.children && { children: node.children.map((c: Named) => withNames(c, names)) }),
  };
}

export async function seedReference(db: Knex): Promise<void> {
  const names = translations();
  const frameworks = read('frameworks.json') as FrameworkInput[];
  const typology = read('change-typology.json') as { typologies: Array<{ id: string; name: string; categories?: Array<{ code: string; name: string }> }>; crosswalk_oh_to_gaw: unknown };
  await db.transaction(async (trx) => {
    for (const [i, f] of frameworks.entries()) {
      await importFramework(trx, withNames({ ...f, goals: f.goals.map((g) => withNames(g, names)) }, names), i);
    }
    for (const [i, t] of typology.typologies.entries()) {
      await importTypology(trx, withNames({ ...t, categories: t.categories?.map((c) => withNames(c, names)) }, names), i);
    }
  });
}
