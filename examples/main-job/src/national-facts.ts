/**
 * The main job's national facts after the simulated month: every dossier's national status (the
 * portal's ten codes), and the applicants' ratings at return, given publicly with the code and
 * secret by about two in three applicants, scored from what happened to their dossier.
 */
import {
  type ComponentEntry,
  DECREE_61_RATING_CRITERIA,
  type DossierSummary,
  type Engine,
  type NationalStatus,
  PORTAL_DOSSIER_STATUSES,
  type ProcedureDefinition,
  type RatingCriterion,
} from '@motcua/core';

/** What the report shows of the national facts. */
export interface NationalFacts {
  /** Dossiers by national status (its code and names in core's table). */
  readonly statuses: readonly { status: NationalStatus; dossiers: number }[];
  /** Returned dossiers, and how many of them were rated. */
  readonly returned: number;
  readonly rated: number;
  /** Mean score of each criterion over the ratings (0–2), in the criteria set's order. */
  readonly meanScores: readonly { criterion: RatingCriterion; mean: number }[];
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
      // A dossier rated already (the showcase dossier) counts as it stands; about two in three
      // of the others are rated now, scored from what happened to them.
      let scores = c.rating?.scores;
      if (!scores && random() < 0.65) {
        const late = c.outcome.result === 'LATE';
        const drawn: Record<string, number> = {};
        for (const criterion of DECREE_61_RATING_CRITERIA.criteria)
          drawn[criterion.id] = random() < 0.85 ? 2 : 1;
        drawn['1'] = c.outcome.result === 'EARLY' ? 2 : late ? 0 : 1;
        drawn['3'] = c.supplements.length === 0 ? 2 : c.supplements.length === 1 ? 1 : 0;
        drawn.overall = late ? (random() < 0.5 ? 0 : 1) : random() < 0.8 ? 2 : 1;
        scores = (await engine.rate(s.code, { secret: c.secret, scores: drawn })).rating.scores;
      }
      if (scores) {
        rated++;
        if ((scores.overall ?? 0) > 0) satisfied++;
        for (const [id, v] of Object.entries(scores)) sums.set(id, (sums.get(id) ?? 0) + v);
      }
    }
    const code = rec.nationalStatus?.code;
    if (code !== undefined) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return {
    statuses: PORTAL_DOSSIER_STATUSES.statuses
      .map((status) => ({ status, dossiers: counts.get(status.code) ?? 0 }))
      .filter((st) => st.dossiers > 0),
    returned,
    rated,
    meanScores: DECREE_61_RATING_CRITERIA.criteria.map((criterion) => ({
      criterion,
      mean: rated ? (sums.get(criterion.id) ?? 0) / rated : 0,
    })),
    satisfiedShare: rated ? satisfied / rated : 0,
  };
}

/** What the showcase dossier ended with, for the console and the report. */
export interface Showcase {
  readonly code: string;
  /** The national status codes it went through, in order. */
  readonly statuses: readonly number[];
  readonly components: number;
  readonly results: number;
  readonly rated: boolean;
}

/**
 * One dossier of `procedure` taken through every national fact the engine records: an applicant
 * with a representative, components recorded (digitised paper, a database lookup that found nothing,
 * then the paper), the result document issued with its electronic copy, processing finished, the
 * result sent by post, and the applicant's rating with the code and secret. Each officer is the
 * unit holding the dossier.
 */
export async function showcaseDossier(
  engine: Engine,
  procedure: { readonly code: string; readonly definition: ProcedureDefinition },
  sample: { readonly applicant: Record<string, unknown>; readonly application: unknown },
): Promise<Showcase> {
  const def = procedure.definition;
  const officer = (unitId: string) => ({ officerId: `${unitId}-1`, unitId });
  const statuses: number[] = [];
  const note = (v: { readonly nationalStatus: { code: number } | null }) => {
    if (v.nationalStatus) statuses.push(v.nationalStatus.code);
  };
  const d = await engine.receive({
    procedure: procedure.code,
    channel: 'in-person',
    actor: officer(def.desk),
    applicant: {
      ...sample.applicant,
      kind: 'citizen',
      vneidVerified: true,
      representative: {
        fullName: 'Trần Thị Hoa',
        idNumber: '051190012345',
        authorisation: { document: 'Giấy ủy quyền số 15/2026 (chứng thực)' },
      },
    },
    application: sample.application,
  });
  note(d);
  const [first, second] = def.documents;
  if (first) {
    const hash = 'ab'.repeat(32);
    const components: ComponentEntry[] = [
      {
        documentId: first.id,
        source: 'paper',
        digitised: true,
        file: { uri: `kho://${d.code}/${first.id}.pdf`, sha256: hash },
      },
    ];
    if (second) {
      components.push({
        documentId: second.id,
        source: 'database',
        digitised: false,
        database: { code: 'CSDLQGDC', name: 'Cơ sở dữ liệu quốc gia về dân cư', answer: 'not-found' },
      });
    }
    await engine.send(d.code, { type: 'RECORD_COMPONENTS', actor: officer(def.desk), components });
    if (second) {
      // The lookup found nothing: the applicant brings the paper, digitised at the desk.
      await engine.send(d.code, {
        type: 'RECORD_COMPONENTS',
        actor: officer(def.desk),
        components: [
          {
            documentId: second.id,
            source: 'paper',
            digitised: true,
            file: { uri: `kho://${d.code}/${second.id}.pdf`, sha256: hash },
          },
        ],
      });
    }
  }
  let view = d;
  for (const [i, step] of def.steps.entries()) {
    if (i === def.steps.length - 1) {
      await engine.send(d.code, {
        type: 'ISSUE_RESULT',
        actor: officer(step.unit),
        documents: [
          {
            title: `Kết quả: ${def.name.vi}`,
            number: '101',
            symbol: 'KQ',
            signer: { name: 'Lê Văn Cường', title: 'Thủ trưởng cơ quan' },
            issuingBody: def.agency,
            issuedOn: engine.calendar.localDate(engine.clock.now()),
            validUntil: null,
            electronicCopy: { uri: `kho://${d.code}/ket-qua.pdf`, sha256: 'cd'.repeat(32), signed: true },
          },
        ],
      });
    }
    view = await engine.send(d.code, { type: 'HAND_OVER', actor: officer(step.unit) });
    note(view);
  }
  view = await engine.send(d.code, {
    type: 'RETURN_RESULT',
    actor: officer(def.desk),
    delivery: 'postal',
    handover: {
      collectedBy: 'post',
      postal: { service: 'Bưu điện Việt Nam', trackingNumber: 'EB204512345VN' },
      originalsReturned: true,
    },
  });
  note(view);
  const scores = Object.fromEntries(DECREE_61_RATING_CRITERIA.criteria.map((c) => [c.id, 2]));
  await engine.rate(d.code, { secret: d.context.secret, scores });
  const rec = await engine.get(d.code);
  return {
    code: d.code,
    statuses: [...new Set(statuses)],
    components: rec.context.components?.length ?? 0,
    results: rec.context.results?.length ?? 0,
    rated: rec.context.rating !== undefined,
  };
}
