import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** A workspace package's entry source: its main entry, or the subpath entry `sub`. */
const src = (pkg: string, sub?: string) =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${sub ? `${sub}/` : ''}index.ts`, import.meta.url));

/** Workspace packages resolve to their sources (subpaths before their package's main entry). */
const subpaths: Record<string, readonly string[]> = {
  core: ['testing', 'liaison-nats', 'calendar', 'forms', 'simulation'],
  procedures: [],
  'notify-sms': ['text', 'phone', 'smpp', 'sqlite', 'postgres', 'testing'],
  adapters: ['sqlite', 'postgres', 'memory'],
  sql: ['sqlite', 'postgres', 'testing'],
  connectors: ['dvcqg', 'sector-webhook', 'sqlite', 'postgres', 'testing'],
};
const resolve = {
  alias: Object.fromEntries(
    Object.entries(subpaths).flatMap(([pkg, subs]) => [
      ...subs.map((sub) => [`@motcua/${pkg}/${sub}`, src(pkg, sub)]),
      [`@motcua/${pkg}`, src(pkg)],
    ]),
  ),
};

const include = [
  'packages/*/src/**/*.test.ts',
  'examples/*/src/**/*.test.ts',
  'examples/*/test/**/*.test.ts',
  'tools/**/*.test.ts',
];

/**
 * What the unit lane leaves to the full lane, by file: tests that need a server (PostgreSQL,
 * NATS), a browser, worker threads on the built packages, a child process with another time zone,
 * packing, or the main job's setup. Single slow tests inside other files carry the `slow` tag.
 */
const needsMoreThanNode = [
  '**/postgres/**',
  '**/*postgres*.test.ts',
  '**/liaison-nats/**',
  '**/*-nats.test.ts',
  '**/browser.test.ts',
  '**/simulate-in-workers.test.ts',
  '**/process-time-zone.test.ts',
  'tools/check-packages/**',
  '**/*-workers.test.ts',
  'examples/main-job/**',
];

/**
 * The unit lane shares one module graph between the files a worker runs (`isolate: false`, which
 * saves importing core again for every file); a file that replaces a module (`vi.mock`) needs a
 * graph of its own and runs in the isolated project. Found by reading the files: no list to keep.
 */
function filesThatMockModules(): string[] {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const found: string[] = [];
  for (const top of ['packages', 'examples', 'tools']) {
    for (const entry of readdirSync(`${root}${top}`, { recursive: true, encoding: 'utf8' })) {
      const path = `${top}/${entry.replaceAll('\\', '/')}`;
      if (!path.endsWith('.test.ts') || path.includes('/node_modules/')) continue;
      if (/\bvi\.(do)?[mM]ock\(/.test(readFileSync(`${root}${path}`, 'utf8'))) found.push(path);
    }
  }
  return found;
}

const test = (lane: 'unit' | 'full') => ({
  // The lane is the mode's alone: a MOTCUA_TEST_LANE left in the shell cannot lighten the full lane.
  env: { TZ: process.env.TZ ?? 'UTC', MOTCUA_TEST_LANE: lane },
  tags: [
    {
      name: 'slow',
      description: 'full lane only: starts Node processes (tsx) or drives long end-to-end traffic',
    },
  ],
  // A guard against hangs, not a speed goal (those live in the benchmarks): property tests of
  // 500 runs and the loopback servers take seconds on a loaded 2-core machine.
  testTimeout: 30_000,
  hookTimeout: 60_000,
});

/**
 * One vitest run for the whole workspace, in two lanes (docs/guides/contributing.md, "Checks"):
 *
 * - the full lane, `vitest run` (part of `./pnpmw test`, and any targeted run): every file, each in
 *   a fresh module graph, every test at full strength;
 * - the unit lane, `./pnpmw test:unit` (`vitest run --mode unit --tags-filter=!slow`: the tag
 *   filter is on the command line, where it reaches every project): without the files above and
 *   the tests tagged `slow`, with the smaller counts of tools/test-lane/lane.ts, on both cores, the
 *   files of a worker sharing one module graph.
 */
export default defineConfig(({ mode }) => {
  if (mode !== 'unit') return { resolve, test: { ...test('full'), include } };
  const mocking = filesThatMockModules();
  // Projects do not extend the root here: a project's include and exclude would be appended to
  // the root's instead of taking their place.
  const project = (name: string, files: object): TestProjectInlineConfiguration => ({
    resolve,
    // Transformed modules are kept on disk between runs (node_modules/.experimental-vitest-cache,
    // keyed by the files' contents): the second unit run skips most of the TypeScript transforms.
    test: { ...test('unit'), name, experimental: { fsModuleCache: true }, ...files },
  });
  return {
    test: {
      // Both cores: vitest's default leaves one to the main process, which mostly waits once the
      // workers have their module graphs.
      maxWorkers: 2,
      projects: [
        project('unit', {
          include,
          exclude: [...configDefaults.exclude, ...needsMoreThanNode, ...mocking],
          isolate: false,
        }),
        ...(mocking.length > 0 ? [project('unit-isolated', { include: mocking })] : []),
      ],
    },
  };
});
