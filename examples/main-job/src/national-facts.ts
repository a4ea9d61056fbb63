/**
 * The main job's national facts after the simulated month: every dossier's national status (the
 * portal's ten codes), and the applicants' ratings at return, given publicly with the code and
 * secret by about two in three applicants, scored from what happened to their dossier.
 */
import {
  DECREE_61_RATING_CRITERIA,
  type DossierSummary,
  type Engine,
  PORTAL_DOSSIER_STATUSES,
} from '@motcua/core';

/** What the report shows of the national facts. */
export interface NationalFacts {
  /** Dossiers by national status code, with the status name. */
  readonly statuses: readonly { code: number; name: string; dossiers: number }[];
  /** Returned dossiers, and how many of them were rated. */
  readonly returned: number;
  readonly rated: number;
  /** Mean score of each criterion over the ratings (0–2), in the criteria set's order. */
  readonly meanScores: readonly { id: string; name: string; mean: number }[];
  /** Share of ratings whose overall answer is "Rất hài lòng" or "Hài lòng". */
  readonly satisfiedShare: number;
}

/** A seeded random in [0, 1) (a linear congruential generator: the same seed, the same ratings). */
function seeded(seed: number): () => number {
  let s = (seed * 2654435761) % 2147483647 || 1;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/**
 * Rates returned dossiers publicly (code and secret, as an applicant would) and counts every
 * dossier's national status. The scores follow the dossier: the time criterion from its
 * timeliness, the contacts criterion from its supplementation requests, overall lower when late.
 */
export async function nationalFacts(
  engine: Engine,
  dossiers: readonly DossierSummary[],
  seed: number,
): Promise<NationalFacts> {
  const random = seeded(seed);
  const counts = new Map<number, number>();
  const sums = new Map<string, number>();
  let returned = 0;
  let rated = 0;
  let satisfied = 0;
  for (const s of dossiers) {
    const rec = await engine.get(s.code);
    const c = rec.context;
    if (c.outcome?.kind === 'returned' && !c.liaison?.role) {
      returned++;
      if (random() < 0.65) {
        const late = c.outcome.result === 'LATE';
        const time = c.outcome.result === 'EARLY' ? 2 : late ? 0 : 1;
        const contacts = c.supplements.length === 0 ? 2 : c.supplements.length === 1 ? 1 : 0;
        const scores: Record<string, number> = {};
        for (const criterion of DECREE_61_RATING_CRITERIA.criteria) {
          scores[criterion.id] = random() < 0.85 ? 2 : 1;
        }
        scores['1'] = time;
        scores['3'] = contacts;
        scores.overall = late ? (random() < 0.5 ? 0 : 1) : random() < 0.8 ? 2 : 1;
        const r = await engine.rate(s.code, { secret: c.secret, scores });
        rated++;
        if ((r.rating.scores.overall ?? 0) > 0) satisfied++;
        for (const [id, v] of Object.entries(r.rating.scores)) sums.set(id, (sums.get(id) ?? 0) + v);
      }
    }
    const code = rec.nationalStatus?.code;
    if (code !== undefined) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return {
    statuses: PORTAL_DOSSIER_STATUSES.statuses
      .map((st) => ({ code: st.code, name: st.name, dossiers: counts.get(st.code) ?? 0 }))
      .filter((st) => st.dossiers > 0),
    returned,
    rated,
    meanScores: DECREE_61_RATING_CRITERIA.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      mean: rated ? (sums.get(c.id) ?? 0) / rated : 0,
    })),
    satisfiedShare: rated ? satisfied / rated : 0,
  };
}
