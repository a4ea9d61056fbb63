/**
 * A small seeded random generator (mulberry32): the same seed gives the same run.
 *
 * @example
 * ```ts
 * import { seededRandom } from '@motcua/core/simulation';
 * const random = seededRandom(2026);
 * const first = random(); // in [0, 1); seededRandom(2026) always draws the same sequence
 * ```
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks a key by weight.
 *
 * @example
 * ```ts
 * import { pickWeighted, seededRandom } from '@motcua/core/simulation';
 * const channel = pickWeighted({ 'in-person': 6, 'online-full': 3, postal: 1 }, seededRandom(1));
 * ```
 */
export function pickWeighted<K extends string>(
  weights: Readonly<Record<K, number>>,
  random: () => number,
): K {
  return weightedPicker(weights)(random);
}

/**
 * A Poisson-distributed count with mean `mean` (Knuth for small means, normal approximation above 50).
 *
 * @example
 * ```ts
 * import { poisson, seededRandom } from '@motcua/core/simulation';
 * const arrivalsToday = poisson(40, seededRandom(1)); // about 40 dossiers a working day
 * ```
 */
export function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 50) {
    const u = 1 - random();
    const v = random();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= random();
  } while (p > limit);
  return k - 1;
}

/**
 * An index drawn by weight, the weights summed once: `i` with probability `weights[i] / total`
 * (the last index when rounding leaves the draw past every weight). The one weighted draw of the
 * simulation: procedures, channels, arrival hours, desk fields.
 */
export function indexPicker(weights: readonly number[]): (random: () => number) => number {
  const values = weights.slice();
  const total = values.reduce((s, w) => s + w, 0);
  const last = values.length - 1;
  return (random) => {
    let r = random() * total;
    for (let i = 0; i < values.length; i++) {
      r -= values[i]!;
      if (r < 0) return i;
    }
    return last;
  };
}

/**
 * {@link pickWeighted} with its weights read once: the returned function draws the same key for
 * the same random number, without reading the weights again.
 */
export function weightedPicker<K extends string>(
  weights: Readonly<Record<K, number>>,
): (random: () => number) => K {
  const entries = Object.entries(weights) as [K, number][];
  const keys = entries.map(([k]) => k);
  const pick = indexPicker(entries.map(([, w]) => w));
  return (random) => keys[pick(random)]!;
}
