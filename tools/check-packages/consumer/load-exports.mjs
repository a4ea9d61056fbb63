// Loads every export path of the installed @motcua packages with import(), as an ES module
// consumer would, and prints the names each one exports (exports.json lists the paths).
import { readFileSync } from 'node:fs';

const paths = JSON.parse(readFileSync(new URL('./exports.json', import.meta.url), 'utf8'));
const names = {};
for (const { specifier, kind } of paths) {
  if (kind === 'module') {
    const namespace = await import(specifier);
    names[specifier] = Object.keys(namespace)
      .filter((k) => k !== 'default')
      .sort();
    if (names[specifier].length === 0) throw new Error(`${specifier}: exports nothing`);
  } else if (kind === 'json') {
    const { default: json } = await import(specifier, { with: { type: 'json' } });
    if (!specifier.startsWith(json.name))
      throw new Error(`${specifier}: loaded the package.json of ${json.name}`);
  } else {
    const text = readFileSync(new URL(import.meta.resolve(specifier)), 'utf8');
    if (text.length === 0) throw new Error(`${specifier}: empty file`);
  }
}
process.stdout.write(JSON.stringify(names));
