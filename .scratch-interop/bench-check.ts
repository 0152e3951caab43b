import { createDb, migrateLatest } from '../server/db/knex';
import { seedReference } from '../seeds/reference';
import { checkOutcome } from '../server/outcomes/rules';
import { outcomeBody } from '../tests/helpers/fixtures';
(async () => {
  const db = createDb('sqlite:///tmp/oogst-scratch-check.sqlite');
  await migrateLatest(db); await seedReference(db);
  const o = outcomeBody() as any;
  let t = Date.now();
  for (let i = 0; i < 2000; i++) await checkOutcome(db, o, 'x');
  console.log('2000 checks', Date.now() - t, 'ms');
  await db.destroy();
})();
