/**
 * Byte budget of the SQLite store (issue #14): the main job's mix of procedures, simulated onto a
 * store file, takes at most 2,750 bytes of page space in use per closed dossier (indexes included,
 * the free space of partly filled pages left out, so that a small run measures what a large one
 * does), and less than a third of the same dossiers written in the schema-2 layout, where the slip
 * was inside every snapshot too. The adapters' benchmark prints the whole file's bytes at scale.
 * History: 3,300 B until migrations 007 and 008 — 007's 18 index-fact columns of the summary cost
 * about 84 B per dossier (3,234 → 3,318 B); 008 moved a closed dossier's delivered outbox items into
 * its archive (3,234 → 2,558 B without 007's columns).
 */
import { describe, expect, it } from 'vitest';
import { measureStorage } from '../../bench/storage-bytes.js';

describe('SQLite bytes per closed dossier, main job’s mix', () => {
  it('stay within the budget', async () => {
    const b = await measureStorage({ days: 1, perDay: 80 });
    expect(b.closed).toBe(b.dossiers);
    expect(b.closed).toBeGreaterThan(50);
    expect(b.usedPerClosed).toBeLessThanOrEqual(2_750);
    expect(b.usedPerClosed * 3).toBeLessThan(b.schema2UsedPerClosed);
    console.log(
      `SQLite, ${b.closed} closed dossiers: ${Math.round(b.usedPerClosed)} B in use per closed dossier (schema-2 layout: ${Math.round(b.schema2UsedPerClosed)} B)`,
    );
  }, 120_000);
});
