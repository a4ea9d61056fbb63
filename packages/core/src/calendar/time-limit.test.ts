import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from '../errors/calendar-error.js';
import { extendLimit, limitWorkingMinutes, type TimeLimit } from './time-limit.js';

describe('limitWorkingMinutes', () => {
  it('counts each kind of limit in working minutes', () => {
    expect(limitWorkingMinutes({ workingDays: 3 }, 480)).toBe(1440);
    expect(limitWorkingMinutes({ workingDays: 0.5, counting: 'elapsed' }, 480)).toBe(240);
    expect(limitWorkingMinutes({ workingHours: 4 }, 480)).toBe(240);
    expect(limitWorkingMinutes({ calendarDays: 5 }, 480)).toBe(2400);
    expect(limitWorkingMinutes({ calendarDays: 0 }, 480)).toBe(480);
    expect(limitWorkingMinutes({ sameDay: true }, 480)).toBe(480);
  });
});

describe('extendLimit', () => {
  it('adds working days to a limit in working days, keeping its counting and cut-off', () => {
    expect(extendLimit({ workingDays: 10, cutoff: '15:00' }, 5)).toEqual({
      workingDays: 15,
      cutoff: '15:00',
    });
    const limit: TimeLimit = { workingHours: 8 };
    expect(extendLimit(limit, 0)).toBe(limit);
  });

  it('refuses extra days on another kind of limit, or a bad number, with a typed error naming the field', () => {
    expect(() => extendLimit({ calendarDays: 3 }, 2)).toThrow(CalendarError);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = (() => {
        try {
          extendLimit({ workingDays: 3 }, bad, 'allowances[0].workingDays');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(CalendarError);
      expect((error as CalendarError).field).toBe('allowances[0].workingDays');
    }
  });

  it('is additive: extending by a then b is extending by a + b, and the minutes grow by a day each', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(30), fc.nat(30), (days, a, b) => {
        const limit = { workingDays: days };
        expect(extendLimit(extendLimit(limit, a), b)).toEqual(extendLimit(limit, a + b));
        expect(limitWorkingMinutes(extendLimit(limit, a), 480)).toBe(
          limitWorkingMinutes(limit, 480) + a * 480,
        );
      }),
    );
  });
});
