import { defineConfig } from 'tsup';

/** One entry per subpath export, beside index (dist/sqlite.js …); the drivers and vitest stay external. */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    sqlite: 'src/sqlite/index.ts',
    postgres: 'src/postgres/index.ts',
    // ESM only in package.json (vitest, which it imports, cannot be required): its CommonJS files
    // are built with the rest but left out of the tarball by "files".
    testing: 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  // Shared chunks in both formats: one copy of each module whichever entries a program loads.
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  shims: true,
  external: ['pg', 'vitest'],
});
