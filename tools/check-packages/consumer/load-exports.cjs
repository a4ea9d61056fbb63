// Loads every export path that has a `require` condition with require(), as a CommonJS consumer
// would, and prints the names each one exports (exports.json lists the paths).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const paths = JSON.parse(readFileSync(join(__dirname, 'exports.json'), 'utf8'));
const names = {};
for (const { specifier, kind, requirable } of paths) {
  if (kind === 'module') {
    if (!requirable) continue;
    names[specifier] = Object.keys(require(specifier))
      .filter((k) => k !== 'default' && k !== '__esModule')
      .sort();
    if (names[specifier].length === 0) throw new Error(`${specifier}: exports nothing`);
  } else if (kind === 'json') {
    const json = require(specifier);
    if (!specifier.startsWith(json.name))
      throw new Error(`${specifier}: loaded the package.json of ${json.name}`);
  } else {
    const text = readFileSync(require.resolve(specifier), 'utf8');
    if (text.length === 0) throw new Error(`${specifier}: empty file`);
  }
}
process.stdout.write(JSON.stringify(names));
