import { describe, expect, it } from 'vitest';
import { testOnlyFiles } from './test-only-files.js';

describe('testOnlyFiles', () => {
  it('names test fixtures, harnesses and setup modules in a tarball, and nothing else', () => {
    expect(
      testOnlyFiles([
        'package/src/test-support.ts',
        'src/liaison/liaison-test-world.ts',
        'src/simulation/simulate-in-workers.setup.ts',
        'src/test-support/smsc.ts',
        'src/forms/forms.test.ts',
        'src/testing/store-conformance.ts',
        'src/shared/versions.ts',
        'dist/testing/index.js',
        'dist/simulation-worker.js',
      ]),
    ).toEqual([
      'package/src/test-support.ts',
      'src/liaison/liaison-test-world.ts',
      'src/simulation/simulate-in-workers.setup.ts',
      'src/test-support/smsc.ts',
      'src/forms/forms.test.ts',
    ]);
  });
});
