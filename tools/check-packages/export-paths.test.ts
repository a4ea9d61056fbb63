import { describe, expect, it } from 'vitest';
import { exportPaths } from './export-paths.js';

const dual = (base: string) => ({
  import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
  require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
});

describe('exportPaths', () => {
  it('lists every subpath with how it loads, ESM-only when there is no require condition', () => {
    const exports = {
      '.': dual('index'),
      './testing': { types: './dist/testing/index.d.ts', default: './dist/testing/index.js' },
      './package.json': './package.json',
    };
    expect(exportPaths('@motcua/core', exports, [])).toEqual([
      { specifier: '@motcua/core', subpath: '.', kind: 'module', requirable: true },
      { specifier: '@motcua/core/testing', subpath: './testing', kind: 'module', requirable: false },
      { specifier: '@motcua/core/package.json', subpath: './package.json', kind: 'json', requirable: false },
    ]);
  });

  it('expands a * pattern to each published file it matches', () => {
    const files = ['dist/index.js', 'sql/sqlite/001_init.sql', 'sql/postgres/001_init.sql', 'src/sql.ts'];
    const paths = exportPaths('@motcua/adapters', { '.': dual('index'), './sql/*': './sql/*' }, files);
    expect(paths.filter((p) => p.subpath === './sql/*')).toEqual([
      {
        specifier: '@motcua/adapters/sql/sqlite/001_init.sql',
        subpath: './sql/*',
        kind: 'file',
        requirable: false,
      },
      {
        specifier: '@motcua/adapters/sql/postgres/001_init.sql',
        subpath: './sql/*',
        kind: 'file',
        requirable: false,
      },
    ]);
  });

  it('fails on a pattern that matches nothing and on a package without exports', () => {
    expect(() => exportPaths('p', { './sql/*': './sql/*' }, ['dist/index.js'])).toThrow(
      'p: exports["./sql/*"] matches no published file',
    );
    expect(() => exportPaths('p', undefined, [])).toThrow('p: package.json has no "exports"');
  });

  it('reads a bare string or a condition object as the "." export and skips blocked subpaths', () => {
    expect(exportPaths('p', './index.js', [])).toEqual([
      { specifier: 'p', subpath: '.', kind: 'module', requirable: false },
    ]);
    expect(exportPaths('p', { require: './index.cjs', import: './index.js' }, [])).toEqual([
      { specifier: 'p', subpath: '.', kind: 'module', requirable: true },
    ]);
    expect(exportPaths('p', { '.': './index.js', './internal/*': null }, [])).toHaveLength(1);
  });
});
