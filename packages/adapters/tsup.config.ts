import { defineConfig } from 'tsup';

/** One entry per subpath export; the drivers stay external (optional peers, loaded on demand). */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'sqlite/index': 'src/sqlite/index.ts',
    'postgres/index': 'src/postgres/index.ts',
    'memory/index': 'src/memory/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  shims: true,
  external: ['better-sqlite3', 'pg', '@motcua/core', '@motcua/sql'],
});
