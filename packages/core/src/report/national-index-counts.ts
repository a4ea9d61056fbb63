import type { DossierSummary } from '../model/dossier-summary.js';
import { INTAKE_STATES } from '../procedure/lifecycle-intake.js';

/**
 * How early, on time and late are judged (selectable per report):
 * - `national`: the rules of Decision 766's operational document (2.1): the end of processing is
 *   "processing finished" (Đã xử lý xong) when present, else the return, refusal, stop or
 *   withdrawal; a dossier waiting for a supplementation at the period's end ends at the request;
 *   an open dossier is judged at the period's end; more than one supplementation request is late;
 *   a dossier counts as online only with an electronic result where it has a result document;
 * - `at-return`: motcua's report (Circular 01/2020/TT-VPCP statistics): dossiers returned or
 *   refused in the period, judged at the return against the legal due time; online by channel.
 */
export type IndexRule = 'national' | 'at-return';

/** How the store groups the counts (by agency, unit holding the dossier, procedure, or not). */
export type IndexCountGroupBy = 'agency' | 'unit' | 'procedure' | 'none';

/** What `DossierStore.nationalIndexCounts` takes: a period of instants [from, to), a rule, a grouping. */
export interface IndexCountQuery {
  readonly from: string;
  readonly to: string;
  readonly rule: IndexRule;
  readonly by: IndexCountGroupBy;
}

/**
 * The counts of one group for one period that every indicator is computed from (the stores count
 * them set-based; {@link nationalIndexFigures} turns them into shares and points).
 */
export interface IndexCounts {
  /** Agency code, unit, procedure code, or `'*'`. */
  readonly group: string;
  /** 2.1's dossiers (received or processed in the period; `at-return`: returned or refused in it). */
  readonly judged: number;
  /** Of them, early or on time. */
  readonly timely: number;
  /** Of them, rated dissatisfied; late or dissatisfied. */
  readonly dissatisfied: number;
  readonly lateOrDissatisfied: number;
  /** Of them, without index facts (stored before the stores kept them). */
  readonly judgedWithoutFacts: number;
  /** 2.2: dossiers completed in the period and the sum of their processing times (ms). */
  readonly completed: number;
  readonly processingMs: number;
  /** Received in the period, and of them without index facts. */
  readonly received: number;
  readonly receivedWithoutFacts: number;
  /** Of those received: online (3.3). */
  readonly online: number;
  /** Fee-bearing, paid online (3.6), of which on the national portal. */
  readonly feeBearing: number;
  readonly paidOnline: number;
  readonly paidOnPortal: number;
  /** With a result document, with an electronic result (4.1). */
  readonly withResults: number;
  readonly eResults: number;
  /** Digitised (4.2), reusing data (4.3), from the national store (4.4), using population data (4.5). */
  readonly digitised: number;
  readonly reused: number;
  readonly nationalStore: number;
  readonly populationData: number;
  /**
   * Of those received: the filings the portal should hold, i.e. all but the parts member agencies
   * handle in a liaison (1.4's denominator).
   */
  readonly filings: number;
  /**
   * Of those filings: acknowledged by the national portal (1.4, đồng bộ lên Cổng DVCQG), as the
   * portal connector records it (`engine.recordPortalSync`).
   */
  readonly synced: number;
  /**
   * 1 when the store keeps the portal's acknowledgements (at least one dossier of the store was
   * recorded), else 0: without them 1.4 is N/A. Merged rows sum it: read it as `> 0`.
   */
  readonly syncKept: number;
}

/** A count of {@link IndexCounts} (every field but the group). */
export type IndexCountName = Exclude<keyof IndexCounts, 'group'>;

/** The names of the counts, in the order of {@link IndexCounts}. */
export const INDEX_COUNT_NAMES: readonly IndexCountName[] = [
  'judged',
  'timely',
  'dissatisfied',
  'lateOrDissatisfied',
  'judgedWithoutFacts',
  'completed',
  'processingMs',
  'received',
  'receivedWithoutFacts',
  'online',
  'feeBearing',
  'paidOnline',
  'paidOnPortal',
  'withResults',
  'eResults',
  'digitised',
  'reused',
  'nationalStore',
  'populationData',
  'filings',
  'synced',
  'syncKept',
];

/**
 * The dossier sets behind the figures, for the drill-down: each a count of {@link IndexCounts}
 * but the sums (`processingMs`) and the store's flag (`syncKept`), e.g. `timely` (2.1's numerator)
 * or `judged` (its denominator).
 */
export type IndexDossierSet = Exclude<IndexCountName, 'processingMs' | 'syncKept'>;

/** What `DossierStore.nationalIndexDossiers` takes: a set of a period, a group, a page. */
export interface IndexDossierQuery {
  readonly from: string;
  readonly to: string;
  readonly rule: IndexRule;
  readonly set: IndexDossierSet;
  /** Only dossiers of this agency, unit (holder) or procedure. */
  readonly agency?: string | undefined;
  readonly unit?: string | undefined;
  readonly procedure?: string | undefined;
  /** At most this many codes (1–1000), in code order. */
  readonly limit: number;
  /** The next page: codes after this one. */
  readonly after?: string | undefined;
}

/** A mutable counts row of `group`, every count at zero. */
export function emptyIndexCounts(group: string): { -readonly [K in keyof IndexCounts]: IndexCounts[K] } {
  const row = { group } as { -readonly [K in keyof IndexCounts]: IndexCounts[K] };
  for (const n of INDEX_COUNT_NAMES) row[n] = 0;
  return row;
}

const ms = (iso: string | null | undefined) => (iso === null || iso === undefined ? null : Date.parse(iso));

/**
 * The sets a dossier's summary belongs to for the period [from, to) under `rule`, with its
 * processing time when it is completed in the period: the in-memory counterpart of the stores'
 * SQL (the conformance suite and a differential test keep them equal).
 */
function indexSetsOf(
  s: DossierSummary,
  rule: IndexRule,
  from: number,
  to: number,
  synced: boolean,
): { sets: Set<IndexDossierSet>; processingMs: number } {
  const sets = new Set<IndexDossierSet>();
  let processingMs = 0;
  if (INTAKE_STATES.includes(s.state)) return { sets, processingMs };
  const received = Date.parse(s.receivedAt);
  if (received >= to) return { sets, processingMs };
  const f = s.indexFacts;
  const legal = Date.parse(s.legalDueAt);
  const closed = ms(s.closedAt);
  // Closed before the period (and neither received nor finished in it): in no set of the period.
  const finished = ms(f?.finishedAt);
  if (closed !== null && closed < from && received < from && !(finished !== null && finished >= from))
    return { sets, processingMs };
  let judged = false;
  let timely = false;
  if (rule === 'at-return') {
    if (
      closed !== null &&
      closed >= from &&
      closed < to &&
      (s.outcome === 'returned' || s.outcome === 'refused')
    ) {
      judged = true;
      timely = s.result === 'EARLY' || s.result === 'ON_TIME';
    }
  } else {
    const endAt = ms(f?.endAt);
    const lastRequest = ms(f?.lastRequestAt);
    const lastSupplied = ms(f?.lastSuppliedAt);
    let end: number;
    if (endAt !== null && endAt < to) end = endAt;
    else if (lastRequest !== null && lastRequest < to && (lastSupplied === null || lastSupplied >= to))
      end = lastRequest;
    else end = to;
    if (end >= from) {
      judged = true;
      timely = (f?.supplementRequests ?? 0) <= 1 && (end === to ? to <= legal : end <= legal);
    }
  }
  if (judged) {
    sets.add('judged');
    if (timely) sets.add('timely');
    if (!f) sets.add('judgedWithoutFacts');
    if (f?.satisfied === false) sets.add('dissatisfied');
    if (!timely || f?.satisfied === false) sets.add('lateOrDissatisfied');
  }
  if (f) {
    if (rule === 'at-return') {
      if (
        s.outcome === 'returned' &&
        closed !== null &&
        closed >= from &&
        closed < to &&
        f.returnProcessingMs !== null
      ) {
        sets.add('completed');
        processingMs = f.returnProcessingMs;
      }
    } else {
      const completedAt = ms(f.finishedAt) ?? (s.outcome === 'returned' ? closed : null);
      if (completedAt !== null && completedAt >= from && completedAt < to && f.processingMs !== null) {
        sets.add('completed');
        processingMs = f.processingMs;
      }
    }
  }
  if (received >= from) {
    sets.add('received');
    if (f?.liaisonMember !== true) {
      sets.add('filings');
      if (synced) sets.add('synced');
    }
    if (!f) sets.add('receivedWithoutFacts');
    else {
      const eResultWhereIssued = f.results === 0 || f.eResult;
      const online = s.channel === 'online-full' || s.channel === 'online-partial';
      if (online && (rule === 'at-return' || eResultWhereIssued)) sets.add('online');
      if (f.feeBearing) {
        sets.add('feeBearing');
        if (f.paidOnline > 0) sets.add('paidOnline');
        if (f.paidOnline === 1) sets.add('paidOnPortal');
      }
      if (f.results > 0) {
        sets.add('withResults');
        if (f.eResult) sets.add('eResults');
      }
      if (f.digitised && eResultWhereIssued) sets.add('digitised');
      if (f.reused) sets.add('reused');
      if (f.nationalStore) sets.add('nationalStore');
      if (f.populationData) sets.add('populationData');
    }
  }
  return { sets, processingMs };
}

/** The group of a summary for a store grouping. */
function indexGroupOf(s: DossierSummary, by: IndexCountGroupBy): string {
  switch (by) {
    case 'agency':
      return s.agency;
    case 'unit':
      return s.holder;
    case 'procedure':
      return s.procedureCode;
    case 'none':
      return '*';
  }
}

/**
 * The index counts of summaries for a period, grouped (see {@link IndexCounts}): what the
 * in-memory store answers; the SQL stores compute the same with one `GROUP BY` query. Rows sorted
 * by group; groups with nothing counted are left out. `portalSynced` holds the dossiers the
 * national portal acknowledged (code → first acknowledgement), as the store recorded them.
 */
export function countIndex(
  summaries: Iterable<DossierSummary>,
  query: IndexCountQuery,
  portalSynced: ReadonlyMap<string, string> = new Map(),
): IndexCounts[] {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const rows = new Map<string, ReturnType<typeof emptyIndexCounts>>();
  for (const s of summaries) {
    const { sets, processingMs } = indexSetsOf(s, query.rule, from, to, portalSynced.has(s.code));
    if (sets.size === 0) continue;
    const g = indexGroupOf(s, query.by);
    let row = rows.get(g);
    if (!row) {
      row = emptyIndexCounts(g);
      row.syncKept = portalSynced.size > 0 ? 1 : 0;
      rows.set(g, row);
    }
    for (const set of sets) row[set]++;
    row.processingMs += processingMs;
  }
  return [...rows.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/** The codes of the dossiers in a set (see {@link IndexDossierQuery}), in code order, one page. */
export function indexDossiers(
  summaries: Iterable<DossierSummary>,
  query: IndexDossierQuery,
  portalSynced: ReadonlyMap<string, string> = new Map(),
): string[] {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const codes: string[] = [];
  for (const s of summaries) {
    if (query.agency !== undefined && s.agency !== query.agency) continue;
    if (query.unit !== undefined && s.holder !== query.unit) continue;
    if (query.procedure !== undefined && s.procedureCode !== query.procedure) continue;
    if (query.after !== undefined && s.code <= query.after) continue;
    if (indexSetsOf(s, query.rule, from, to, portalSynced.has(s.code)).sets.has(query.set))
      codes.push(s.code);
  }
  codes.sort();
  return codes.slice(0, query.limit);
}
