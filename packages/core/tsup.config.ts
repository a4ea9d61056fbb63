import { defineConfig, type Options } from 'tsup';

const common: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'node20',
  // import.meta.url in the CommonJS build (simulateInWorkers finds its worker beside itself).
  shims: true,
  tsconfig: 'tsconfig.build.json',
  external: ['vitest', 'nats'],
};

export default defineConfig([
  {
    ...common,
    entry: {
      index: 'src/index.ts',
      // Subpath entries sit beside index (dist/calendar.js …), so the simulation finds its worker
      // beside itself in both formats.
      calendar: 'src/calendar/index.ts',
      forms: 'src/forms/index.ts',
      simulation: 'src/simulation/index.ts',
      // ESM only in package.json (vitest, which it imports, cannot be required): its CommonJS files
      // are built with the rest but left out of the tarball by "files".
      'testing/index': 'src/testing/index.ts',
      'liaison-nats/index': 'src/liaison-nats/index.ts',
    },
    // Shared chunks in both formats: one copy of each module (and of each error class) whichever
    // entries a program loads.
    splitting: true,
    clean: true,
  },
  {
    ...common,
    // Loaded by path in worker threads by simulateInWorkers (beside index.js / index.cjs). Built
    // on its own, without the CommonJS chunk splitting, which turns its `import()` of the setup
    // module (ESM or CommonJS, named by the caller) into `require()`.
    entry: { 'simulation-worker': 'src/simulation/simulation-worker.ts' },
    splitting: false,
    clean: false,
  },
]);
