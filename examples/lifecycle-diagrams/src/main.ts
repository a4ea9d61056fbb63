/**
 * Writes docs/guides/lifecycle-diagrams.md from the procedure machines. Run from the repository
 * root with `./pnpmw diagrams`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DIAGRAMS_PATH, lifecycleDiagramsMarkdown } from './lifecycle-diagrams.js';

const path = fileURLToPath(new URL(`../../../${DIAGRAMS_PATH}`, import.meta.url));
const text = lifecycleDiagramsMarkdown();
const before = await readFile(path, 'utf8').catch(() => null);
if (before === text) {
  console.log(`${DIAGRAMS_PATH} is up to date`);
} else {
  await writeFile(path, text);
  const diagrams = text.split('```mermaid').length - 1;
  console.log(`wrote ${DIAGRAMS_PATH}: ${diagrams} diagrams`);
}
