import { defineConfig } from 'tsup';

/** One entry per subpath export; the database drivers and vitest stay external (optional peers). */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // Subpath entries sit beside index (dist/text.js …) and share chunks with it.
    text: 'src/text/index.ts',
    phone: 'src/phone/index.ts',
    smpp: 'src/smpp/index.ts',
    'sqlite/index': 'src/sqlite/index.ts',
    'postgres/index': 'src/postgres/index.ts',
    // ESM only in package.json (vitest, which it imports, cannot be required): its CommonJS files
    // are built with the rest but left out of the tarball by "files".
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  // Shared chunks in both formats: one copy of each module (and of each error class) whichever
  // entries a program loads.
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  shims: true,
  external: ['better-sqlite3', 'pg', 'vitest', '@motcua/core', '@motcua/core/calendar', '@motcua/sql'],
});
