import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a package.json the checks read. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly exports?: unknown;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
}

/** One publishable workspace package. */
export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly manifest: Manifest;
}

/** Reads a package.json. */
export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Every package under `packages/` that is not private: what gets published. */
export function publishablePackages(root: string): WorkspacePackage[] {
  const base = join(root, 'packages');
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(base, entry.name))
    .filter((dir) => readdirSync(dir).includes('package.json'))
    .map((dir) => ({ dir, manifest: readManifest(dir) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, manifest }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The third-party packages a consumer installs beside ours: every peer dependency of a published
 * package (the optional drivers and vitest) at the exact version that package develops against
 * (its devDependency pin), so that every subpath can load.
 */
export function peerPins(packages: readonly WorkspacePackage[]): Record<string, string> {
  const names = new Set(packages.map((p) => p.name));
  const pins: Record<string, string> = {};
  for (const { manifest } of packages) {
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      if (names.has(peer)) continue;
      const pin = manifest.devDependencies?.[peer];
      if (!pin) throw new Error(`${manifest.name}: peer dependency ${peer} has no devDependency pin`);
      if (pins[peer] && pins[peer] !== pin) {
        throw new Error(`peer dependency ${peer} is pinned to both ${pins[peer]} and ${pin}`);
      }
      pins[peer] = pin;
    }
  }
  return pins;
}
