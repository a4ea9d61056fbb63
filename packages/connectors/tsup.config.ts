import { defineConfig } from 'tsup';

/** One entry per subpath export; core stays external (a peer of every plugin package). */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    dvcqg: 'src/dvcqg/index.ts',
    'sector-webhook': 'src/sector-webhook/index.ts',
  },
  format: ['esm', 'cjs'],
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  shims: true,
  external: ['@motcua/core', 'luxon'],
});
