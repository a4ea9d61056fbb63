/** The seeded fault mix: reproducible, at its rate, only the kinds and the service asked for. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimFault } from '../testing/dvcqg-simulator.js';
import { type FaultMix, MIX_KINDS, seededFaultSource } from './seeded-fault-mix.js';

const mixOf = (over: Partial<FaultMix>): FaultMix => ({
  rate: 0.5,
  seed: 1,
  kinds: [{ kind: 'http500', weight: 1 }],
  slowMs: 2000,
  badField: 'NgayHenTra',
  ...over,
});
const draw = (mix: FaultMix, services: readonly string[]) => {
  const source = seededFaultSource(mix);
  return services.map((s) => source(s));
};
const services = fc.array(fc.constantFrom('DongBoHoSoMC', 'CapNhatTienDoHoSoMC'), { maxLength: 200 });
const kinds = fc
  .uniqueArray(fc.constantFrom(...MIX_KINDS), { minLength: 1 })
  .chain((ks) =>
    fc.tuple(...ks.map((kind) => fc.integer({ min: 1, max: 1000 }).map((weight) => ({ kind, weight })))),
  );

describe('seededFaultSource', () => {
  it('gives the same faults for the same seed and calls; rate 0 none, rate 1 every call, of the kinds asked', () => {
    fc.assert(
      fc.property(services, fc.nat({ max: 4_294_967_295 }), kinds, (calls, seed, ks) => {
        const mix = mixOf({ seed, kinds: ks });
        expect(draw(mix, calls)).toEqual(draw(mix, calls));
        expect(draw({ ...mix, rate: 0 }, calls).every((f) => f === undefined)).toBe(true);
        const all = draw({ ...mix, rate: 1 }, calls);
        expect(all.every((f) => f !== undefined && ks.some((k) => k.kind === f.kind))).toBe(true);
      }),
    );
  });

  it('faults only the service asked for, and the other service’s calls draw nothing', () => {
    fc.assert(
      fc.property(services, fc.nat(), (calls, seed) => {
        const mix = mixOf({ seed, service: 'DongBoHoSoMC' });
        const mixed = draw(mix, calls);
        calls.forEach((s, i) => {
          if (s !== 'DongBoHoSoMC') expect(mixed[i]).toBeUndefined();
        });
        // The record calls see the same faults with or without history calls between them.
        const alone = draw(
          mix,
          calls.filter((s) => s === 'DongBoHoSoMC'),
        );
        expect(mixed.filter((_, i) => calls[i] === 'DongBoHoSoMC')).toEqual(alone);
      }),
    );
  });

  it('plays its rate and weights over a long run (seed 7: 10,000 calls at 8 %, weights 5:2:1)', () => {
    const faults = draw(
      mixOf({
        rate: 0.08,
        seed: 7,
        kinds: [
          { kind: 'http500', weight: 5 },
          { kind: 'reset-before-apply', weight: 2 },
          { kind: 'apply-then-reset', weight: 1 },
        ],
      }),
      Array.from({ length: 10_000 }, () => 'DongBoHoSoMC'),
    ).filter((f): f is SimFault => f !== undefined);
    const count = (k: string) => faults.filter((f) => f.kind === k).length;
    expect(faults.length).toBeGreaterThan(700);
    expect(faults.length).toBeLessThan(900);
    expect(count('http500')).toBeGreaterThan(count('reset-before-apply'));
    expect(count('reset-before-apply')).toBeGreaterThan(count('apply-then-reset'));
  });

  it('gives slow and http400 faults their wait and field', () => {
    const [slow] = draw(mixOf({ rate: 1, kinds: [{ kind: 'slow', weight: 1 }], slowMs: 250 }), ['x']);
    const [bad] = draw(mixOf({ rate: 1, kinds: [{ kind: 'http400', weight: 1 }], badField: 'ChuHoSo' }), [
      'x',
    ]);
    expect([slow, bad]).toEqual([
      { kind: 'slow', ms: 250 },
      { kind: 'http400', field: 'ChuHoSo' },
    ]);
  });
});
