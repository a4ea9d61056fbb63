import { z } from 'zod';

/**
 * How long a service or a step's work takes, in minutes (thời gian phục vụ): a distribution given
 * by configuration or taken from data.
 * - `fixed`: always `minutes`;
 * - `exponential`: mean `mean` (memoryless: the M/M/c case);
 * - `lognormal`: mean `mean` and standard deviation `sd` of the minutes themselves (not of their log);
 * - `empirical`: one of the measured `samples`, drawn with equal weight (e.g. from a desk's ticket log).
 *
 * @example
 * ```ts
 * const landDesk = { kind: 'lognormal', mean: 12, sd: 6 } as const;
 * const measured = { kind: 'empirical', samples: [4, 6, 6, 9, 15, 22] } as const;
 * ```
 */
export const ServiceTimeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), minutes: z.number().positive() }),
  z.strictObject({ kind: z.literal('exponential'), mean: z.number().positive() }),
  z.strictObject({ kind: z.literal('lognormal'), mean: z.number().positive(), sd: z.number().positive() }),
  z.strictObject({
    kind: z.literal('empirical'),
    samples: z.array(z.number().positive()).min(1).max(100_000),
  }),
]);
/** See {@link ServiceTimeSchema}. */
export type ServiceTime = z.infer<typeof ServiceTimeSchema>;

/** The mean minutes of a service-time distribution. */
export function meanMinutes(d: ServiceTime): number {
  switch (d.kind) {
    case 'fixed':
      return d.minutes;
    case 'exponential':
    case 'lognormal':
      return d.mean;
    case 'empirical':
      return d.samples.reduce((s, x) => s + x, 0) / d.samples.length;
  }
}

/** A function drawing minutes from `d` with `random` (uniform in [0, 1)). */
export function serviceTimeSampler(d: ServiceTime, random: () => number): () => number {
  switch (d.kind) {
    case 'fixed': {
      const m = d.minutes;
      return () => m;
    }
    case 'exponential': {
      const mean = d.mean;
      return () => -mean * Math.log(1 - random());
    }
    case 'lognormal': {
      // Parameters of the underlying normal from the mean and sd of the minutes.
      const s2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
      const mu = Math.log(d.mean) - s2 / 2;
      const sigma = Math.sqrt(s2);
      return () => {
        const u = 1 - random();
        const v = random();
        return Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
      };
    }
    case 'empirical': {
      const samples = d.samples;
      return () => samples[Math.floor(random() * samples.length)] as number;
    }
  }
}
