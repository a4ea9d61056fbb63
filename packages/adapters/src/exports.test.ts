import * as root from '@motcua/adapters';
import * as memory from '@motcua/adapters/memory';
import * as postgres from '@motcua/adapters/postgres';
import * as sqlite from '@motcua/adapters/sqlite';
import { MemoryStore } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import tsup from '../tsup.config.js';

describe('@motcua/adapters exports', () => {
  it('exports every store and error by name from the root and from its subpath', () => {
    expect(Object.keys(root).sort()).toEqual(
      [
        'MemoryStore',
        'PostgresStore',
        'SqliteStore',
        'StoreError',
        'StoreFullError',
        'StoreLockedError',
        'StoreNotMigratedError',
        'StoreUnavailableError',
        'isTransientPostgresError',
        'postgresMigrations',
        'sqliteMigrations',
        'transientPostgresConditions',
      ].sort(),
    );
    expect(sqlite.SqliteStore).toBe(root.SqliteStore);
    expect(postgres.PostgresStore).toBe(root.PostgresStore);
    expect(postgres.transientPostgresConditions).toBe(root.transientPostgresConditions);
    expect(memory.MemoryStore).toBe(MemoryStore);
    expect(root.MemoryStore).toBe(MemoryStore);
    expect(sqlite.StoreFullError).toBe(postgres.StoreFullError);
  });

  it('has one tsup entry per subpath export, ESM + CJS + types each, with no side effects', () => {
    const entries = Object.keys((tsup as { entry: Record<string, string> }).entry);
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json' && k !== './sql/*');
    expect(subpaths.map((k) => (k === '.' ? 'index' : `${k.slice(2)}/index`)).sort()).toEqual(entries.sort());
    for (const k of subpaths) {
      const exports = pkg.exports as unknown as Record<
        string,
        { import: { types: string }; require: { types: string } }
      >;
      const e = exports[k]!;
      expect(e.import.types).toMatch(/\.d\.ts$/);
      expect(e.require.types).toMatch(/\.d\.cts$/);
    }
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.peerDependenciesMeta).toEqual({
      'better-sqlite3': { optional: true },
      pg: { optional: true },
    });
  });
});
