import { vietnamCalendar } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { deskWhatIf } from './staffing-what-if.js';

describe('the main job staffing what-if', () => {
  it('compares one fewer, the current and one more officer at the busiest desk field: waits fall as officers grow', async () => {
    const r = await deskWhatIf({
      calendar: vietnamCalendar(),
      start: '2026-08-17',
      days: 10,
      perDay: 160,
      seeds: 3,
    });
    expect(r.field).toBe('tu-phap-ho-tich');
    expect(r.variants).toHaveLength(3);
    const waits = r.variants.map((v) => v.fields[r.field]!.waitMean.mean);
    expect(waits[0]).toBeGreaterThan(waits[1]!);
    expect(waits[1]).toBeGreaterThanOrEqual(waits[2]!);
  });
});
