// The data folder holds the database, its WAL and the encrypted files: readable by the server's
// own user only. Created 0700 (its files 0600), and corrected at start, since folders made by an
// older version, a restore or a hand-copied backup came with the umask's 755 and 644. Symbolic
// links are left alone: what they point at is not ours to change.
import fs from 'node:fs';
import path from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Creates a folder (and its parents) for the server's user only; an existing one keeps its mode. */
export function makePrivateDir(dir: string): void {
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

/** Creates an empty SQLite file 0600 before SQLite opens it: its WAL and shm files take its mode. */
export function makePrivateDbFile(file: string): void {
  makePrivateDir(path.dirname(file));
  fs.closeSync(fs.openSync(file, 'a', FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, FILE_MODE);
}

function chmodIfThere(p: string, mode: number): void {
  try {
    fs.chmodSync(p, mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // a file removed meanwhile
  }
}

/** Sets the data folder and everything under it to 0700 (folders) and 0600 (files); returns the entries changed. */
export function secureDataFolder(dir: string): number {
  makePrivateDir(dir);
  let changed = 0;
  const walk = (d: string) => {
    if ((fs.statSync(d).mode & 0o777) !== DIR_MODE) { chmodIfThere(d, DIR_MODE); changed += 1; }
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && (fs.statSync(p).mode & 0o777) !== FILE_MODE) { chmodIfThere(p, FILE_MODE); changed += 1; }
    }
  };
  walk(dir);
  return changed;
}
