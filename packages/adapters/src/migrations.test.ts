import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { postgresMigrations } from './postgres/migrations.js';
import { sqliteMigrations } from './sqlite/migrations.js';

const sqlDir = (dialect: string) => fileURLToPath(new URL(`../sql/${dialect}/`, import.meta.url));

describe.each([
  ['postgres', postgresMigrations],
  ['sqlite', sqliteMigrations],
] as const)('the %s migrations shipped in code', (dialect, migrations) => {
  it('are exactly the documented .sql files, in order', () => {
    const files = readdirSync(sqlDir(dialect))
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(migrations.map((m) => `${m.name}.sql`)).toEqual(files);
    for (const m of migrations) {
      expect(m.sql, `${m.name}.sql differs from the code: run pnpm sql:embed`).toBe(
        readFileSync(`${sqlDir(dialect)}${m.name}.sql`, 'utf8'),
      );
    }
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('record their own version, so a DBA can apply the files by hand', () => {
    for (const m of migrations) {
      expect(m.sql).toMatch(
        new RegExp(
          `INSERT (OR IGNORE )?INTO motcua_migrations \\(version, name\\) VALUES \\(${m.version}, '${m.name}'\\)`,
        ),
      );
    }
  });

  it('create everything only if absent (idempotent text)', () => {
    for (const m of migrations) {
      for (const stmt of m.sql.match(/CREATE (TABLE|INDEX)[^(]*/g) ?? []) {
        expect(stmt).toMatch(/IF NOT EXISTS/);
      }
    }
  });

  it('keep the snapshot (the only column with personal data) out of every index', () => {
    for (const m of migrations) {
      for (const idx of m.sql.match(/CREATE INDEX[^;]*;/g) ?? []) {
        // The lookup secret (a random code, not personal data) is the one value taken from it.
        const rest = idx.replace("json_extract(snapshot, '$.context.secret')", 'lookup_secret');
        expect(rest).not.toMatch(/snapshot/);
      }
    }
  });
});
