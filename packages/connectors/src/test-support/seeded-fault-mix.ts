/**
 * A seeded mix of portal faults at a rate (test helper): the `faultSource` the standalone
 * simulator (`simulator-main.ts --faults <rate> --seed <n>`) plays, so that a tester's run of any
 * length fails a reproducible share of the calls. Draws with core's `seededRandom` (mulberry32), so
 * a seed gives the same faults on every platform.
 */
import { seededRandom } from '@motcua/core/simulation';
import type { SimFault, SimService } from '../testing/dvcqg-simulator.js';

/** The fault kinds a mix can play (not `held`: it waits for a `release()` no one calls). */
export const MIX_KINDS = [
  'http500',
  'timeout',
  'slow',
  'reset-before-apply',
  'apply-then-reset',
  'session-expired',
  'exists',
  'http400',
] as const;

/** One of {@link MIX_KINDS}. */
export type MixKind = (typeof MIX_KINDS)[number];

/** What a seeded mix plays. */
export interface FaultMix {
  /** The share of calls that fault, 0 to 1. */
  readonly rate: number;
  /** The seed of the draws (an unsigned 32-bit integer). */
  readonly seed: number;
  /** The kinds played, each with its weight among the faults (e.g. 5, 2, 1 for 5 %, 2 %, 1 % at rate 0.08). */
  readonly kinds: readonly { readonly kind: MixKind; readonly weight: number }[];
  /** Only this service's calls fault (the other's are answered as usual and draw nothing). */
  readonly service?: SimService | undefined;
  /** How long a `slow` answer waits, in ms. */
  readonly slowMs: number;
  /** The field a `http400` names. */
  readonly badField: string;
}

/** The fault a kind plays. */
function faultOf(kind: MixKind, mix: FaultMix): SimFault {
  if (kind === 'slow') return { kind, ms: mix.slowMs };
  if (kind === 'http400') return { kind, field: mix.badField };
  return { kind };
}

/**
 * The simulator's `faultSource` for `mix`: each call of the service (or of either) draws once
 * whether it faults (`rate`) and, if so, once which kind (by weight). The same seed and the same
 * order of calls give the same faults.
 */
export function seededFaultSource(mix: FaultMix): (service: string) => SimFault | undefined {
  const random = seededRandom(mix.seed);
  const total = mix.kinds.reduce((sum, k) => sum + k.weight, 0);
  return (service) => {
    if (mix.service !== undefined && service !== mix.service) return undefined;
    if (mix.rate <= 0 || random() >= mix.rate) return undefined;
    let pick = random() * total;
    for (const k of mix.kinds) {
      pick -= k.weight;
      if (pick < 0) return faultOf(k.kind, mix);
    }
    return faultOf(mix.kinds[mix.kinds.length - 1]!.kind, mix);
  };
}
