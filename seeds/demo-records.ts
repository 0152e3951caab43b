// Demo records of the later modules (outcomes, harvests, stories, …) hang off this function.
import type { AppContext } from '../server/http/types';
import type { Db } from '../server/db/knex';
import type { DemoIds } from './demo';

export async function seedDemoRecords(_app: AppContext, _db: Db, _ids: DemoIds): Promise<void> {
  // filled in as record kinds land
}
