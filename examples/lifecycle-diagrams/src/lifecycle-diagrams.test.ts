/**
 * The committed lifecycle-diagrams guide is what the machines draw now: change a procedure, and
 * this fails until the guide is regenerated.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogueVersions } from '@motcua/procedures';
import { describe, expect, it } from 'vitest';
import { DIAGRAMS_PATH, lifecycleDiagramsMarkdown } from './lifecycle-diagrams.js';

const committedPath = fileURLToPath(new URL(`../../../${DIAGRAMS_PATH}`, import.meta.url));

describe('docs/guides/lifecycle-diagrams.md', () => {
  const generated = lifecycleDiagramsMarkdown();

  it('is the same as the machines draw now', () => {
    const committed = readFileSync(committedPath, 'utf8');
    expect(
      committed === generated,
      `${DIAGRAMS_PATH} is out of date with the procedure machines: run \`./pnpmw diagrams\` and commit the file`,
    ).toBe(true);
  });

  it('has a diagram for every catalogue procedure and every liaison parent', () => {
    const blocks = generated.split('```mermaid\n').slice(1);
    for (const block of blocks) expect(block.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const code of new Set(catalogueVersions().map((p) => p.code))) {
      expect(generated).toContain(`Code \`${code}\`.`);
    }
    expect(generated).toContain('## Liaison parents');
    expect(generated.match(/^### /gm)).toHaveLength(new Set(catalogueVersions().map((p) => p.code)).size + 3);
    // Every version of the catalogue is named under one diagram.
    for (const p of catalogueVersions()) expect(generated).toContain(`\`${p.version}\``);
  });

  it('is deterministic', () => {
    expect(lifecycleDiagramsMarkdown()).toBe(generated);
  });
});
