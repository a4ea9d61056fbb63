/**
 * `./pnpmw check:packages`: the four published packages as a consumer gets them. Packs each
 * built package with `pnpm pack`, lints the tarballs (publint; "are the types wrong?" on the
 * node16 profile), installs them with npm into a fresh project in a temp directory (our packages
 * from the tarballs only, third-party packages from the registry at their pins), loads every
 * export path from ESM and CommonJS, and type-checks and runs an ESM and a CommonJS consumer of
 * the API, and follows the getting-started guide in a new `npm init -y` project. Exits 1 and lists
 * every problem when anything is wrong.
 *
 * Options: `--keep` keeps the temp directory; `--rebuild-native` compiles better-sqlite3 in the
 * project instead of reusing the workspace's binary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ExportPath, exportPaths } from './export-paths.js';
import { type LintReport, runAttw, runPublint } from './lint-tarball.js';
import { type PackedPackage, packPackage } from './pack-package.js';
import { copyConsumerFiles, loadEveryExport, runApiConsumers } from './run-consumer.js';
import { followGettingStarted } from './run-guide.js';
import { installScratchProject } from './scratch-project.js';
import { testOnlyFiles } from './test-only-files.js';
import { peerPins, publishablePackages, readManifest } from './workspace-packages.js';

const root = resolve(import.meta.dirname, '..', '..');
const keep = process.argv.includes('--keep');
const rebuildNative = process.argv.includes('--rebuild-native');
const work = mkdtempSync(join(tmpdir(), 'motcua-check-packages-'));
const project = join(work, 'consumer');
const timings: string[] = [];
const problems: string[] = [];

/** Runs one step, records how long it took, and turns a thrown error into a listed problem. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
  const started = performance.now();
  try {
    return await run();
  } catch (error) {
    problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  } finally {
    timings.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** publint and attw on one tarball. */
async function lintTarball(p: PackedPackage): Promise<string[]> {
  const source = readManifest(packages.find((w) => w.name === p.name)?.dir ?? '');
  const esmOnly = new Set(
    exportPaths(p.name, source.exports, p.files)
      .filter((e) => e.kind === 'module' && !e.requirable)
      .map((e) => e.subpath),
  );
  const reports: LintReport[] = [await runPublint(p.tarball), await runAttw(root, p.tarball, esmOnly)];
  for (const note of reports.flatMap((r) => r.notes)) console.log(`  ${p.name}: ${note}`);
  const found = [
    ...reports.flatMap((r) => r.problems),
    ...testOnlyFiles(p.files).map(
      (file) => `test-only module in the tarball: ${file} (move it to test-support/)`,
    ),
  ].map((problem) => `${p.name}: ${problem}`);
  console.log(
    `  ${p.name}: ${found.length === 0 ? 'publint, attw and the test-only check found nothing' : `${found.length} problem(s)`}`,
  );
  return found;
}

const started = performance.now();
const packages = publishablePackages(root);
console.log(`check:packages: ${packages.map((p) => p.name).join(', ')} (in ${work})`);
const rootDev = readManifest(root).devDependencies ?? {};
const thirdParty = {
  ...peerPins(packages),
  '@types/node': rootDev['@types/node'] ?? '20',
  // What the getting-started guide installs besides our packages: tsx to run its program.
  tsx: rootDev.tsx ?? '4',
};

const packed = await step('pack', () =>
  Promise.all(packages.map((p) => packPackage(p, join(work, 'tarballs'), join(root, 'pnpmw')))),
);
/** Installs the tarballs into the scratch project, loads every export path and runs the consumers. */
async function useAsConsumer(packed: readonly PackedPackage[]): Promise<void> {
  const installed = await step('npm install', async () => {
    await installScratchProject({ root, dir: project, packages, packed, thirdParty, rebuildNative });
    const pins = Object.entries(thirdParty).map(([n, v]) => `${n}@${v}`);
    console.log(`  installed the tarballs and ${pins.join(', ')}`);
    return true;
  });
  if (!installed) return;
  copyConsumerFiles(project);
  const paths: ExportPath[] = packed.flatMap((p) =>
    exportPaths(p.name, readManifest(join(project, 'node_modules', p.name)).exports, p.files),
  );
  const loaded = await step('load every export path', () => loadEveryExport(project, paths));
  if (loaded) {
    problems.push(...loaded);
    const modules = paths.filter((p) => p.kind === 'module');
    const required = modules.filter((p) => p.requirable).length;
    console.log(
      `  ${paths.length} export paths: ${modules.length} imported, ${required} required, names compared`,
    );
  }
  const ran = await step('consumers', () => runApiConsumers(root, project));
  for (const line of ran ?? []) console.log(`  ${line}`);
  const followed = await step('getting-started as a newcomer', () =>
    followGettingStarted(root, project, work),
  );
  if (followed) problems.push(...followed);
}

if (packed) {
  for (const p of packed) console.log(`  packed ${p.name}@${p.version}: ${p.files.length} files`);
  // Linting is CPU, installing mostly network: the two run side by side.
  await Promise.all([
    step('publint + attw', async () => {
      for (const p of packed) problems.push(...(await lintTarball(p)));
    }),
    useAsConsumer(packed),
  ]);
}

timings.push(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`  timings: ${timings.join(', ')}`);
if (problems.length > 0) {
  console.error(`\ncheck:packages FAILED (${problems.length} problem(s)); the project is kept in ${work}`);
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}
if (!keep) rmSync(work, { recursive: true, force: true });
console.log('check:packages: ok');
