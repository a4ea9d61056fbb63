import { DefinitionError, MotcuaError, vietnamCalendar } from '@motcua/core';
import { describe, expect, it, vi } from 'vitest';
import { birthRegistrationDefinition } from '../birth-registration.js';
import { WINDOW_2018, WINDOW_2025 } from './regimes.js';
import { defineVersions } from './versions.js';

const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('@motcua/core', async (original) => {
  const core = await original<typeof import('@motcua/core')>();
  return {
    ...core,
    defineProcedure: (...args: Parameters<typeof core.defineProcedure>) => {
      built.count += 1;
      return core.defineProcedure(...args);
    },
  };
});

describe('defineVersions: definitions are data, procedures are compiled on first use', () => {
  it('importing the package compiles no procedure', async () => {
    vi.resetModules();
    built.count = 0;
    const procedures = await import('../index.js');
    expect(procedures.catalogueDefinitions).toHaveLength(23);
    expect(built.count).toBe(0);
    // The first use compiles that version only, once.
    const first = procedures.marriageRegistration.version('2025.1-verification');
    expect(built.count).toBe(1);
    expect(procedures.marriageRegistration.version('2025.1-verification')).toBe(first);
    expect(built.count).toBe(1);
  });

  it('orders variants before the standard case in each period, one cache per calendar', () => {
    const birth = defineVersions(birthRegistrationDefinition, [WINDOW_2018, WINDOW_2025]);
    expect(birth.names).toEqual(['2018.1', '2025.1']);
    expect(birth.definition('2018.1').effectiveTo).toBe('2025-06-30');
    built.count = 0;
    const all = birth.versions;
    expect(all.map((p) => p.version)).toEqual(['2018.1', '2025.1']);
    expect(birth.versions).toEqual(all);
    expect(built.count).toBe(2);
    const office = vietnamCalendar();
    const local = birth.versionsOn(office);
    expect(local.every((p) => p.calendar === office)).toBe(true);
    expect(birth.versionsOn(office)[0]).toBe(local[0]);
    expect(built.count).toBe(4);
  });

  it('a bad definition fails when it is compiled, not at import; unknown versions are named', () => {
    const broken = defineVersions(
      (window) => ({ ...birthRegistrationDefinition(window), desk: 'nowhere' }),
      [WINDOW_2025],
    );
    expect(broken.definition('2025.1').desk).toBe('nowhere');
    expect(() => broken.version('2025.1')).toThrow(DefinitionError);
    try {
      broken.version('2024.1');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MotcuaError);
      expect((e as MotcuaError).code).toBe('UNKNOWN_PROCEDURE');
      expect((e as MotcuaError).field).toBe('version');
    }
  });
});
