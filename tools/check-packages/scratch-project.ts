import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type { PackedPackage } from './pack-package.js';
import { mustRun } from './run-command.js';
import { type Manifest, readManifest, type WorkspacePackage } from './workspace-packages.js';

/** What {@link installScratchProject} installs. */
export interface ScratchOptions {
  /** The workspace root. */
  readonly root: string;
  /** The (empty) project directory. */
  readonly dir: string;
  readonly packages: readonly WorkspacePackage[];
  readonly packed: readonly PackedPackage[];
  /** Third-party packages and their exact versions (the peers, @types/node). */
  readonly thirdParty: Readonly<Record<string, string>>;
  /** Compile native drivers from source instead of reusing the workspace's build. */
  readonly rebuildNative: boolean;
}

/** What pnpm sets for the scripts it runs, which would steer npm as if npm ran them. */
const PNPM_SCRIPT_VARIABLES =
  /^(npm_(lifecycle_|package_|command$|execpath$|node_execpath$|config_user_agent$)|pnpm_)/i;

/**
 * The environment for npm: this process's without what pnpm passes to the scripts it runs; npm's
 * own settings (`npm_config_*`: registry, cache, Node headers) are kept.
 */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !PNPM_SCRIPT_VARIABLES.test(key)));
}

/**
 * Writes a consumer project that depends on the tarballs (`file:`; `overrides` make every
 * dependency between our packages resolve to the same tarballs, never to the registry) and on the
 * third-party packages at their pins, and installs it with npm. Install scripts are off; the
 * native SQLite driver is then provided by {@link provideSqliteDriver}.
 */
export async function installScratchProject(options: ScratchOptions): Promise<void> {
  const { dir, packed } = options;
  mkdirSync(dir, { recursive: true });
  const ours = Object.fromEntries(packed.map((p) => [p.name, `file:${relative(dir, p.tarball)}`]));
  const manifest = {
    name: 'motcua-consumer',
    version: '0.0.0',
    private: true,
    dependencies: { ...ours, ...options.thirdParty },
    overrides: Object.fromEntries(packed.map((p) => [p.name, `$${p.name}`])),
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await mustRun(
    'npm',
    ['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    {
      cwd: dir,
      env: npmEnv(),
    },
  );
  verifyOrigins(dir, packed);
  if (options.thirdParty['better-sqlite3']) await provideSqliteDriver(options);
}

/**
 * Each of our packages installed once, at the top, from its tarball, with no `workspace:` range
 * left in its manifest.
 */
function verifyOrigins(dir: string, packed: readonly PackedPackage[]): void {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { resolved?: string; version?: string }>;
  };
  const names = new Set(packed.map((p) => p.name));
  for (const [path, entry] of Object.entries(lock.packages)) {
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (!names.has(name)) continue;
    if (path !== `node_modules/${name}`) throw new Error(`${name} installed a second time at ${path}`);
    if (!entry.resolved?.startsWith('file:')) {
      throw new Error(`${name} was installed from ${entry.resolved ?? 'an unknown place'}, not its tarball`);
    }
  }
  for (const p of packed) {
    const installed: Manifest = readManifest(join(dir, 'node_modules', p.name));
    const ranges = { ...installed.dependencies, ...installed.peerDependencies };
    for (const [dep, range] of Object.entries(ranges)) {
      if (range.startsWith('workspace:')) throw new Error(`${p.name}: dependency ${dep} is still ${range}`);
    }
  }
}

const SQLITE_BINARY = join('build', 'Release', 'better_sqlite3.node');

/**
 * better-sqlite3 is a native addon whose install script compiles it (about 90 s on two cores).
 * The workspace install already compiled the same version for the same Node, so its binary is
 * copied into the consumer's copy of the package (downloaded from the registry like every other
 * third-party package); with `rebuildNative`, or when versions differ, it is compiled again.
 */
async function provideSqliteDriver(options: ScratchOptions): Promise<void> {
  const target = join(options.dir, 'node_modules', 'better-sqlite3');
  const version = readManifest(target).version;
  const owner = options.packages.find((p) => p.manifest.devDependencies?.['better-sqlite3']);
  if (!options.rebuildNative && owner) {
    const require = createRequire(join(owner.dir, 'package.json'));
    const source = dirname(require.resolve('better-sqlite3/package.json'));
    if (readManifest(source).version === version && existsSync(join(source, SQLITE_BINARY))) {
      mkdirSync(dirname(join(target, SQLITE_BINARY)), { recursive: true });
      copyFileSync(join(source, SQLITE_BINARY), join(target, SQLITE_BINARY));
      return;
    }
  }
  await mustRun('npm', ['rebuild', 'better-sqlite3', '--ignore-scripts=false'], {
    cwd: options.dir,
    env: npmEnv(),
  });
}
