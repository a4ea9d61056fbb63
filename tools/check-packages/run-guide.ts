import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mustRun } from './run-command.js';
import { readManifest } from './workspace-packages.js';

/** What the getting-started guide tells a newcomer to do, read from the guide itself. */
export interface GuideSteps {
  /** Every package its `npm install` lines name, with the major version asked for (when given). */
  readonly installs: readonly { readonly name: string; readonly major?: number }[];
  /** The file name it says to save the program as. */
  readonly file: string;
  /** The program, as the guide shows it. */
  readonly program: string;
  /** The command it says to run. */
  readonly run: readonly string[];
  /** The output it shows, line by line. */
  readonly output: readonly string[];
}

/** Reads the newcomer's steps out of `docs/guides/getting-started.md`. */
export function readGuideSteps(guide: string): GuideSteps {
  const install = /## Install[\s\S]*?```sh\n([\s\S]*?)```/.exec(guide);
  if (!install) throw new Error('getting-started: no ```sh block under ## Install');
  const installs = install[1]!
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.startsWith('npm install'))
    .flatMap((line) => line.split(/\s+/).slice(2))
    .filter((word) => !word.startsWith('-'))
    .map((spec) => {
      const at = spec.lastIndexOf('@');
      if (at <= 0) return { name: spec };
      return { name: spec.slice(0, at), major: Number.parseInt(spec.slice(at + 1), 10) };
    });
  const save = /Save this as `([^`]+)` and run `([^`]+)`/.exec(guide);
  if (!save) throw new Error('getting-started: no "Save this as `…` and run `…`" sentence');
  const program = /<!-- first-engine\.ts -->\n```ts\n([\s\S]*?)```/.exec(guide);
  if (!program) throw new Error('getting-started: no ```ts block after <!-- first-engine.ts -->');
  const output = /<!-- first-engine output -->\n```\n([\s\S]*?)```/.exec(guide);
  if (!output) throw new Error('getting-started: no ``` block after <!-- first-engine output -->');
  return {
    installs,
    file: save[1]!,
    program: program[1]!,
    run: save[2]!.split(/\s+/),
    output: output[1]!.trimEnd().split('\n'),
  };
}

/**
 * The getting-started guide followed as a newcomer would, against the packed packages: a fresh
 * directory set up by `npm init -y` (npm writes `"type": "commonjs"`), the packages its install
 * lines name (those of the scratch project, installed from the tarballs: each must be there, at the
 * major the guide asks for), the program copied out of the guide under the name it gives, run with
 * the command it gives; its output must be the one the guide shows. Returns the problems.
 */
export async function followGettingStarted(root: string, project: string, work: string): Promise<string[]> {
  const steps = readGuideSteps(readFileSync(join(root, 'docs', 'guides', 'getting-started.md'), 'utf8'));
  const problems: string[] = [];
  for (const { name, major } of steps.installs) {
    const dir = join(project, 'node_modules', name);
    if (!existsSync(join(dir, 'package.json'))) {
      problems.push(
        `getting-started: the install line names ${name}, which the packed packages do not bring`,
      );
      continue;
    }
    const version = readManifest(dir).version ?? '';
    if (major !== undefined && Number.parseInt(version, 10) !== major) {
      problems.push(
        `getting-started: the guide asks for ${name}@${major}, the packages work with ${version}`,
      );
    }
  }
  const dir = join(work, 'newcomer');
  mkdirSync(dir, { recursive: true });
  await mustRun('npm', ['init', '-y', '--loglevel=error'], { cwd: dir });
  // The packages as `npm install` put them in the scratch project (from the tarballs).
  symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, steps.file), steps.program);
  const [command, ...args] = steps.run;
  if (command !== 'npx') problems.push(`getting-started: runs ${command}, expected npx`);
  const { stdout } = await mustRun(join(dir, 'node_modules', '.bin', args[0]!), args.slice(1), { cwd: dir });
  const lines = stdout.trimEnd().split('\n');
  if (JSON.stringify(lines) !== JSON.stringify(steps.output)) {
    problems.push(
      `getting-started: the program printed\n${stdout}\nnot what the guide shows\n${steps.output.join('\n')}`,
    );
  }
  const type =
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: string }).type ?? '(none)';
  if (problems.length === 0)
    console.log(`  getting-started followed in a new npm project (type ${type}): output as shown`);
  return problems;
}
