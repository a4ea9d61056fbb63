/**
 * `engine.statisticsForm({ form: '07b' })`: Biểu II.07b over the registered procedure versions, and
 * its bad input refused naming the field.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/dossier-errors.js';
import { defineProcedure } from '../procedure/define-procedure.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleEngine, testCalendar } from '../testing/fixtures.js';
import { sampleResidenceDefinition } from '../testing/sample-procedure.js';

const withFacts = defineProcedure(
  {
    ...sampleResidenceDefinition,
    implementation: {
      levels: ['commune'],
      mechanism: 'one-stop',
      internalProcesses: [
        { level: 'commune', decision: '575/QĐ-UBND', date: '2026-02-10', issuer: 'UBND tỉnh X' },
      ],
    },
  },
  { calendar: testCalendar() },
);

describe('engine.statisticsForm 07b', () => {
  it('counts the registered catalogue on the engine clock’s day for a period not over', async () => {
    const { engine } = sampleEngine(new MemoryStore(), {
      procedures: [withFacts],
      start: '2026-03-16T09:00:00+07:00',
    });
    const form = await engine.statisticsForm({ form: '07b', period: { kind: 'year', year: 2026 } });
    expect(form.asOfDay).toBe('2026-03-16');
    expect(form.by).toEqual(['agency']);
    expect(form.rows.map((r) => r.agency)).toEqual(['Công an xã']);
    expect(form.total).toEqual({
      procedures: { total: 1, byLevel: { province: 0, commune: 1 } },
      oneStop: { total: 1, byLevel: { province: 0, commune: 1 } },
      processes: { total: 1, byLevel: { province: 0, commune: 1 } },
    });
    expect(form.notDeclared).toEqual({ levels: [], mechanism: [], internalProcesses: [] });
    // The sample procedure declares nothing: counted in the total and listed, never placed.
    const { engine: bare } = sampleEngine(new MemoryStore());
    const plain = await bare.statisticsForm({
      form: '07b',
      period: { kind: 'year', year: 2026 },
      by: ['field'],
    });
    expect(plain.total.procedures).toEqual({ total: 1, byLevel: { province: 0, commune: 0 } });
    expect(plain.notDeclared.levels).toEqual(['1.004194']);
  });

  it('refuses bad queries naming the field', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const fieldsOf = async (query: unknown) => {
      const e = await engine.statisticsForm(query as never).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).issues.map((i) => i.field);
    };
    expect(await fieldsOf({ form: '07c', period: { kind: 'year', year: 2026 } })).toEqual(['query.form']);
    expect(
      await fieldsOf({ form: '07b', period: { kind: 'custom', from: '2026-03-31', to: '2026-03-01' } }),
    ).toEqual(['query.period.to']);
    expect(await fieldsOf({ form: '07b', period: { kind: 'year', year: 2026 }, by: ['procedure'] })).toEqual([
      'query.by[0]',
    ]);
    expect(await fieldsOf({ form: '07b', period: { kind: 'year', year: 2026 }, rule: 'at-return' })).toEqual([
      'query',
    ]);
    // A hostile form id is not echoed.
    const e = await engine.statisticsForm({ form: '<script>', period: {} } as never).catch((x: unknown) => x);
    expect(String((e as Error).message)).not.toContain('<script>');
  });
});
