import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { runCommand } from './run-command.js';

/** What the linters said about one tarball. */
export interface LintReport {
  /** Problems: each fails the check. */
  readonly problems: readonly string[];
  /** publint suggestions, printed but not failing. */
  readonly notes: readonly string[];
}

/**
 * publint on the tarball: errors and warnings fail (as `publint --strict`), suggestions are notes.
 */
export async function runPublint(tarball: string): Promise<LintReport> {
  const data = readFileSync(tarball);
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  const { messages, pkg } = await publint({ pack: { tarball: buffer }, level: 'suggestion' });
  const text = (m: (typeof messages)[number]) =>
    `publint ${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`;
  return {
    problems: messages.filter((m) => m.type !== 'suggestion').map(text),
    notes: messages.filter((m) => m.type === 'suggestion').map(text),
  };
}

/** One attw problem: its kind, where (entrypoint, resolution kind, files) and other details. */
interface AttwProblem {
  readonly kind: string;
  readonly entrypoint?: string;
  readonly resolutionKind?: string;
  readonly [detail: string]: unknown;
}

/** The attw command line of the workspace's pinned @arethetypeswrong/cli. */
function attwBin(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  const manifestPath = require.resolve('@arethetypeswrong/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const bin = manifest.bin.attw;
  if (!bin) throw new Error('@arethetypeswrong/cli has no attw bin');
  return join(dirname(manifestPath), bin);
}

/**
 * "Are the types wrong?" on the tarball, read from the file (no network: attw fetches only with
 * --from-npm). Profile node16: TypeScript's node16/nodenext resolution from ESM and from CJS and
 * `bundler` must all find types that match the JavaScript; the legacy `node10` resolution
 * (`moduleResolution: "node"`, deprecated in TypeScript 6) is not checked, as it ignores `exports`
 * and so cannot see subpaths. An ESM-only export path (no `require` condition) may resolve to ESM
 * from CommonJS: that is what it declares.
 */
export async function runAttw(
  root: string,
  tarball: string,
  esmOnly: ReadonlySet<string>,
): Promise<LintReport> {
  const result = await runCommand(
    process.execPath,
    [attwBin(root), tarball, '--format', 'json', '--profile', 'node16', '--no-color'],
    { cwd: root },
  );
  let parsed: { analysis: { types: unknown; problems?: AttwProblem[] } };
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    return { problems: [`attw failed (exit ${result.code}): ${result.stdout}${result.stderr}`], notes: [] };
  }
  if (!parsed.analysis.types) return { problems: ['attw: the package has no types'], notes: [] };
  const problems = (parsed.analysis.problems ?? [])
    .filter((p) => p.resolutionKind !== 'node10')
    .filter(
      (p) =>
        !(
          p.kind === 'CJSResolvesToESM' &&
          p.resolutionKind === 'node16-cjs' &&
          p.entrypoint !== undefined &&
          esmOnly.has(p.entrypoint)
        ),
    )
    .map(({ kind, ...details }) => {
      const where = Object.entries(details).map(
        ([k, v]) => `${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`,
      );
      return `attw ${kind}: ${where.join(', ')}`;
    });
  return { problems, notes: [] };
}
