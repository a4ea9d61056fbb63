import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { ValidationError } from '../errors/dossier-errors.js';
import { parseStaffingScenario } from './staffing-scenario.js';

const valid = {
  start: '2026-03-02',
  days: 5,
  desk: {
    fields: {
      land: { officers: 3, serviceMinutes: { kind: 'lognormal', mean: 9, sd: 5 }, fromUnit: 'registry' },
      civil: { officers: 2, serviceMinutes: { kind: 'exponential', mean: 6 } },
    },
    visitors: { perWorkingDay: 200, fields: { land: 3, civil: 2 } },
    closing: 'serve',
  },
  dossiers: { perWorkingDay: 50 },
  capacity: { units: { registry: { officers: 6, serviceMinutes: { kind: 'exponential', mean: 40 } } } },
  targets: { visitorsWithinPercent: 90, waitMinutes: 15, onTimePercent: 95 },
};
const calendar = vietnamCalendar();

/** The field named by the error `fn` throws (a ValidationError). */
function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).field;
  }
  throw new Error('expected an error');
}
const withDesk = (patch: (d: typeof valid.desk) => unknown) => ({
  ...valid,
  desk: patch(structuredClone(valid.desk)),
});

describe('parseStaffingScenario', () => {
  it('accepts a valid scenario', () => {
    expect(
      parseStaffingScenario(valid, { calendar, workUnits: new Set(['registry']) }).desk.fields.land?.officers,
    ).toBe(3);
  });

  it('names the field of bad input, never its value', () => {
    expect(
      fieldOf(() =>
        parseStaffingScenario(
          withDesk((d) => ({ ...d, fields: { ...d.fields, land: { ...d.fields.land, officers: -1 } } })),
        ),
      ),
    ).toBe('scenario.desk.fields.land.officers');
    expect(
      fieldOf(() =>
        parseStaffingScenario(
          withDesk((d) => ({ ...d, fields: { ...d.fields, civil: { ...d.fields.civil, officers: 0 } } })),
        ),
      ),
    ).toBe('desk.fields.civil.officers');
    expect(
      fieldOf(() =>
        parseStaffingScenario(withDesk((d) => ({ ...d, visitors: { ...d.visitors, fields: { lnd: 1 } } }))),
      ),
    ).toBe('desk.visitors.fields.lnd');
    expect(
      fieldOf(() =>
        parseStaffingScenario(
          withDesk((d) => ({
            ...d,
            fields: { ...d.fields, civil: { officers: 2, serviceMinutes: { kind: 'fixed', minutes: 300 } } },
          })),
          { calendar },
        ),
      ),
    ).toBe('desk.fields.civil.serviceMinutes');
    expect(fieldOf(() => parseStaffingScenario({ ...valid, targets: { onTimePercent: 120 } }))).toBe(
      'scenario.targets.onTimePercent',
    );
    expect(fieldOf(() => parseStaffingScenario({ ...valid, targets: { visitorsWithinPercent: -5 } }))).toBe(
      'scenario.targets.visitorsWithinPercent',
    );
    expect(
      fieldOf(() =>
        parseStaffingScenario(
          {
            ...valid,
            capacity: {
              units: { registry: { officers: 3, serviceMinutes: { kind: 'fixed', minutes: 30 } } },
            },
          },
          { workUnits: new Set(['registry']) },
        ),
      ),
    ).toBe('capacity.units.registry.officers');
    expect(
      fieldOf(() =>
        parseStaffingScenario({
          ...valid,
          capacity: { units: { registry: { officers: 2, serviceMinutes: { kind: 'fixed', minutes: 30 } } } },
        }),
      ),
    ).toBe('capacity.units.registry.officers');
  });

  it('does not echo a value in the message', () => {
    try {
      parseStaffingScenario({ ...valid, name: 'x'.repeat(500) });
    } catch (e) {
      expect((e as Error).message).not.toContain('xxxxxxxxxx');
    }
  });
});
