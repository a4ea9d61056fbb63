import { defineConfig } from 'tsup';

/** One entry per subpath export; core and @motcua/sql stay external, the database drivers and vitest too (optional peers). */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    dvcqg: 'src/dvcqg/index.ts',
    'sector-webhook': 'src/sector-webhook/index.ts',
    'sqlite/index': 'src/sqlite/index.ts',
    'postgres/index': 'src/postgres/index.ts',
    // ESM only in package.json (vitest, which it imports, cannot be required): its CommonJS files
    // are built with the rest but left out of the tarball by "files".
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  shims: true,
  external: ['@motcua/core', '@motcua/sql', 'luxon', 'better-sqlite3', 'pg', 'vitest'],
});
