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
  const long = defineProcedure(
    {
      ...sampleResidenceDefinition,
      code: 'long',
      units: {
        desk: { name: 'Trung tâm Phục vụ hành chính công cấp xã (Bộ phận Một cửa)' },
        police: { name: 'Bộ phận tiếp nhận và trả kết quả hồ sơ đăng ký cư trú của Công an xã' },
        // A public employee (viên chức) names a role already: no "Cán bộ" before it.
        leader: { name: 'Viên chức Công an xã' },
      },
    },
    { calendar },
  );
  const namesOf = async (language: 'vi' | 'en') => {
    const result = await simulate({
      ...base,
      mode: 'direct',
      procedures: [before, after, long],
      days: 5,
      language,
      samples: { [code]: () => sampleReceipt, long: () => sampleReceipt },
    });
    const names = new Set<string>();
    for (const { code: dossier } of await result.target.list())
      for (const entry of (await result.target.get(dossier)).journal) {
        // The simulated officers (`<unit>-1`), not the engine's own timers.
        const actor = entry.actor as { officerId?: string; name?: string } | undefined;
        if (actor?.officerId?.endsWith('-1') && actor.name) names.add(actor.name);
      }
    return names;
  };

  it('names each simulated officer after the unit’s name, not its id, in Vietnamese by default', async () => {
    const names = await namesOf('vi');
    // The first procedure naming a unit gives its name; a role name is kept as it is.
    expect([...names].sort()).toEqual([
      'Cán bộ Bộ phận một cửa',
      'Cán bộ đăng ký cư trú',
      'Lãnh đạo Công an xã',
    ]);
  });

  it('in English with language: en; every name fits the portal’s 50 characters', async () => {
    expect([...(await namesOf('en'))].sort()).toEqual([
      'Officer – Bộ phận một cửa',
      'Officer – Cán bộ đăng ký cư trú',
      'Officer – Lãnh đạo Công an xã',
    ]);
    const alone = await simulate({
      ...base,
      mode: 'direct',
      procedures: [long],
      days: 5,
      keepRecords: true,
      arrivals: { perWorkingDay: 10, mix: { long: 1 } },
      samples: { long: () => sampleReceipt },
    });
    const names = new Set<string>();
    for (const { code: dossier } of await alone.target.list())
      for (const entry of (await alone.target.get(dossier)).journal) {
        // The simulated officers (`<unit>-1`), not the engine's own timers.
        const actor = entry.actor as { officerId?: string; name?: string } | undefined;
        if (actor?.officerId?.endsWith('-1') && actor.name) names.add(actor.name);
      }
    expect([...names].sort()).toEqual([
      'Cán bộ Bộ phận tiếp nhận và trả kết quả hồ sơ…', // cut at a word
      'Cán bộ Trung tâm Phục vụ hành chính công cấp xã',
      'Viên chức Công an xã',
    ]);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(50);
  });

  it('refuses an unknown language, naming it', async () => {
    await expect(
      simulate({ ...base, mode: 'direct', procedures: [before, after], language: 'fr' as 'vi' }),
    ).rejects.toMatchObject({ code: 'INVALID_OPTION', field: 'language' });
  });
});
