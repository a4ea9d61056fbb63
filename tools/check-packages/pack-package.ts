import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mustRun } from './run-command.js';
import type { WorkspacePackage } from './workspace-packages.js';

/** A package packed as it would be published. */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  /** Absolute path of the .tgz. */
  readonly tarball: string;
  /** Paths inside the package (`dist/index.js`, …). */
  readonly files: readonly string[];
}

/**
 * Packs a package with `pnpm pack` (as `pnpm publish` would: `workspace:^` becomes a version
 * range) into `destination`. Fails first when the package was not built.
 */
export async function packPackage(
  pkg: WorkspacePackage,
  destination: string,
  pnpm: string,
): Promise<PackedPackage> {
  if (!existsSync(join(pkg.dir, 'dist'))) {
    throw new Error(`${pkg.name}: no dist/ — build the packages first (./pnpmw build)`);
  }
  const { stdout } = await mustRun(pnpm, ['pack', '--json', '--pack-destination', destination], {
    cwd: pkg.dir,
  });
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    name: string;
    version: string;
    filename: string;
    files: { path: string }[];
  };
  return {
    name: report.name,
    version: report.version,
    tarball: report.filename,
    files: report.files.map((f) => f.path),
  };
}
