/**
 * Test-only modules must not ship: test fixtures, harnesses and worker setup modules live in each
 * package's `test-support/` folder beside `src/` (not in `files`), tests in `*.test.ts`.
 */
const TEST_ONLY =
  /(^|\/)test-support(\/|\.)|\.test\.[cm]?[jt]sx?$|\.setup\.[cm]?[jt]sx?$|test-world\.[cm]?[jt]sx?$/;

/** The packed files (paths inside the tarball, e.g. `src/test-support.ts`) that are test-only. */
export function testOnlyFiles(files: readonly string[]): string[] {
  return files.filter((f) => TEST_ONLY.test(f.replace(/^package\//, '')));
}
