import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ExportPath } from './export-paths.js';
import { mustRun } from './run-command.js';

const CONSUMER_FILES = join(import.meta.dirname, 'consumer');

/** Names exported by each module path, as printed by the loaders. */
type ExportNames = Record<string, string[]>;

/** Copies the consumer files (loaders, TypeScript consumers, tsconfig) into the project. */
export function copyConsumerFiles(dir: string): void {
  for (const file of readdirSync(CONSUMER_FILES)) copyFileSync(join(CONSUMER_FILES, file), join(dir, file));
}

/**
 * Loads every export path in a fresh ESM process (import) and a fresh CommonJS process (require,
 * for the paths with a `require` condition), and checks that both builds of a path export the
 * same names.
 */
export async function loadEveryExport(dir: string, paths: readonly ExportPath[]): Promise<string[]> {
  writeFileSync(join(dir, 'exports.json'), `${JSON.stringify(paths, null, 2)}\n`);
  const esm = JSON.parse(
    (await mustRun(process.execPath, ['load-exports.mjs'], { cwd: dir })).stdout,
  ) as ExportNames;
  const cjs = JSON.parse(
    (await mustRun(process.execPath, ['load-exports.cjs'], { cwd: dir })).stdout,
  ) as ExportNames;
  const problems: string[] = [];
  for (const [specifier, names] of Object.entries(cjs)) {
    const esmNames = esm[specifier] ?? [];
    const onlyEsm = esmNames.filter((n) => !names.includes(n));
    const onlyCjs = names.filter((n) => !esmNames.includes(n));
    if (onlyEsm.length > 0 || onlyCjs.length > 0) {
      problems.push(
        `${specifier}: the ESM and CommonJS builds differ (only ESM: ${onlyEsm.join(', ') || '-'}; only CJS: ${onlyCjs.join(', ') || '-'})`,
      );
    }
  }
  return problems;
}

/**
 * Type-checks the two consumer files against the installed packages with the workspace's
 * TypeScript (nodenext, library .d.ts files checked too), then runs the compiled ESM and CommonJS
 * files; returns what they printed. Throws on a type error or a failed assertion.
 */
export async function runApiConsumers(root: string, dir: string): Promise<string[]> {
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  await mustRun(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir });
  const lines: string[] = [];
  for (const file of ['out/use-api.mjs', 'out/use-api.cjs']) {
    const { stdout } = await mustRun(process.execPath, [file], { cwd: dir });
    lines.push(stdout.trim());
  }
  return lines;
}
