import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

/** One vitest run for the whole workspace; workspace packages resolve to their sources. */
export default defineConfig({
  resolve: {
    alias: {
      '@motcua/core/testing': fileURLToPath(new URL('./packages/core/src/testing/index.ts', import.meta.url)),
      '@motcua/core/liaison-nats': fileURLToPath(
        new URL('./packages/core/src/liaison-nats/index.ts', import.meta.url),
      ),
      '@motcua/core/calendar': fileURLToPath(
        new URL('./packages/core/src/calendar/index.ts', import.meta.url),
      ),
      '@motcua/core/forms': fileURLToPath(new URL('./packages/core/src/forms/index.ts', import.meta.url)),
      '@motcua/core/simulation': fileURLToPath(
        new URL('./packages/core/src/simulation/index.ts', import.meta.url),
      ),
      '@motcua/core': src('core'),
      '@motcua/procedures': src('procedures'),
      '@motcua/notify-sms/text': fileURLToPath(
        new URL('./packages/notify-sms/src/text/index.ts', import.meta.url),
      ),
      '@motcua/notify-sms/phone': fileURLToPath(
        new URL('./packages/notify-sms/src/phone/index.ts', import.meta.url),
      ),
      '@motcua/notify-sms/smpp': fileURLToPath(
        new URL('./packages/notify-sms/src/smpp/index.ts', import.meta.url),
      ),
      '@motcua/notify-sms/sqlite': fileURLToPath(
        new URL('./packages/notify-sms/src/sqlite/index.ts', import.meta.url),
      ),
      '@motcua/notify-sms/postgres': fileURLToPath(
        new URL('./packages/notify-sms/src/postgres/index.ts', import.meta.url),
      ),
      '@motcua/notify-sms/testing': fileURLToPath(
        new URL('./packages/notify-sms/src/testing/index.ts', import.meta.url),
      ),
      '@motcua/notify-sms': src('notify-sms'),
      '@motcua/adapters/sqlite': fileURLToPath(
        new URL('./packages/adapters/src/sqlite/index.ts', import.meta.url),
      ),
      '@motcua/adapters/postgres': fileURLToPath(
        new URL('./packages/adapters/src/postgres/index.ts', import.meta.url),
      ),
      '@motcua/adapters/memory': fileURLToPath(
        new URL('./packages/adapters/src/memory/index.ts', import.meta.url),
      ),
      '@motcua/adapters': src('adapters'),
      '@motcua/sql/sqlite': fileURLToPath(new URL('./packages/sql/src/sqlite/index.ts', import.meta.url)),
      '@motcua/sql/postgres': fileURLToPath(new URL('./packages/sql/src/postgres/index.ts', import.meta.url)),
      '@motcua/sql/testing': fileURLToPath(new URL('./packages/sql/src/testing/index.ts', import.meta.url)),
      '@motcua/sql': src('sql'),
    },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
      'examples/*/test/**/*.test.ts',
      'tools/**/*.test.ts',
    ],
    env: { TZ: process.env.TZ ?? 'UTC' },
    // A guard against hangs, not a speed goal (those live in the benchmarks): property tests of
    // 500 runs and the loopback servers take seconds on a loaded 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
