import {
  type DossierIndexFacts,
  type DossierSummary,
  INDEX_COUNT_NAMES,
  type IndexCountGroupBy,
  type IndexCounts,
  type IndexDossierSet,
  type IndexRule,
} from '@motcua/core';
import { RECEIVED_ONLY } from './received-only.js';

/**
 * The index-fact columns of the dossier summary (SQLite migration 007, PostgreSQL 006), in order.
 * Flags are 0/1 integers in both dialects so that one SQL text counts them; `ix_satisfied` is NULL
 * when not rated. `ix_version` NULL: the row was written before the migration (no facts).
 */
export const INDEX_COLUMN_NAMES = [
  'ix_version',
  'ix_finished_at',
  'ix_end_at',
  'ix_supplement_requests',
  'ix_supplement_ms',
  'ix_last_request_at',
  'ix_last_supplied_at',
  'ix_processing_ms',
  'ix_return_processing_ms',
  'ix_results',
  'ix_e_result',
  'ix_fee_bearing',
  'ix_paid_online',
  'ix_digitised',
  'ix_reused',
  'ix_national_store',
  'ix_population_data',
  'ix_satisfied',
  'ix_liaison_member',
] as const;

/** Which index columns hold instants (the rest hold integers). */
const INSTANT_COLUMNS = new Set(['ix_finished_at', 'ix_end_at', 'ix_last_request_at', 'ix_last_supplied_at']);

/** The index columns as one comma-separated list. */
export const INDEX_COLUMNS = INDEX_COLUMN_NAMES.join(', ');

/** The index columns of a summary, in {@link INDEX_COLUMN_NAMES} order; `canon` canonicalises an instant. */
export function indexColumnValues(
  s: DossierSummary,
  canon: (iso: string, field: string) => string,
): (string | number | null)[] {
  return indexFactValues(s.indexFacts, canon);
}

/** The index columns of a dossier's facts (all NULL without facts), in {@link INDEX_COLUMN_NAMES} order. */
export function indexFactValues(
  f: DossierIndexFacts | undefined,
  canon: (iso: string, field: string) => string,
): (string | number | null)[] {
  if (!f) return INDEX_COLUMN_NAMES.map(() => null);
  const at = (v: string | null, field: string) =>
    v === null ? null : canon(v, `summary.indexFacts.${field}`);
  const flag = (b: boolean) => (b ? 1 : 0);
  return [
    f.version,
    at(f.finishedAt, 'finishedAt'),
    at(f.endAt, 'endAt'),
    f.supplementRequests,
    f.supplementMs,
    at(f.lastRequestAt, 'lastRequestAt'),
    at(f.lastSuppliedAt, 'lastSuppliedAt'),
    f.processingMs,
    f.returnProcessingMs,
    f.results,
    flag(f.eResult),
    flag(f.feeBearing),
    f.paidOnline,
    flag(f.digitised),
    flag(f.reused),
    flag(f.nationalStore),
    flag(f.populationData),
    f.satisfied === null ? null : flag(f.satisfied),
    f.liaisonMember ? 1 : 0,
  ];
}

/** The index columns of a row as read back (numbers may come back as strings or bigints). */
export type IndexColumns<I> = Record<(typeof INDEX_COLUMN_NAMES)[number], I | number | string | null>;

/** The index facts from their columns, or `undefined` when the row has none (written before the migration). */
export function indexFactsFromColumns<I>(
  r: IndexColumns<I>,
  iso: (v: I) => string,
): DossierIndexFacts | undefined {
  if (r.ix_version === null || r.ix_version === undefined) return undefined;
  const n = (v: unknown) => Number(v);
  const nOrNull = (v: unknown) => (v === null ? null : Number(v));
  const at = (v: unknown) => (v === null ? null : iso(v as I));
  return {
    version: n(r.ix_version),
    finishedAt: at(r.ix_finished_at),
    endAt: at(r.ix_end_at),
    supplementRequests: n(r.ix_supplement_requests),
    supplementMs: n(r.ix_supplement_ms),
    lastRequestAt: at(r.ix_last_request_at),
    lastSuppliedAt: at(r.ix_last_supplied_at),
    processingMs: nOrNull(r.ix_processing_ms),
    returnProcessingMs: nOrNull(r.ix_return_processing_ms),
    results: n(r.ix_results),
    eResult: n(r.ix_e_result) === 1,
    feeBearing: n(r.ix_fee_bearing) === 1,
    paidOnline: n(r.ix_paid_online),
    digitised: n(r.ix_digitised) === 1,
    reused: n(r.ix_reused) === 1,
    nationalStore: n(r.ix_national_store) === 1,
    populationData: n(r.ix_population_data) === 1,
    satisfied: r.ix_satisfied === null ? null : n(r.ix_satisfied) === 1,
    ...(n(r.ix_liaison_member) === 1 ? { liaisonMember: true as const } : {}),
  };
}

/**
 * PostgreSQL: the index columns' values from one jsonb parameter (an object keyed by column), as
 * a list of cast expressions in {@link INDEX_COLUMN_NAMES} order.
 */
export function pgIndexValuesFromJson(param: string): string[] {
  return INDEX_COLUMN_NAMES.map((c) =>
    INSTANT_COLUMNS.has(c) ? `(${param}->>'${c}')::timestamptz` : `(${param}->>'${c}')::bigint`,
  );
}

/** The index columns of a summary as the jsonb object {@link pgIndexValuesFromJson} reads. */
export function indexColumnsJson(s: DossierSummary, canon: (iso: string, field: string) => string): string {
  return JSON.stringify(indexColumnsObject(s.indexFacts, canon));
}

/** A dossier's facts as an object keyed by index column (what {@link pgIndexValuesFromJson} reads). */
export function indexColumnsObject(
  f: DossierIndexFacts | undefined,
  canon: (iso: string, field: string) => string,
): Record<string, string | number | null> {
  const values = indexFactValues(f, canon);
  return Object.fromEntries(INDEX_COLUMN_NAMES.map((c, i) => [c, values[i] ?? null]));
}

/**
 * The codes of the dossiers without index facts after `after` (a placeholder, or none), in code
 * order, at most `limit`: a walk of the primary key that stops at the page's last code.
 */
export function codesWithoutIndexFactsSql(
  table: string,
  p: { after?: string | undefined; limit: string },
  collate: string,
): string {
  return `SELECT code FROM ${table} WHERE ix_version IS NULL${p.after ? ` AND code${collate} > ${p.after}` : ''} ORDER BY code${collate} LIMIT ${p.limit}`;
}

/** A period's bounds as the adapter's placeholders (`$1`, `?`…). */
interface Bounds {
  readonly from: string;
  readonly to: string;
}

/**
 * The end of processing by the national rule, as an SQL expression over a row: finished, returned,
 * stopped… before `to`; else waiting on a supplementation at `to`: the request; else `to` (open
 * dossiers are judged at the period's end). Instants compare as instants (PostgreSQL) or canonical
 * ISO text (SQLite).
 */
function nationalEnd(p: Bounds): string {
  return `CASE WHEN ix_end_at IS NOT NULL AND ix_end_at < ${p.to} THEN ix_end_at
      WHEN ix_last_request_at IS NOT NULL AND ix_last_request_at < ${p.to} AND (ix_last_supplied_at IS NULL OR ix_last_supplied_at >= ${p.to}) THEN ix_last_request_at
      ELSE ${p.to} END`;
}

/**
 * 2.1's and 2.2's sets under a rule (mirrors core's `indexSetsOf`): `end` is the row's end of
 * processing by the national rule (an expression, or the column an inner query computed it into);
 * `processing` is the column 2.2 sums over `completed`.
 */
function ruleSets(
  rule: IndexRule,
  p: Bounds,
  end: string,
): { judged: string; timely: string; completed: string; processing: string } {
  if (rule === 'at-return') {
    const judged = `(closed_at >= ${p.from} AND closed_at < ${p.to} AND outcome IN ('returned', 'refused'))`;
    return {
      judged,
      timely: `(${judged} AND result IS NOT NULL AND result IN ('EARLY', 'ON_TIME'))`,
      completed: `(ix_version IS NOT NULL AND outcome = 'returned' AND closed_at >= ${p.from} AND closed_at < ${p.to} AND ix_return_processing_ms IS NOT NULL)`,
      processing: 'ix_return_processing_ms',
    };
  }
  const completedAt = `coalesce(ix_finished_at, CASE WHEN outcome = 'returned' THEN closed_at END)`;
  return {
    judged: `(${end} >= ${p.from})`,
    timely: `(${end} >= ${p.from} AND coalesce(ix_supplement_requests, 0) <= 1 AND ${end} <= legal_due_at)`,
    completed: `(ix_version IS NOT NULL AND ix_processing_ms IS NOT NULL AND ${completedAt} >= ${p.from} AND ${completedAt} < ${p.to})`,
    processing: 'ix_processing_ms',
  };
}

/** The sets within 2.1's judged dossiers, from the conditions that a row is judged and timely. */
function judgedSets(
  judged: string,
  timely: string,
): Pick<Record<IndexDossierSet, string>, 'dissatisfied' | 'lateOrDissatisfied' | 'judgedWithoutFacts'> {
  return {
    dissatisfied: `(${judged} AND ix_satisfied = 0)`,
    lateOrDissatisfied: `(${judged} AND (NOT ${timely} OR ix_satisfied = 0))`,
    judgedWithoutFacts: `(${judged} AND ix_version IS NULL)`,
  };
}

/** The sets counted over the dossiers received in the period (groups 3 and 4), given that condition. */
type FactSet = Exclude<
  IndexDossierSet,
  'judged' | 'timely' | 'completed' | 'dissatisfied' | 'lateOrDissatisfied' | 'judgedWithoutFacts'
>;

/**
 * The received dossiers' sets under a rule, from the condition that a row was received in the
 * period (`received`: an expression, or the flag an inner query computed): the one source of these
 * conditions for the counts and the drill-down.
 */
function factSets(rule: IndexRule, received: string): Record<FactSet, string> {
  const withFacts = `(${received} AND ix_version IS NOT NULL)`;
  const online = `channel IN ('online-full', 'online-partial')`;
  const eResultWhereIssued = '(ix_results = 0 OR ix_e_result = 1)';
  return {
    received,
    receivedWithoutFacts: `(${received} AND ix_version IS NULL)`,
    online: `(${withFacts} AND ${online}${rule === 'at-return' ? '' : ` AND ${eResultWhereIssued}`})`,
    feeBearing: `(${withFacts} AND ix_fee_bearing = 1)`,
    paidOnline: `(${withFacts} AND ix_fee_bearing = 1 AND ix_paid_online > 0)`,
    paidOnPortal: `(${withFacts} AND ix_fee_bearing = 1 AND ix_paid_online = 1)`,
    withResults: `(${withFacts} AND ix_results > 0)`,
    eResults: `(${withFacts} AND ix_results > 0 AND ix_e_result = 1)`,
    digitised: `(${withFacts} AND ix_digitised = 1 AND ${eResultWhereIssued})`,
    reused: `(${withFacts} AND ix_reused = 1)`,
    nationalStore: `(${withFacts} AND ix_national_store = 1)`,
    populationData: `(${withFacts} AND ix_population_data = 1)`,
    // 1.4: the filings (liaison member parts left out; NULL: written before the column) and those
    // the portal acknowledged (the portal connector records it; no other fact needed).
    filings: `(${received} AND coalesce(ix_liaison_member, 0) = 0)`,
    synced: `(${received} AND coalesce(ix_liaison_member, 0) = 0 AND ix_synced_at IS NOT NULL)`,
  };
}

/** The condition of every dossier set under a rule, over the summary and index columns of a row. */
function setConditions(rule: IndexRule, p: Bounds): Record<IndexDossierSet, string> {
  const r = ruleSets(rule, p, `(${nationalEnd(p)})`);
  return {
    judged: r.judged,
    timely: r.timely,
    completed: r.completed,
    ...judgedSets(r.judged, r.timely),
    ...factSets(rule, `(received_at >= ${p.from})`),
  };
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function groupColumn(by: IndexCountGroupBy): string {
  return by === 'agency'
    ? 'agency'
    : by === 'unit'
      ? 'holder'
      : by === 'procedure'
        ? 'procedure_code'
        : "'*'";
}

/**
 * Rows that can be in any set of the period: received before `to`, not an intake state, and not
 * closed before `from` unless an index fact may still place it in the period (the end by the
 * national rule is never after the close, so closed before `from` is out for every set but none).
 */
function scope(p: Bounds): string {
  return `received_at < ${p.to} AND ${RECEIVED_ONLY} AND (closed_at IS NULL OR closed_at >= ${p.from} OR received_at >= ${p.from} OR ix_finished_at >= ${p.from})`;
}

/**
 * The national index's counts in one `GROUP BY` query over the dossiers table (SQLite and
 * PostgreSQL). The inner query computes each row's end of processing once (national rule) and its
 * judged / on-time / completed / received flags as 0 or 1; the outer one sums them, so the costly
 * conditions are evaluated once per row, not once per count. `fence` keeps the inner query from
 * being merged into the outer one (SQLite `LIMIT -1 OFFSET 0`, PostgreSQL `OFFSET 0`).
 * `syncTable` is where 1.4's "any acknowledgement kept" probe looks (SQLite: the partial index of
 * migration 010; default `table`).
 */
export function indexCountsSql(
  table: string,
  rule: IndexRule,
  by: IndexCountGroupBy,
  p: Bounds,
  fence: string,
  syncTable: string = table,
): string {
  const flag = (cond: string) => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
  const rs = ruleSets(rule, p, 'e');
  // The outer query counts every set from the inner query's flags (j, t, c, r: 0 or 1).
  const flagged = { ...judgedSets('j = 1', '(t = 1)'), ...factSets(rule, 'r = 1') };
  const sums: Record<(typeof INDEX_COUNT_NAMES)[number], string> = {
    ...(Object.fromEntries(
      Object.entries(flagged).map(([name, cond]) => [name, `sum(${flag(cond)})`]),
    ) as Record<keyof typeof flagged, string>),
    judged: 'sum(j)',
    timely: 'sum(t)',
    completed: 'sum(c)',
    processingMs: 'coalesce(sum(pms), 0)',
    received: 'sum(r)',
    // The store keeps portal acknowledgements at all (one lookup in a partial index): 1.4 or N/A.
    syncKept: `CASE WHEN EXISTS (SELECT 1 FROM ${syncTable} WHERE ix_synced_at IS NOT NULL) THEN 1 ELSE 0 END`,
  };
  const carried =
    'ix_version, channel, ix_results, ix_e_result, ix_fee_bearing, ix_paid_online, ix_digitised, ix_reused, ix_national_store, ix_population_data, ix_satisfied, ix_synced_at, ix_liaison_member';
  return `SELECT grp, ${INDEX_COUNT_NAMES.map((n) => `${sums[n]} AS ${snake(n)}`).join(',\n  ')}
FROM (
  SELECT grp, ${flag(rs.judged)} AS j, ${flag(rs.timely)} AS t, ${flag(rs.completed)} AS c,
    CASE WHEN ${rs.completed} THEN ${rs.processing} ELSE 0 END AS pms, ${flag(`received_at >= ${p.from}`)} AS r, ${carried}
  FROM (
    SELECT ${groupColumn(by)} AS grp, ${rule === 'national' ? nationalEnd(p) : 'NULL'} AS e, ${SOURCE_COLUMNS}
    FROM ${table}
    WHERE ${scope(p)}${fence}
  ) d${fence}
) x
GROUP BY grp`;
}

/** The columns the counts read. */
const SOURCE_COLUMNS =
  'received_at, legal_due_at, closed_at, outcome, result, ix_version, ix_finished_at, ix_supplement_requests, ix_processing_ms, ix_return_processing_ms, channel, ix_results, ix_e_result, ix_fee_bearing, ix_paid_online, ix_digitised, ix_reused, ix_national_store, ix_population_data, ix_satisfied, ix_synced_at, ix_liaison_member';

/** The codes of one set's dossiers, filtered and paged (`$agency` … placeholders given by the adapter). */
export function indexDossiersSql(
  table: string,
  rule: IndexRule,
  set: IndexDossierSet,
  p: { from: string; to: string; limit: string },
  filters: { agency?: string; unit?: string; procedure?: string; after?: string },
  collate: string,
): string {
  const c = setConditions(rule, p);
  const where = [scope(p), c[set]];
  if (filters.agency) where.push(`agency = ${filters.agency}`);
  if (filters.unit) where.push(`holder = ${filters.unit}`);
  if (filters.procedure) where.push(`procedure_code = ${filters.procedure}`);
  if (filters.after) where.push(`code${collate} > ${filters.after}`);
  return `SELECT code FROM ${table} WHERE ${where.join(' AND ')} ORDER BY code${collate} LIMIT ${p.limit}`;
}

/** Index counts rows from the query's rows, sorted by group as core sorts them. */
export function assembleIndexCounts(rows: readonly Record<string, unknown>[]): IndexCounts[] {
  return rows
    .map((r) => {
      const out: Record<string, unknown> = { group: String(r.grp) };
      for (const n of INDEX_COUNT_NAMES) out[n] = Number(r[snake(n)]);
      return out as unknown as IndexCounts;
    })
    .filter((r) => INDEX_COUNT_NAMES.some((n) => n !== 'syncKept' && r[n] !== 0))
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
