// The data folder is the server's user's alone: a new one is made 0700 with a database (and its
// WAL and shm) 0600; one left 755/644 by an older version or a copied backup is corrected at start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../server/db/knex';
import { secureDataFolder } from '../../server/core/data-folder';

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-modes-')); });
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);

test('when the embedded database is created, then its folder is 0700 and the file, WAL and shm are 0600', async () => {
  const dir = path.join(tmp, 'data');
  const file = path.join(dir, 'oogst.sqlite');
  const db = createDb(`sqlite://${file}`);
  await db.raw('CREATE TABLE t (x TEXT)');
  await db.raw("INSERT INTO t VALUES ('x')");
  try {
    expect([dir, file, `${file}-wal`, `${file}-shm`].map(mode)).toEqual(['700', '600', '600', '600']);
  } finally {
    await db.destroy();
  }
});

test('when the data folder was left 755 with files 644, then the start corrects it, its subfolders and files', () => {
  const dir = path.join(tmp, 'data');
  fs.mkdirSync(path.join(dir, 'files'), { recursive: true, mode: 0o755 });
  fs.chmodSync(dir, 0o755);
  for (const f of ['oogst.sqlite', 'oogst.sqlite-wal', 'files/abc']) fs.writeFileSync(path.join(dir, f), 'x', { mode: 0o644 });
  expect(secureDataFolder(dir)).toBe(5);
  expect([dir, path.join(dir, 'files')].map(mode)).toEqual(['700', '700']);
  expect(['oogst.sqlite', 'oogst.sqlite-wal', 'files/abc'].map((f) => mode(path.join(dir, f)))).toEqual(['600', '600', '600']);
  expect(secureDataFolder(dir)).toBe(0); // nothing left to change
});
