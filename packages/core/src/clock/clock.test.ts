/** `SimulatedClock.nowMs`: the time `now()` gives, without a `Date`. */
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from './clock.js';

describe('SimulatedClock.nowMs', () => {
  it('equals now().getTime() at the start, after set and after advance', () => {
    const clock = new SimulatedClock('2026-02-12T08:00:00+07:00');
    expect(clock.nowMs()).toBe(clock.now().getTime());
    clock.set('2026-02-12T09:30:00.250+07:00');
    expect(clock.nowMs()).toBe(clock.now().getTime());
    clock.advance({ hours: 2, ms: 5 });
    expect(clock.nowMs()).toBe(Date.parse('2026-02-12T11:30:00.255+07:00'));
    expect(clock.nowMs()).toBe(clock.now().getTime());
  });
});
