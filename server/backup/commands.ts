// The command-line tasks of issue 8 (server/cli.ts runs them): backup, restore, tombstones-export,
// tombstones-apply, and report (a harvest report printed to PDF).
import type { Config } from '../core/config';
import { ConfigError } from '../core/config';
import { createContext } from '../context';
import { applyTombstoneFile, backupSqlite, exportTombstones, PG_ROUTE, readTombstones, restoreSqlite, sqliteFileOf } from './backup';
import { printReport } from '../reports/print';
import { isLanguage } from '../reference/language';

const flag = (args: string[], name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const VALUED = ['--tombstones', '--harvest', '--pdf', '--view'];
const positional = (args: string[]) => args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1]));

function needFile(args: string[], usage: string): string {
  const [file] = positional(args);
  if (!file) throw new ConfigError(`usage: ${usage}`);
  return file;
}

export function interopCommands(config: () => Config): Record<string, (args: string[]) => Promise<void>> {
  return {
    async backup(args) {
      const file = needFile(args, 'backup <file>');
      const c = config();
      if (!sqliteFileOf(c.databaseUrl)) throw new ConfigError(PG_ROUTE);
      const ctx = createContext(c);
      try {
        await backupSqlite(ctx.db, file);
        console.log(`database copied to ${file}; copy ${c.dataDir}/files beside it (evidence files), and keep the secrets file apart`);
      } finally {
        await ctx.db.destroy();
      }
    },
    async restore(args) {
      const file = needFile(args, 'restore <file> [--tombstones <file>] [--without-live-tombstones]');
      const c = config();
      const live = sqliteFileOf(c.databaseUrl);
      if (!live) throw new ConfigError(PG_ROUTE);
      const carriedFile = flag(args, '--tombstones');
      const r = await restoreSqlite({ live, backup: file, dataDir: c.dataDir, carried: carriedFile ? readTombstones(carriedFile) : undefined, withoutLive: args.includes('--without-live-tombstones') });
      console.log(`restored ${file}; ${r.tombstones} consent tombstone(s) applied`);
      if (r.replaced) console.log(`the database it replaced is kept at ${r.replaced}: delete it once you are satisfied (it holds personal data)`);
    },
    async 'tombstones-export'(args) {
      const file = needFile(args, 'tombstones-export <file>');
      const ctx = createContext(config());
      try {
        console.log(`${await exportTombstones(ctx.db, file)} tombstone(s) written to ${file}`);
      } finally {
        await ctx.db.destroy();
      }
    },
    async 'tombstones-apply'(args) {
      const file = needFile(args, 'tombstones-apply <file>');
      const c = config();
      const ctx = createContext(c);
      try {
        console.log(`${await applyTombstoneFile(ctx.db, c.dataDir, file)} tombstone(s) applied`);
      } finally {
        await ctx.db.destroy();
      }
    },
    async report(args) {
      const harvest = flag(args, '--harvest');
      const pdf = flag(args, '--pdf');
      const as = flag(args, '--as');
      const lang = flag(args, '--lang') ?? 'en';
      if (!harvest || !pdf || !isLanguage(lang)) {
        throw new ConfigError('usage: report --harvest <id> --pdf <file> [--as <e-mail of a user>] [--lang en|fr|ar|nl] (without --as: the published view)');
      }
      const ctx = createContext(config());
      try {
        await printReport(ctx, harvest, pdf, as, lang);
        console.log(`harvest report (${as ? `as ${as} sees it` : 'published view'}) printed to ${pdf}`);
      } finally {
        await ctx.db.destroy();
      }
    },
  };
}
