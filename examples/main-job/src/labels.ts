/**
 * The words of the main job's console summary and HTML report (nhãn báo cáo), one module per
 * language: `labels-vi.ts` (the default) and `labels-en.ts` (`--lang en`). Both are typed by
 * {@link JobLabels}, so a text missing in one language does not compile. Names from the
 * procedures and core's national code tables (procedure, indicator, group, status and criterion
 * names) come from their definitions, in the language when they have it (core names its tables in
 * both; `localName`, `indicatorName`, `nationalStatusName`), never from copies here.
 */
import type { Channel, NotApplicable, Timeliness } from '@motcua/core';
import { EN } from './labels-en.js';
import { VI } from './labels-vi.js';
import type { OriginalsStage } from './online-and-boundary.js';
import type { DeskField } from './staffing-what-if.js';

/** The language of the main job's output: Vietnamese (default) or English. */
export type JobLanguage = 'vi' | 'en';

/** The printable documents the main job writes for a dossier, by what they show. */
export type DocumentKind = 'plain' | 'supplemented' | 'apology';

/** One day of the simulation as the console prints it. */
interface DayFigures {
  readonly date: string;
  readonly received: number;
  readonly resolved: number;
  /** Early or on time over resolved, `null` when none was resolved. */
  readonly timelyShare: number | null;
  readonly open: number;
  readonly liaison?: { readonly received: number; readonly handoffs: number } | undefined;
}

/** One variant of the staffing what-if as the console prints it. */
interface WhatIfFigures {
  readonly name: string;
  readonly wait: { readonly mean: number; readonly low: number; readonly high: number };
  readonly p90: number;
  readonly withinPercent: number;
  readonly afterHoursPerDay: number;
}

/** Every text of the main job's output in one language. */
export interface JobLabels {
  readonly language: JobLanguage;
  /** A number with the language's separators, at most `digits` decimals (default 0). */
  readonly number: (n: number, digits?: number) => string;
  /** A number with exactly `digits` decimals. */
  readonly fixed: (n: number, digits: number) => string;
  /** A share (0–1) in percent with one decimal, e.g. `55,7 %`. */
  readonly percent: (share: number) => string;
  /** A percent value (already × 100) to 2 decimals at most, e.g. `99,12 %`. */
  readonly percentValue: (value: number) => string;
  /** A name given in Vietnamese and maybe English, in the language (Vietnamese when no English). */
  readonly name: (names: { readonly vi: string; readonly en?: string | undefined }) => string;
  /** A national status code with its name in core's table of the portal's statuses, e.g. `9 Đã xử lý xong`. */
  readonly status: (code: number) => string;
  /** Engine actors that are no unit of a procedure (`system`, `public`), by id. */
  readonly actors: Readonly<Record<string, string>>;
  /** A local date `YYYY-MM-DD` as the language writes it. */
  readonly date: (day: string) => string;
  readonly channel: Readonly<Record<Channel, string>>;
  readonly timeliness: Readonly<Record<Timeliness, string>>;
  readonly originals: Readonly<Record<OriginalsStage, string>>;
  readonly na: string;
  /** Short words for an N/A reason, by its kind. */
  readonly naReason: (na: NotApplicable) => string;

  readonly console: {
    readonly noVersionInForce: (liaison: string, day: string) => string;
    readonly title: string;
    readonly run: (o: { days: number; start: string; perDay: number; seed: number; store: string }) => string;
    readonly procedures: (names: readonly string[]) => string;
    readonly liaisons: string;
    readonly day: (d: DayFigures) => string;
    readonly reportHead: (start: string, days: number, drainDays: number) => string;
    /** Row names of the report block, padded by the caller. */
    readonly received: string;
    readonly byChannel: string;
    readonly resolved: string;
    readonly early: string;
    readonly onTime: string;
    readonly late: string;
    readonly refused: string;
    readonly withdrawn: string;
    readonly inProgress: string;
    /** After the dossiers in progress within time: the rest of the line. */
    readonly inProgressDetail: (overdue: number) => string;
    readonly liaisonParents: string;
    readonly liaisonOutcomes: (o: { complete: number; partial: number; refused: number }) => string;
    readonly partsHandedOff: string;
    readonly toAgencies: (n: number) => string;
    readonly part: (m: {
      handedOff: number;
      early: number;
      onTime: number;
      late: number;
      refused: number;
      supplemented: number;
      apologized: number;
    }) => string;
    readonly commands: (commands: number, seconds: number) => string;
    readonly whatIfHead: (field: string, seeds: number) => string;
    readonly whatIfVariant: (v: WhatIfFigures) => string;
    readonly showcase: string;
    readonly online: string;
    readonly crossBoundary: string;
    readonly provinceProcess: string;
    readonly feeRevenue: string;
    readonly lateEntries: string;
    readonly form06: string;
    readonly portalSync: string;
    readonly nationalStatus: string;
    readonly index766: string;
    readonly ratings: string;
    readonly lateEntry: (r: { unit: string; late: number; entries: number; hours: number }) => string;
    readonly none: string;
    readonly output: string;
    readonly outputFiles: (o: {
      documents: number;
      notices: number;
      store?: string | undefined;
      agencies?: number | undefined;
    }) => string;
  };

  /** Sentences shared by the console and the HTML report. */
  readonly facts: {
    readonly showcase: (s: {
      statuses: string;
      components: number;
      results: number;
      rated: boolean;
    }) => string;
    readonly paid: (vnd: number) => string;
    readonly crossBoundary: (c: {
      receiving: string;
      competent: string;
      moves: readonly OriginalsStage[];
      arrival: Timeliness | null;
    }) => string;
    readonly provinceProcess: (p: {
      name: string;
      source: string;
      waitedForPayment: boolean;
      result: Timeliness | null;
    }) => string;
    readonly step: (s: { name: string; unit: string; phase: number }) => string;
    /** The fee revenue of the dossiers that paid (core's feeRevenueReport, whole đồng). */
    readonly feeRevenue: (r: {
      payments: number;
      collectedVnd: number;
      feeVnd: number;
      chargeVnd: number;
      onlineVnd: number;
      refundedVnd: number;
    }) => string;
    readonly portalSync: (p: {
      synced: number;
      received: number;
      ratio: number | null;
      lagP50Minutes: number;
      lagP99Minutes: number;
      records: number;
      duplicates: number;
      deadLetters: number;
    }) => string;
    readonly ratings: (r: { rated: number; returned: number; satisfiedShare: number }) => string;
  };

  readonly whatIf: {
    /** The desk fields of the sample centre. */
    readonly fields: Readonly<Record<DeskField, string>>;
    readonly variant: (officers: number, current: boolean) => string;
  };

  readonly documents: {
    readonly kind: Readonly<Record<DocumentKind, string>>;
    readonly form01: (kind: string) => string;
    readonly form02: string;
    readonly form04: string;
    readonly controlSlip: string;
    readonly liaisonForm01: (liaison: string) => string;
    readonly liaisonSlip: string;
    readonly partSlip: (part: string, agency: string) => string;
    readonly trackingBook: (n: number) => string;
    readonly form06: (period: string) => string;
  };

  /** The liaisons' short names. */
  readonly liaisonNames: { readonly birth: string; readonly death: string };

  readonly index: {
    readonly head: string;
    readonly title: string;
    readonly version: string;
    readonly rule: { readonly national: string; readonly 'at-return': string };
    readonly ruleIn: { readonly national: string; readonly 'at-return': string };
    readonly noDossier: string;
    readonly group: (group: number) => string;
    readonly incomplete: string;
    readonly points: string;
    readonly days: string;
    readonly dossiers: string;
    readonly note: string;
    readonly groupColumn: string;
    readonly pointsColumn: string;
    readonly idColumn: string;
    readonly nameColumn: string;
    readonly valueColumn: string;
  };

  readonly form06: {
    readonly line: string;
    readonly title: (period: string, first: string, last: string) => string;
    readonly totals: (t: {
      received: number;
      carriedOver: number;
      online: number;
      inPersonOrPostal: number;
      resolved: number;
      early: number;
      onTime: number;
      late: number;
      inProgress: number;
      within: number;
      overdue: number;
    }) => string;
    readonly rows: {
      readonly received: string;
      readonly carriedOver: string;
      readonly online: string;
      readonly inPersonOrPostal: string;
      readonly resolved: string;
      readonly early: string;
      readonly onTime: string;
      readonly late: string;
      readonly inProgress: string;
      readonly within: string;
      readonly overdue: string;
    };
    readonly printable: string;
  };

  readonly html: {
    readonly title: string;
    readonly period: (first: string, last: string, seed: number) => string;
    readonly report: string;
    readonly carriedOver: string;
    readonly received: string;
    readonly resolved: string;
    readonly early: string;
    readonly onTime: string;
    readonly late: string;
    readonly refused: string;
    readonly withdrawn: string;
    readonly inProgressWithin: string;
    readonly inProgressOverdue: string;
    readonly byChannel: string;
    readonly channel: string;
    readonly dossiers: string;
    readonly byProcedure: string;
    readonly procedure: string;
    readonly open: string;
    readonly liaison: string;
    readonly liaisonSummary: (l: {
      parents: number;
      handoffs: number;
      complete: number;
      partial: number;
      refused: number;
    }) => string;
    readonly liaisonColumn: string;
    readonly parts: string;
    readonly part: string;
    readonly agency: string;
    readonly handedOff: string;
    readonly supplemented: string;
    readonly apologized: string;
    readonly nationalStatus: string;
    readonly code: string;
    readonly status: string;
    readonly ratings: string;
    readonly criterion: string;
    readonly meanScore: string;
    readonly showcase: string;
    readonly showcaseNote: string;
    readonly online: string;
    readonly onlineNote: string;
    readonly nationalStatuses: string;
    readonly payment: string;
    readonly crossBoundary: string;
    readonly crossBoundaryNote: string;
    readonly provinceProcess: string;
    readonly provinceDossier: string;
    readonly feeRevenue: string;
    readonly lateEntries: string;
    readonly unit: string;
    readonly entries: string;
    readonly lateColumn: string;
    readonly longestDelay: string;
    readonly hours: (h: number) => string;
    readonly portalSync: string;
    readonly portalSynced: string;
    readonly portalLag: string;
    readonly portalRecords: string;
    readonly portalDead: string;
    readonly minutes: (n: number) => string;
    readonly dailyRate: string;
    readonly noneResolved: string;
    readonly dayRate: (day: string, share: number, resolved: number) => string;
    readonly documents: string;
  };
}

const LABELS: Readonly<Record<JobLanguage, JobLabels>> = { vi: VI, en: EN };

/**
 * The labels of `language` (default Vietnamese).
 *
 * @example
 * ```ts
 * labelsFor('vi').percent(0.557); // '55,7 %'
 * labelsFor('en').percent(0.557); // '55.7%'
 * ```
 */
export function labelsFor(language: JobLanguage = 'vi'): JobLabels {
  return LABELS[language];
}

/** The language an option names, or a typed error naming `--lang`. */
export function parseLanguage(value: string | undefined): JobLanguage {
  if (value === undefined || value === 'vi') return 'vi';
  if (value === 'en') return 'en';
  throw new Error('--lang: expected vi or en');
}
