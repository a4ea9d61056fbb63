import {
  compileMachine,
  defineProcedure,
  maskPersonalData,
  type Procedure,
  vietnamCalendar,
} from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { catalogue, officer } from '../test-support/catalogue-engine.js';
import {
  CATALOGUE_CODES,
  catalogueVersions,
  createCatalogue,
  procedureFor,
  proceduresInForce,
} from './catalogue.js';
import { catalogueSamples } from './samples.js';
import { isPlaceholderCode } from './shared/codes.js';
import { NATIONAL_CODE_PATTERN, NATIONAL_CODES } from './shared/national-codes.js';
import { ONE_STOP_BASIS } from './shared/regimes.js';
import { variantOf } from './shared/variants.js';

const minutesOf = (p: Procedure) =>
  p.definition.steps.reduce(
    (n, s) => n + ('workingHours' in s.budget ? s.budget.workingHours * 60 : s.budget.workingDays * 480),
    0,
  );

const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('the catalogue', () => {
  it('holds 8 procedures, 23 versions, every one defined again from its definition without error', () => {
    expect(Object.keys(CATALOGUE_CODES)).toHaveLength(8);
    expect(new Set(catalogueVersions().map((p) => p.code)).size).toBe(8);
    expect(catalogueVersions()).toHaveLength(23);
    expect(createCatalogue().all()).toHaveLength(23);
    for (const p of catalogueVersions()) {
      expect(() => defineProcedure({ ...p.definition })).not.toThrow();
      expect(p.lifecycle).toBe('standard');
    }
  });

  it('uses a national code where two sources confirm it, a placeholder otherwise', () => {
    const confirmed = new Set<string>(Object.values(NATIONAL_CODES).map((e) => e.code));
    for (const [name, code] of Object.entries(CATALOGUE_CODES)) {
      if (isPlaceholderCode(code)) expect(code, name).not.toMatch(NATIONAL_CODE_PATTERN);
      else {
        expect(code, name).toMatch(NATIONAL_CODE_PATTERN);
        expect(confirmed.has(code), name).toBe(true);
      }
    }
    expect(
      Object.entries(CATALOGUE_CODES)
        .filter(([, c]) => isPlaceholderCode(c))
        .map(([n]) => n),
    ).toEqual(['childHealthInsurance', 'enterpriseRegistration', 'judicialRecord']);
  });

  it('budgets fit every limit; same-day steps fit between the 15:00 cut-off and the 17:00 close', () => {
    for (const p of catalogueVersions()) {
      const limit = p.definition.timeLimit;
      const total = minutesOf(p);
      if ('sameDay' in limit) {
        expect(limit.cutoff).toBe('15:00');
        expect(total, `${p.code}@${p.version}`).toBeLessThanOrEqual(120);
      } else if ('workingDays' in limit) {
        expect(total, `${p.code}@${p.version}`).toBeLessThanOrEqual(limit.workingDays * 480);
        // Some slack is left for the return at the desk.
        expect(total).toBeLessThan(limit.workingDays * 480);
      } else {
        throw new Error(`unexpected limit in ${p.code}@${p.version}`);
      }
      const [first] = p.definition.steps;
      expect(first?.unit).toBe(p.definition.desk);
      expect(first?.kind).toBe('transfer');
      expect(p.definition.steps.filter((s) => s.issuesDecision)).toHaveLength(1);
      expect(p.definition.permissions.APOLOGIZE).toEqual(['agency-head']);
      expect(p.definition.supplementation).toEqual({ clock: 'restart', maxRequests: 1 });
      // No fee amount is confirmed in a legal text: none is invented.
      expect(p.definition.fees).toEqual([]);
    }
  });

  it('cites the one-stop rules of its regime', () => {
    for (const p of catalogueVersions()) {
      for (const line of ONE_STOP_BASIS[p.definition.regime]) expect(p.definition.legalBasis).toContain(line);
      const other = p.definition.regime === '2018' ? '2025' : '2018';
      expect(p.definition.legalBasis).not.toContain(ONE_STOP_BASIS[other][0]);
    }
  });

  it('has contiguous periods per procedure and case, from Decree 61 (21/06/2018) on', () => {
    const registry = createCatalogue();
    for (const code of Object.values(CATALOGUE_CODES)) {
      const byVariant = new Map<string, Procedure[]>();
      for (const p of registry.versions(code)) {
        byVariant.set(variantOf(p), [...(byVariant.get(variantOf(p)) ?? []), p]);
      }
      const standard = byVariant.get('standard')!;
      expect(standard[0]?.definition.effectiveFrom).toBe('2018-06-21');
      expect(standard[standard.length - 1]?.definition.effectiveTo).toBeUndefined();
      for (const list of byVariant.values()) {
        for (let i = 1; i < list.length; i++) {
          expect(list[i]!.definition.effectiveFrom).toBe(dayAfter(list[i - 1]!.definition.effectiveTo!));
          expect(list[i]!.definition.effectiveFrom > list[i - 1]!.definition.effectiveFrom).toBe(true);
        }
      }
    }
  });

  it('inForce picks each procedure by receipt date, the standard case when variants share the period', () => {
    const registry = catalogue();
    const expected: Record<string, [string, string][]> = {};
    for (const code of Object.values(CATALOGUE_CODES)) {
      expected[code] = [
        ['2018-06-21', '2018.1'],
        ['2021-09-15', '2018.1'],
        ['2025-06-30', '2018.1'],
        ['2025-07-01', '2025.1'],
        ['2026-06-30', '2025.1'],
        ['2026-07-01', code === CATALOGUE_CODES.judicialRecord ? '2026.1' : '2025.1'],
        ['2026-12-31', code === CATALOGUE_CODES.judicialRecord ? '2026.1' : '2025.1'],
      ];
    }
    for (const [code, cases] of Object.entries(expected)) {
      for (const [date, version] of cases) {
        expect(registry.inForce(code, date).version, `${code} on ${date}`).toBe(version);
        expect(procedureFor(registry, code, date).version).toBe(version);
      }
      expect(() => registry.inForce(code, '2018-06-20')).toThrow();
    }
    expect(proceduresInForce(registry, '2026-08-17').map((p) => p.version)).toEqual([
      '2025.1',
      '2025.1',
      '2025.1',
      '2025.1',
      '2025.1',
      '2025.1',
      '2025.1',
      '2026.1',
    ]);
    expect(proceduresInForce(registry, '2017-01-01')).toEqual([]);
  });

  it('binds every version to an office calendar', () => {
    const office = vietnamCalendar({
      officeHours: {
        sessions: [
          { start: '07:00', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
      },
    });
    const registry = createCatalogue({ calendar: office });
    expect(registry.all().every((p) => p.calendar === office)).toBe(true);
    const p = registry.inForce(CATALOGUE_CODES.copyCertification, '2026-03-02');
    expect(office.format(office.dueDate(new Date('2026-03-02T10:00:00+07:00'), p.definition.timeLimit))).toBe(
      '2026-03-02 17:00',
    );
  });

  it('accepts every sample under every version, and masks the people in it', () => {
    const people = [
      '001190012345',
      '001088054321',
      '001195011111',
      '038080033333',
      'Phạm Thị Dung',
      'Đỗ Văn Nam',
    ];
    for (const p of catalogueVersions()) {
      const sample = catalogueSamples[p.code]!;
      const parsed = p.definition.application.safeParse(sample.application);
      expect(parsed.success, `${p.code}@${p.version}`).toBe(true);
      const masked = JSON.stringify(maskPersonalData(p.definition.application, parsed.data));
      for (const secret of people) expect(masked).not.toContain(secret);
    }
  });
});

/** `value` with every local date after `day` moved back to `day`. */
function notAfter(value: unknown, day: string): unknown {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) && value > day ? day : value;
  if (Array.isArray(value)) return value.map((v) => notAfter(v, day));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, notAfter(v, day)]));
  }
  return value;
}

describe('every catalogue version steps on its compiled table as on XState', () => {
  const calendar = vietnamCalendar();
  it('compiles, and gives the same dossiers and errors through receipt, supplement, hand-overs and return', () => {
    for (const version of catalogueVersions()) {
      const p = version.withCalendar(calendar);
      expect(compileMachine(p.machine), `${p.code}@${p.version}`).not.toBeNull();
      const sample = catalogueSamples[p.code]!;
      const desk = officer(p.definition.desk);
      const input = {
        code: 'T-1',
        secret: 'S',
        agency: 'T',
        receivedAt: `${p.definition.effectiveFrom}T09:00:00+07:00`,
        receivedBy: desk,
        channel: p.definition.channels[0]!,
        applicant: sample.applicant,
        // The samples are dated 2026: an older version's receipt sees them no later than its own day.
        application: notAfter(sample.application, p.definition.effectiveFrom),
      };
      let snapshot = p.receive(input);
      let persisted = p.start(input);
      expect(persisted).toEqual(p.persist(snapshot));
      let at = Date.parse(input.receivedAt);
      const holderEvents = (holder: string) => [
        {
          type: 'REQUEST_SUPPLEMENT' as const,
          actor: officer(holder),
          items: [{ name: 'Giấy tờ' }],
          reason: 'Thiếu',
        },
        { type: 'SUPPLEMENT_RECEIVED' as const, actor: desk },
        { type: 'RETURN_RESULT' as const, actor: desk },
        { type: 'HAND_OVER' as const, actor: officer(holder) },
      ];
      for (let i = 0; i < 20 && snapshot.status !== 'done'; i++) {
        for (const e of holderEvents(snapshot.context.holder)) {
          at += 3_600_000;
          const event = { ...e, at: new Date(at).toISOString() };
          let viaTable: unknown;
          try {
            viaTable = p.step(persisted, event);
          } catch (error) {
            viaTable = error;
          }
          try {
            snapshot = p.apply(snapshot, event);
          } catch (error) {
            expect((viaTable as Error).message, `${p.code}@${p.version} ${e.type}`).toBe(
              (error as Error).message,
            );
            continue;
          }
          expect(viaTable, `${p.code}@${p.version} ${e.type}`).toEqual(p.persist(snapshot));
          persisted = viaTable as typeof persisted;
        }
      }
      expect(snapshot.status, `${p.code}@${p.version}`).toBe('done');
    }
  });
});
