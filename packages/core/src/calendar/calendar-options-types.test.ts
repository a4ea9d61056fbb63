/**
 * The calendar's option type comes from its schema (`VietnamCalendarOptionsSchema`): what the type
 * accepts is what the schema checks. Checked by `tsc` (`pnpm typecheck`).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type { OfficeHoursInput } from './office-hours.js';
import { VIETNAM_CIVIL_SERVICE_SCHEDULES, VIETNAM_STATUTORY_ADDITIONS } from './schedules/index.js';
import {
  type VietnamCalendarOptions,
  type VietnamCalendarOptionsSchema,
  vietnamCalendar,
} from './vietnam-calendar.js';

describe('VietnamCalendarOptions: typed by its schema', () => {
  it('is the schema input, field by field', () => {
    expectTypeOf<VietnamCalendarOptions>().toEqualTypeOf<z.input<typeof VietnamCalendarOptionsSchema>>();
    expectTypeOf<VietnamCalendarOptions['officeHours']>().toEqualTypeOf<OfficeHoursInput | undefined>();
    expectTypeOf<VietnamCalendarOptions['sameDayCutoff']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<VietnamCalendarOptions['useDateHolidays']>().toEqualTypeOf<boolean | undefined>();
  });

  it('accepts the shipped (read-only) schedules and refuses a wrong type at compile and run time', () => {
    const options: VietnamCalendarOptions = {
      schedules: VIETNAM_CIVIL_SERVICE_SCHEDULES,
      statutoryAdditions: VIETNAM_STATUTORY_ADDITIONS,
      sameDayCutoff: '15:00',
    };
    expect(vietnamCalendar(options).timeZone).toBe('Asia/Ho_Chi_Minh');
    // @ts-expect-error useDateHolidays is a boolean
    const wrong: VietnamCalendarOptions = { useDateHolidays: 'yes' };
    expect(() => vietnamCalendar(wrong)).toThrow(/useDateHolidays/);
    // @ts-expect-error no such option
    const unknownOption: VietnamCalendarOptions = { timezone: 'Asia/Ho_Chi_Minh' };
    expect(() => vietnamCalendar(unknownOption)).toThrow();
  });
});
