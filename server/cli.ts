// Command-line tasks: migrate, seed-demo, purge-expired, rotate-key. (Backup and restore join here.)
import { ConfigError, loadConfig } from './core/config';
import { createContext } from './context';
import { migrateLatest } from './db/knex';
import { seedReference } from '../seeds/reference';
import { seedDemo } from '../seeds/demo';
import { purgeExpired } from './substantiations/retention';
import { createDb } from './db/knex';
import { rotateKey } from './crypto/rotate-command';
import { interopCommands } from './backup/commands';

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  async migrate() {
    const ctx = createContext(loadConfig());
    await migrateLatest(ctx.db);
    await seedReference(ctx.db);
    console.log('database migrated, reference data loaded');
    await ctx.db.destroy();
  },
  async 'seed-demo'() {
    const config = loadConfig();
    if (config.env === 'production') throw new ConfigError('the demo data is never loaded in production mode');
    const ctx = createContext(config);
    await migrateLatest(ctx.db);
    await seedReference(ctx.db);
    await seedDemo(ctx);
    console.log('demo data loaded; log in as partner@oogst.test with password oogst-demo');
    await ctx.db.destroy();
  },
  async 'purge-expired'() {
    const config = loadConfig();
    const ctx = createContext(config);
    await migrateLatest(ctx.db);
    const n = await purgeExpired(ctx.db, config.substantiatorRetentionDays);
    console.log(`erased the names and contacts of ${n} substantiator(s) past ${config.substantiatorRetentionDays} days after their harvest closed`);
    await ctx.db.destroy();
  },
  async 'rotate-key'(args) {
    const config = loadConfig();
    const db = createDb(config.databaseUrl);
    try {
      const r = await rotateKey(db, config, process.env, { retireOld: args.includes('--retire-old') });
      console.log(`re-encrypted ${r.values} value(s) in ${r.rows} row(s) and ${r.files} file(s) under key ${r.keyId} (${r.mode})`);
      for (const [column, n] of Object.entries(r.columns)) console.log(`  ${column}: ${n}`);
      if (r.lookalikes) console.log(`  ${r.lookalikes} value(s) only look encrypted (typed text): left as they are`);
      if (r.retired.length) console.log(`  retired key(s): ${r.retired.join(', ')}`);
      if (r.instructions) console.log(r.instructions);
      for (const [where, n] of Object.entries(r.unreadable)) console.error(`  ${where}: ${n} value(s) no configured key opens`);
      if (Object.keys(r.unreadable).length) throw new ConfigError('some values could not be decrypted (see above): add the missing key and run rotate-key again');
      if (r.remaining) throw new Error(`${r.remaining} value(s) are still under an older key; run rotate-key again`);
    } finally {
      await db.destroy();
    }
  },
  // backup, restore, tombstones-export, tombstones-apply, report --harvest <id> --pdf <file>
  ...interopCommands(() => loadConfig()),
};

const [command, ...args] = process.argv.slice(2);
const run = COMMANDS[command];
if (!run) {
  console.error(`usage: node dist/cli.js <${Object.keys(COMMANDS).join('|')}>`);
  process.exit(2);
}
run(args).catch((err) => {
  console.error(err instanceof ConfigError ? `Oogst: ${err.message}` : err);
  process.exit(1);
});
