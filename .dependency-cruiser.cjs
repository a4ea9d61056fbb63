// The module map of motcua, checked by `pnpm check:layers` (part of `pnpm test`).
// @motcua/core's folders form layers: a folder imports only from its own layer and the ones before
// it (docs/guides/architecture.md). Plugins use core's public entries only; core imports no plugin.
/** Core's layers, lowest first; folders on one row may import each other (no cycles, though). */
const layers = [
  ['errors', 'clock', 'validation'],
  ['calendar'],
  ['model'],
  ['slip'],
  ['procedure'],
  ['deadlines', 'report'],
  ['store', 'forms'],
  ['engine'],
  ['liaison'],
  ['liaison-nats', 'simulation'],
  ['testing'],
];
const core = 'packages/core/src';
const folders = (rows) => `^${core}/(${rows.flat().join('|')})/`;
const layerRules = layers.slice(0, -1).map((row, i) => ({
  name: `layer-${row.join('+')}`,
  severity: 'error',
  comment: `${row.join(', ')} may not import from a later layer (${layers
    .slice(i + 1)
    .flat()
    .join(', ')})`,
  // Tests may reach anything; fixtures and harnesses live in test-support/ beside src.
  from: { path: folders([row]), pathNot: '\\.test\\.ts$' },
  to: { path: folders(layers.slice(i + 1)) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module may not reach itself through its imports.',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'core-imports-no-plugin',
      severity: 'error',
      from: { path: `^${core}/` },
      to: { path: '^packages/(adapters|notify-sms|procedures|connectors|sql)/' },
    },
    {
      name: 'sql-imports-no-motcua-package',
      severity: 'error',
      comment:
        '@motcua/sql is the shared SQL plumbing under the stores: it imports no other workspace package.',
      from: { path: '^packages/sql/' },
      to: { path: '^packages/(?!sql/)' },
    },
    {
      name: 'packages-use-public-sql-entries',
      severity: 'error',
      comment: 'Packages import @motcua/sql through its published entries, never its internals.',
      from: { path: '^packages/(?!sql/)' },
      to: {
        path: '^packages/sql/',
        pathNot: '^packages/sql/src/(index|sqlite/index|postgres/index|testing/index)\\.ts$',
      },
    },
    {
      name: 'plugins-use-public-entries',
      severity: 'error',
      comment: 'Packages import @motcua/core through its published entries, never its internals.',
      from: { path: '^packages/(adapters|notify-sms|procedures|connectors)/' },
      to: {
        path: `^${core}/`,
        pathNot: `^${core}/(index|testing/index|liaison-nats/index|calendar/index|forms/index|simulation/index)\\.ts$`,
      },
    },
    {
      name: 'published-code-imports-no-tests',
      severity: 'error',
      from: { path: '^packages/[^/]+/src/', pathNot: '\\.test\\.ts$|/testing/|/test-support/' },
      to: { path: '\\.test\\.ts$|/test-support/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.js'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
    },
  },
};
