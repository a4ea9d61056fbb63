import { describe, expect, it } from 'vitest';
import { MotcuaError } from '../errors/motcua-error.js';
import { defineProcedure } from '../procedure/define-procedure.js';
import { sampleReceipt, testCalendar } from '../testing/fixtures.js';
import { sampleResidenceDefinition } from '../testing/sample-procedure.js';
import { simulate } from './simulate.js';

/*
 * Receipt in a simulation: the version in force on each receipt date, the receipt date given to the
 * samples, and no silent drop of a sample the desk refuses.
 */
const calendar = testCalendar();
const code = sampleResidenceDefinition.code;
// Two versions: the first until Sunday 15/02/2026, the second from Monday 16/02 with a longer limit
// (16–20/02 is Tết: the second version's dossiers arrive from 23/02).
const before = defineProcedure(
  { ...sampleResidenceDefinition, version: 'A', effectiveTo: '2026-02-15' },
  { calendar },
);
const after = defineProcedure(
  { ...sampleResidenceDefinition, version: 'B', effectiveFrom: '2026-02-16', timeLimit: { workingDays: 8 } },
  { calendar },
);
const base = {
  calendar,
  start: '2026-02-09',
  days: 21,
  seed: 3,
  drainDays: 0,
  arrivals: { perWorkingDay: 10 },
  keepRecords: true,
  samples: { [code]: () => sampleReceipt },
} as const;

async function versionsByDate(mode: 'engine' | 'direct'): Promise<Map<string, Set<string>>> {
  const result = await simulate({ ...base, mode, procedures: [after, before] });
  const out = new Map<string, Set<string>>();
  for (const { code: dossier } of await result.target.list()) {
    const { journal } = await result.target.get(dossier);
    const first = journal[0]!;
    // The receipt entry's event names the procedure received as `code@version`.
    const version = String((first.event as { procedure?: string }).procedure).split('@')[1] ?? '';
    const date = calendar.localDate(new Date(first.at));
    const set = out.get(version) ?? new Set<string>();
    set.add(date);
    out.set(version, set);
  }
  return out;
}

describe('simulate: receipt', () => {
  it.each(['engine', 'direct'] as const)(
    'receives each dossier with the version in force on its receipt date (%s mode)',
    async (mode) => {
      const byVersion = await versionsByDate(mode);
      expect([...byVersion.keys()].sort()).toEqual(['A', 'B']);
      for (const d of byVersion.get('A')!) expect(d <= '2026-02-15', d).toBe(true);
      for (const d of byVersion.get('B')!) expect(d >= '2026-02-16', d).toBe(true);
    },
  );

  it('gives the samples the local receipt date', async () => {
    const seen = new Set<string>();
    const result = await simulate({
      ...base,
      mode: 'direct',
      procedures: [before, after],
      samples: {
        [code]: (_i, _r, receivedOn) => {
          seen.add(receivedOn);
          return sampleReceipt;
        },
      },
    });
    expect(result.received).toBeGreaterThan(0);
    expect(
      [...seen].every(
        (d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && calendar.isWorkingDay(new Date(`${d}T12:00:00+07:00`)),
      ),
    ).toBe(true);
    expect(seen.size).toBeGreaterThan(1);
  });

  it('refuses up front a procedure drawn on a day it has no version in force, naming arrivals.mix', async () => {
    const run = simulate({ ...base, mode: 'direct', procedures: [after] });
    await expect(run).rejects.toMatchObject({ code: 'INVALID_OPTION', field: 'arrivals.mix' });
  });

  it.each(['engine', 'direct'] as const)(
    'stops with RECEIPT_REFUSED naming the procedure, version and field of a refused sample, never a silent drop (%s mode)',
    async (mode) => {
      const run = simulate({
        ...base,
        mode,
        procedures: [before, after],
        samples: {
          [code]: (i) =>
            i === 3
              ? { ...sampleReceipt, application: { ...sampleReceipt.application, members: 0 } }
              : sampleReceipt,
        },
      });
      const e = await run.then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(MotcuaError);
      expect(e).toMatchObject({ code: 'RECEIPT_REFUSED', field: `samples.${code}.application.members` });
      expect((e as Error).message).toContain(`${code}@A`);
    },
  );
});

describe('simulate: officers', () => {
  it.each([
    ['vi', 'Cán bộ mô phỏng – '],
    ['en', 'Simulated officer – '],
  ] as const)(
    'names each simulated officer after the unit’s name, not its id (%s)',
    async (language, prefix) => {
      const result = await simulate({
        ...base,
        mode: 'direct',
        procedures: [before, after],
        days: 5,
        language,
      });
      const names = new Map<string, string>();
      for (const { code: dossier } of await result.target.list()) {
        for (const entry of (await result.target.get(dossier)).journal) {
          const actor = entry.actor as { unitId?: string; name?: string } | undefined;
          if (actor?.unitId && actor.name) names.set(actor.unitId, actor.name);
        }
      }
      expect(names.get('desk')).toBe(`${prefix}${sampleResidenceDefinition.units.desk!.name}`);
      expect(names.get('police')).toBe(`${prefix}${sampleResidenceDefinition.units.police!.name}`);
      if (language === 'vi')
        for (const n of names.values()) expect(n).not.toMatch(/Cán bộ (desk|police|leader)\b/);
    },
  );
});
