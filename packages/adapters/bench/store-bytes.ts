/**
 * `pnpm bench:store-bytes <dir>`: bytes per closed dossier of the SQLite stores a run wrote, e.g.
 * the main job's (`examples/main-job`, `--out <dir>`: `<dir>/motcua.sqlite` and
 * `<dir>/agencies/*.sqlite`, the liaison's member agencies). Each file is copied (with its WAL),
 * checkpointed and VACUUMed, then measured: page_count × page_size, indexes included, by table and
 * index (dbstat); closed dossiers are counted across the stores (`status = 'done'`), parents at the
 * desk and members at the agencies alike. Also printed: the pages' bytes in use (without the free
 * space of partly filled pages) and the share of objects that fill one page or less (a store's
 * fixed cost, whatever its number of dossiers: the smaller the run, the larger its share).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: tsx bench/store-bytes.ts <dir with motcua.sqlite and agencies/*.sqlite>');
  process.exit(2);
}
const agencies = join(dir, 'agencies');
const files = [
  join(dir, 'motcua.sqlite'),
  ...(existsSync(agencies)
    ? readdirSync(agencies)
        .filter((f) => f.endsWith('.sqlite'))
        .sort()
        .map((f) => join(agencies, f))
    : []),
].filter((f) => existsSync(f));

const work = mkdtempSync(join(tmpdir(), 'motcua-store-bytes-'));
const byName = new Map<string, number>();
let total = 0;
let used = 0;
let small = 0;
let closed = 0;
let dossiers = 0;
const perFile: string[] = [];
try {
  for (const file of files) {
    const copy = join(work, 'store.sqlite');
    for (const suffix of ['', '-wal']) {
      if (existsSync(file + suffix)) copyFileSync(file + suffix, copy + suffix);
      else rmSync(copy + suffix, { force: true });
    }
    const db = new Database(copy);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
      db.exec('VACUUM');
      const bytes =
        (db.pragma('page_count', { simple: true }) as number) *
        (db.pragma('page_size', { simple: true }) as number);
      const c = db.prepare("SELECT count(*) FROM dossiers WHERE status = 'done'").pluck().get() as number;
      dossiers += db.prepare('SELECT count(*) FROM dossiers').pluck().get() as number;
      const rows = db
        .prepare(
          'SELECT name, sum(pgsize) AS bytes, sum(pgsize - unused) AS used, count(*) AS pages FROM dbstat GROUP BY name',
        )
        .all() as { name: string; bytes: number; used: number; pages: number }[];
      for (const r of rows) {
        byName.set(r.name, (byName.get(r.name) ?? 0) + r.bytes);
        used += r.used;
        if (r.pages === 1) small += r.bytes;
      }
      total += bytes;
      closed += c;
      perFile.push(`${basename(file)} ${bytes.toLocaleString('en-US')} B, ${c} closed`);
    } finally {
      db.close();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const per = (n: number): string => Math.round(n / closed).toLocaleString('en-US');
console.log(`SQLite stores in ${dir}: ${files.length} files, ${dossiers} dossiers, ${closed} closed`);
console.log(`  ${perFile.join('; ')}`);
console.log(
  `  bytes per closed dossier: ${per(total)} B (file after VACUUM, indexes included; goal ≤ 4,096 B)   in use ${per(used)} B   objects of one page ${per(small)} B`,
);
console.log(
  `  by table and index: ${[...byName]
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${per(bytes)}`)
    .join(', ')}`,
);
