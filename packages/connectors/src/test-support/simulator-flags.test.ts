/** The standalone simulator's flags: defaults, a full set, and each bad flag named, its value never repeated. */
import { describe, expect, it } from 'vitest';
import { describeMix, parseSimulatorFlags, SimulatorFlagError } from './simulator-flags.js';

describe('parseSimulatorFlags', () => {
  it('defaults to port 8787, unit 000.00.14.H56 and no faults', () => {
    expect(parseSimulatorFlags([])).toEqual({
      port: 8787,
      unit: '000.00.14.H56',
      mix: undefined,
      help: false,
    });
    expect(parseSimulatorFlags(['--faults', '0']).mix).toBeUndefined();
    expect(parseSimulatorFlags(['--help']).help).toBe(true);
  });

  it('reads a full set of fault flags (a leading -- skipped)', () => {
    const flags = parseSimulatorFlags([
      '--',
      '--port',
      '0',
      '--faults',
      '0.08',
      '--seed',
      '7',
      '--fault-kinds',
      'http500*5, reset-before-apply*2,apply-then-reset',
      '--fault-service',
      'DongBoHoSoMC',
      '--slow-ms',
      '300',
      '--bad-field',
      'TaiLieuNop[0].TenTepTin',
    ]);
    expect(flags.mix).toEqual({
      rate: 0.08,
      seed: 7,
      kinds: [
        { kind: 'http500', weight: 5 },
        { kind: 'reset-before-apply', weight: 2 },
        { kind: 'apply-then-reset', weight: 1 },
      ],
      service: 'DongBoHoSoMC',
      slowMs: 300,
      badField: 'TaiLieuNop[0].TenTepTin',
    });
    expect(describeMix(flags.mix)).toBe(
      '8 % of DongBoHoSoMC calls fail (seed 7): http500*5, reset-before-apply*2, apply-then-reset',
    );
    expect(parseSimulatorFlags(['--faults', '1']).mix).toMatchObject({
      rate: 1,
      seed: 1,
      kinds: [{ kind: 'http500' }, { kind: 'reset-before-apply' }, { kind: 'apply-then-reset' }],
    });
  });

  it('names the bad flag and never repeats its value', () => {
    const bad: [string[], string][] = [
      [['--port', '70000'], '--port'],
      [['--port', 'Nguyễn'], '--port'],
      [['--unit', 'Nguyễn Văn An'], '--unit'],
      [['--faults', '1.5'], '--faults'],
      [['--faults', '-0.1'], '--faults'],
      [['--faults', 'Nguyễn'], '--faults'],
      [['--faults'], '--faults'],
      [['--faults', '0.1', '--seed', '-1'], '--seed'],
      [['--faults', '0.1', '--seed', '4294967296'], '--seed'],
      [['--faults', '0.1', '--fault-kinds', 'held'], '--fault-kinds'],
      [['--faults', '0.1', '--fault-kinds', 'http500*0'], '--fault-kinds'],
      [['--faults', '0.1', '--fault-kinds', ''], '--fault-kinds'],
      [['--faults', '0.1', '--fault-service', 'Nguyễn'], '--fault-service'],
      [['--faults', '0.1', '--slow-ms', '0'], '--slow-ms'],
      [['--faults', '0.1', '--bad-field', 'Nguyễn Văn'], '--bad-field'],
      [['--seed', '7'], '--seed'],
      [['--fault-kinds', 'http500'], '--fault-kinds'],
      [['--fualts', '0.1'], '--fualts'],
      [['Nguyễn'], 'arguments'],
    ];
    for (const [args, flag] of bad) {
      let error: unknown;
      try {
        parseSimulatorFlags(args);
      } catch (e) {
        error = e;
      }
      expect(error, args.join(' ')).toBeInstanceOf(SimulatorFlagError);
      expect((error as SimulatorFlagError).flag, args.join(' ')).toBe(flag);
      expect((error as Error).message.startsWith(`${flag}: `)).toBe(true);
      expect((error as Error).message).not.toContain('Nguyễn');
    }
  });
});
