/**
 * Byte budget of the SQLite store (issue #14): the main job's mix of procedures, simulated onto a
 * store file, takes at most 3,000 bytes of page space in use per closed dossier (indexes included,
 * the free space of partly filled pages left out, so that a small run measures what a large one
 * does), and less than a third of the same dossiers written in the schema-2 layout, where the slip
 * was inside every snapshot too. The adapters' benchmark prints the whole file's bytes at scale.
 * History: 2,750 B until migration 009, whose covering index of the summary and index-fact columns
 * (the national index, its drill-down and the statistics forms read it, never the rows with their
 * archives: 7.5 s → 1.9 s for a province-year read cold, 2.7 → 1.9 s warm) costs about 240 B per
 * dossier here (2,679 → 2,915 B; it replaces the received_at index, 54 B); 2,750 B and before it
 * 3,300 B until migrations 007 and 008 — 007's 18 index-fact columns of the summary cost
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
    expect(b.usedPerClosed).toBeLessThanOrEqual(3_000);
    expect(b.usedPerClosed * 3).toBeLessThan(b.schema2UsedPerClosed);
    console.log(
      `SQLite, ${b.closed} closed dossiers: ${Math.round(b.usedPerClosed)} B in use per closed dossier (schema-2 layout: ${Math.round(b.schema2UsedPerClosed)} B)`,
    );
  }, 120_000);
});
