import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { ApplicantKind } from '../model/applicant.js';
import type { ComponentEntry, ComponentSource } from '../model/dossier-component.js';
import type { DossierContext } from '../model/dossier-context.js';
import { DECREE_61_RATING_CRITERIA, type RatingCriteriaSet } from '../model/rating.js';
import type { ResultDocument, ResultHandover } from '../model/result-document.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import { weightedPicker } from './seeded-random.js';
import type {
  SimulationFacts,
  SimulationFactsOptions,
  SimulationFactsSummary,
  SimulationHandoverKind,
} from './simulation-options.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Quang', 'Thanh'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hải', 'Hoa', 'Lan', 'Nam', 'Sơn', 'Tâm', 'Yến'];
const TRADE = ['Sông Lam', 'Hồng Lĩnh', 'Bến Thủy', 'Cửa Lò', 'Phú Thọ', 'Tân Kỳ', 'Trường Sơn'];
const ORGANISATION: Record<'enterprise' | 'household-business' | 'agency', string> = {
  enterprise: 'Công ty TNHH',
  'household-business': 'Hộ kinh doanh',
  agency: 'Trường Tiểu học',
};
const HANDOVERS: readonly SimulationHandoverKind[] = ['applicant', 'representative', 'post', 'online'];

/** The facts a run generates when `facts` is given but leaves a part out (each off). */
const OFF = {
  representativeShare: 0,
  digitisedShare: 0,
  reusedShare: 0,
  nationalStoreShare: 0,
  databaseShare: 0,
  lookupFailureShare: 0,
};

/** The criteria set ratings are drawn against: the run's, else Decree 61's. */
export function ratingCriteriaOf(facts: SimulationFactsOptions | undefined): RatingCriteriaSet {
  return facts?.ratings?.criteria ?? DECREE_61_RATING_CRITERIA;
}

/** A failed lookup waiting for its paper: the documents, and when the applicant brings them. */
export interface PaperFallback {
  readonly documentIds: readonly string[];
  readonly afterMinutes: number;
}

/**
 * The national facts a simulation generates per dossier (hồ sơ), drawn from their own random
 * stream so that turning them on does not change the traffic: the applicant's kind and
 * representative, how each component was satisfied (and the paper after a failed lookup), the
 * result document at the end of processing, the handover at return and the rating. Pure draws and
 * counts: the loop sends the commands, the same way to an engine and to the store-less core.
 */
export class FactDraws {
  private readonly kinds: ((random: () => number) => ApplicantKind) | undefined;
  private readonly handovers: ((random: () => number) => SimulationHandoverKind) | undefined;
  private readonly shares: typeof OFF;
  private readonly database: { readonly code: string; readonly name?: string };
  private readonly paperHours: readonly [number, number];
  private readonly ratingShare: number;
  private readonly answerWeights: readonly number[];
  private readonly lateAnswerWeights: readonly number[];
  private results = 0;
  private readonly tally: SimulationFacts;
  /** The criteria set the ratings are drawn against. */
  readonly criteria: RatingCriteriaSet;

  constructor(
    private readonly options: SimulationFactsOptions,
    private readonly random: () => number,
    private readonly calendar: WorkingCalendar,
  ) {
    const c = options.components ?? {};
    this.kinds = options.applicantKinds
      ? weightedPicker(options.applicantKinds as Readonly<Record<ApplicantKind, number>>)
      : undefined;
    this.handovers = options.handovers
      ? weightedPicker(options.handovers as Readonly<Record<SimulationHandoverKind, number>>)
      : undefined;
    this.shares = {
      representativeShare: options.representativeShare ?? OFF.representativeShare,
      digitisedShare: c.digitisedShare ?? OFF.digitisedShare,
      reusedShare: c.reusedShare ?? OFF.reusedShare,
      nationalStoreShare: c.nationalStoreShare ?? OFF.nationalStoreShare,
      databaseShare: c.databaseShare ?? OFF.databaseShare,
      lookupFailureShare: c.lookupFailureShare ?? OFF.lookupFailureShare,
    };
    this.database = c.database ?? { code: 'CSDLQGDC', name: 'Cơ sở dữ liệu quốc gia về dân cư' };
    this.paperHours = c.paperAfterHours ?? [0, 8];
    this.ratingShare = options.ratings?.share ?? 0;
    this.answerWeights = options.ratings?.answerWeights ?? [0.75, 0.2, 0.05];
    this.lateAnswerWeights = options.ratings?.lateAnswerWeights ?? [0.2, 0.4, 0.4];
    this.criteria = ratingCriteriaOf(options);
    this.tally = emptyFacts(this.criteria);
  }

  /** Whether applicants are drawn (kinds or representatives given). */
  get drawsApplicants(): boolean {
    return this.kinds !== undefined || this.shares.representativeShare > 0;
  }

  /** Whether components are recorded at all (any share above 0). */
  get recordsComponents(): boolean {
    const s = this.shares;
    return s.digitisedShare + s.reusedShare + s.nationalStoreShare + s.databaseShare > 0;
  }

  /** Whether a result document is issued at the end of processing. */
  get issuesResults(): boolean {
    return this.options.results === true;
  }

  /**
   * The sample's applicant with a drawn kind (an organisation with its name and tax code) and,
   * where the procedure allows it, a representative under an authorisation. A sample that is not
   * an object is left as it is.
   */
  applicant(sample: unknown, definition: ProcedureDefinition, index: number): unknown {
    if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) return sample;
    const a: Record<string, unknown> = { ...(sample as Record<string, unknown>) };
    const kind = this.kinds ? this.kinds(this.random) : ((a.kind as ApplicantKind | undefined) ?? 'citizen');
    if (this.kinds) {
      a.kind = kind;
      if (kind === 'enterprise' || kind === 'household-business' || kind === 'agency') {
        a.organisation = `${ORGANISATION[kind]} ${this.pick(TRADE)}`;
        if (kind !== 'agency') {
          const existing = Array.isArray(a.documents) ? (a.documents as unknown[]) : [];
          a.documents = [...existing.slice(0, 4), { type: 'tax-code', number: this.digits(10) }];
        }
      } else delete a.organisation;
    }
    const t = this.tally;
    t.applicantKinds[kind] = (t.applicantKinds[kind] ?? 0) + 1;
    if (this.shares.representativeShare > 0) {
      // Representatives are drawn: the sample's own gives way to the draw.
      if (definition.representation !== 'not-allowed' && this.random() < this.shares.representativeShare) {
        a.representative = {
          fullName: this.name(),
          idNumber: this.digits(12),
          authorisation: { document: `Giấy ủy quyền số ${index + 1}/GUQ` },
        };
      } else delete a.representative;
    }
    if (a.representative !== undefined) t.represented++;
    t.dossiers++;
    return a;
  }

  /**
   * How each document of the procedure was satisfied at receipt, and the paper a failed lookup
   * leaves to bring. Nothing when no component share is set.
   */
  components(
    definition: ProcedureDefinition,
    code: string,
  ): { entries: ComponentEntry[]; fallback: PaperFallback | undefined } {
    const s = this.shares;
    const entries: ComponentEntry[] = [];
    const failed: string[] = [];
    for (const doc of definition.documents) {
      const r = this.random();
      let entry: ComponentEntry;
      if (r < s.reusedShare) {
        entry = {
          documentId: doc.id,
          source: 'reused',
          digitised: false,
          reusedFrom: { documentNumber: `${1 + Math.floor(this.random() * 9000)}/KQ` },
        };
      } else if (r < s.reusedShare + s.nationalStoreShare) {
        entry = {
          documentId: doc.id,
          source: 'national-store',
          digitised: false,
          nationalStoreId: `KHO-${code}-${doc.id}`,
        };
      } else if (r < s.reusedShare + s.nationalStoreShare + s.databaseShare) {
        const fails = this.random() < s.lookupFailureShare;
        if (fails) failed.push(doc.id);
        entry = {
          documentId: doc.id,
          source: 'database',
          digitised: false,
          database: { ...this.database, answer: fails ? 'not-found' : 'found' },
        };
      } else entry = this.paper(doc.id, code);
      entries.push(entry);
    }
    const fallback =
      failed.length > 0
        ? {
            documentIds: failed,
            afterMinutes:
              (this.paperHours[0] + this.random() * (this.paperHours[1] - this.paperHours[0])) * 60,
          }
        : undefined;
    return { entries, fallback };
  }

  /** The papers the applicant brings after a failed lookup (digitised at the desk by the same share). */
  papers(documentIds: readonly string[], code: string): ComponentEntry[] {
    return documentIds.map((id) => this.paper(id, code));
  }

  /** Counts components recorded by a command that succeeded. */
  recorded(entries: readonly ComponentEntry[], fallback: boolean): void {
    const c = this.tally.components;
    for (const e of entries) {
      c.recorded++;
      c.bySource[e.source]++;
      if (e.digitised) c.digitised++;
      if (e.database && e.database.answer !== 'found') c.lookupsFailed++;
      if (fallback) c.paperFallbacks++;
    }
  }

  /** The result document issued at the end of processing, numbered through the run. */
  result(definition: ProcedureDefinition, code: string, now: number): ResultDocument {
    const n = ++this.results;
    return {
      title: `Kết quả giải quyết: ${definition.name.vi}`.slice(0, 300),
      number: String(n),
      symbol: 'KQ',
      signer: { name: this.name(), title: 'Thủ trưởng cơ quan' },
      issuingBody: definition.agency,
      issuedOn: this.calendar.localDate(new Date(now)),
      validUntil: null,
      electronicCopy: {
        uri: `kho://${code}/ket-qua.pdf`,
        sha256: n.toString(16).padStart(64, '0'),
        signed: true,
      },
    };
  }

  /** Counts a result document issued. */
  issued(): void {
    this.tally.results++;
  }

  /**
   * The handover at return (who collected the result), or none when no handover weights are set:
   * a representative only for a dossier filed by one, online only for an online dossier (else the
   * applicant collects it); by post with a postal item.
   */
  handover(
    ctx: DossierContext,
  ): { delivery: 'in-person' | 'postal' | 'online'; handover: ResultHandover } | undefined {
    if (!this.handovers) return undefined;
    let who = this.handovers(this.random);
    if (who === 'representative' && !ctx.applicant.representative) who = 'applicant';
    if (who === 'online' && !ctx.channel.startsWith('online')) who = 'applicant';
    if (who === 'post') {
      return {
        delivery: 'postal',
        handover: {
          collectedBy: 'post',
          postal: { service: 'Bưu điện Việt Nam', trackingNumber: `EB${this.digits(9)}VN` },
        },
      };
    }
    if (who === 'online') return { delivery: 'online', handover: { collectedBy: 'online' } };
    const collectorName =
      who === 'representative' ? ctx.applicant.representative?.fullName : ctx.applicant.fullName;
    return {
      delivery: 'in-person',
      handover: {
        collectedBy: who,
        ...(collectorName ? { collectorName } : {}),
        originalsReturned: true,
      },
    };
  }

  /** Counts a handover recorded. */
  handedOver(kind: SimulationHandoverKind): void {
    this.tally.handovers[kind]++;
  }

  /**
   * The scores of a returned dossier's rating, drawn per criterion (answers best first, by
   * `answerWeights`, or `lateAnswerWeights` when the dossier was late), or none when the applicant
   * does not rate (`ratings.share`).
   */
  scores(ctx: DossierContext): Record<string, number> | undefined {
    if (!(this.random() < this.ratingShare)) return undefined;
    const weights = ctx.outcome?.result === 'LATE' ? this.lateAnswerWeights : this.answerWeights;
    const scores: Record<string, number> = {};
    for (const c of this.criteria.criteria) {
      const total = c.answers.reduce((s, _, i) => s + (weights[i] ?? 0), 0);
      let r = this.random() * total;
      let answer = c.answers[c.answers.length - 1];
      for (let i = 0; i < c.answers.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) {
          answer = c.answers[i];
          break;
        }
      }
      scores[c.id] = answer?.score ?? 0;
    }
    return scores;
  }

  /** Counts a rating recorded. */
  rated(scores: Readonly<Record<string, number>>): void {
    const r = this.tally.ratings;
    r.rated++;
    for (const [id, v] of Object.entries(scores)) r.scoreSums[id] = (r.scoreSums[id] ?? 0) + v;
    // Satisfaction is read on the overall question ('overall'), else the set's last criterion.
    const overall = this.criteria.criteria.find((c) => c.id === 'overall') ?? this.criteria.criteria.at(-1);
    const top = overall?.answers[0]?.score;
    const score = overall ? scores[overall.id] : undefined;
    if (score !== undefined && score > 0) r.satisfied++;
    if (score !== undefined && score === top) r.verySatisfied++;
  }

  /** The figures so far (counts and the shares and means they give). */
  summary(): SimulationFactsSummary {
    return summariseFacts(this.tally, this.criteria);
  }

  private paper(documentId: string, code: string): ComponentEntry {
    const digitised = this.random() < this.shares.digitisedShare;
    return {
      documentId,
      source: 'paper',
      digitised,
      ...(digitised ? { file: { uri: `kho://${code}/${documentId}.pdf`, sha256: 'ab'.repeat(32) } } : {}),
    };
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)] as T;
  }

  private name(): string {
    return `${this.pick(FAMILY)} ${this.pick(MIDDLE)} ${this.pick(GIVEN)}`;
  }

  private digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.random() * 10);
    return s;
  }
}

/** Counts with nothing in them. */
function emptyFacts(criteria: RatingCriteriaSet): SimulationFacts {
  const bySource: Record<ComponentSource, number> = { paper: 0, reused: 0, 'national-store': 0, database: 0 };
  return {
    dossiers: 0,
    applicantKinds: {},
    represented: 0,
    components: { recorded: 0, bySource, digitised: 0, lookupsFailed: 0, paperFallbacks: 0 },
    results: 0,
    handovers: { applicant: 0, representative: 0, post: 0, online: 0 },
    ratings: {
      criteriaSet: criteria.id,
      rated: 0,
      scoreSums: {},
      satisfied: 0,
      verySatisfied: 0,
    },
  };
}

const share = (n: number, of: number) => (of > 0 ? n / of : 0);

/** The counts with their shares and means (see {@link SimulationFactsSummary}). */
function summariseFacts(t: SimulationFacts, criteria: RatingCriteriaSet): SimulationFactsSummary {
  const c = t.components;
  const r = t.ratings;
  return {
    ...t,
    shares: {
      represented: share(t.represented, t.dossiers),
      digitised: share(c.digitised, c.bySource.paper),
      reused: share(c.bySource.reused + c.bySource['national-store'], c.recorded - c.paperFallbacks),
      databaseLookups: share(c.bySource.database, c.recorded - c.paperFallbacks),
      lookupsFailed: share(c.lookupsFailed, c.bySource.database),
      satisfied: share(r.satisfied, r.rated),
    },
    meanScores: Object.fromEntries(
      criteria.criteria.map((x) => [x.id, share(r.scoreSums[x.id] ?? 0, r.rated)]),
    ),
  };
}

/** Adds the counts of several shares of a run (workers) and recomputes the shares and means. */
export function mergeFacts(
  parts: readonly SimulationFactsSummary[],
  criteria: RatingCriteriaSet,
): SimulationFactsSummary {
  const t = emptyFacts(criteria);
  for (const p of parts) {
    t.dossiers += p.dossiers;
    t.represented += p.represented;
    t.results += p.results;
    for (const [k, v] of Object.entries(p.applicantKinds))
      t.applicantKinds[k as ApplicantKind] = (t.applicantKinds[k as ApplicantKind] ?? 0) + (v ?? 0);
    const c = t.components;
    c.recorded += p.components.recorded;
    c.digitised += p.components.digitised;
    c.lookupsFailed += p.components.lookupsFailed;
    c.paperFallbacks += p.components.paperFallbacks;
    for (const k of Object.keys(c.bySource) as ComponentSource[]) c.bySource[k] += p.components.bySource[k];
    for (const k of HANDOVERS) t.handovers[k] += p.handovers[k];
    t.ratings.rated += p.ratings.rated;
    t.ratings.satisfied += p.ratings.satisfied;
    t.ratings.verySatisfied += p.ratings.verySatisfied;
    for (const [id, v] of Object.entries(p.ratings.scoreSums))
      t.ratings.scoreSums[id] = (t.ratings.scoreSums[id] ?? 0) + v;
  }
  return summariseFacts(t, criteria);
}
