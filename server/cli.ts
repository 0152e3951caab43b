// Command-line tasks: migrate, seed-demo. (Backup, restore and key rotation join here.)
import { ConfigError, loadConfig } from './config';
import { createContext } from './context';
import { migrateLatest } from './db/knex';
import { seedReference } from '../seeds/reference';
import { seedDemo } from '../seeds/demo';

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
