import { z } from 'zod';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { ValidationError } from '../errors/dossier-errors.js';
import {
  type IndicatorFigure,
  mergeIndexCounts,
  type NationalIndexRow,
  nationalIndexFigures,
} from '../report/national-index.js';
import {
  INDEX_VERSIONS,
  IndexQueryError,
  type IndexVersion,
  indexVersion,
} from '../report/national-index-config.js';
import type { IndexCounts, IndexRule } from '../report/national-index-counts.js';
import { INDEX_DRILL_SETS, type IndexDrillPart } from '../report/national-index-drill.js';
import { reportPeriodContaining } from '../report/report-period.js';
import type { DossierStore } from '../store/store-types.js';
import { zodIssues } from '../validation/zod-issues.js';
import { checkPeriod } from './engine-input.js';

/** How `engine.nationalIndex` groups its rows. */
export type NationalIndexGroupBy = 'agency' | 'unit' | 'procedure' | 'field' | 'month' | 'none';

/** What `engine.nationalIndex` takes. */
export interface NationalIndexQuery {
  /** Start (included) and end (excluded): an instant, a `Date`, or a local date meaning its midnight. */
  readonly from: string | Date;
  readonly to: string | Date;
  /** Default `'none'`. `field` needs `fields`; `month` splits the period at local month starts. */
  readonly by?: NationalIndexGroupBy;
  /** Default `'national'` (see {@link IndexRule}). */
  readonly rule?: IndexRule;
  /** An index version id (`'766-2022'`, `'f766-2025'`); default the version in force on the period's first day. */
  readonly version?: string;
  /** The field (lĩnh vực) of each procedure code, for `by: 'field'`; a procedure not listed is `'?'`. */
  readonly fields?: Readonly<Record<string, string>>;
}

/** The points of a group of indicators: the sum of those known, and whether every indicator had them. */
export interface GroupPoints {
  readonly group: number;
  /** The group's name in Vietnamese; `nameEn` in English (`localName(group, language)`). */
  readonly name: string;
  readonly nameEn?: string | undefined;
  readonly maxPoints: number;
  /** Sum of the points computed; `complete` false when some indicator's points are N/A. */
  readonly points: number;
  readonly complete: boolean;
}

/** One row of {@link NationalIndexResult}: its counts, its figures, and points per group. */
export interface NationalIndexResultRow extends NationalIndexRow {
  readonly counts: IndexCounts;
  readonly groups: readonly GroupPoints[];
}

/** What `engine.nationalIndex` answers. */
export interface NationalIndexResult {
  /** The index version: its id, its name in Vietnamese (`nameEn`: in English) and its source. */
  readonly version: {
    readonly id: string;
    readonly name: string;
    readonly nameEn?: string | undefined;
    readonly source: string;
  };
  readonly rule: IndexRule;
  readonly from: string;
  readonly to: string;
  readonly by: NationalIndexGroupBy;
  readonly rows: readonly NationalIndexResultRow[];
}

/** What `engine.nationalIndexDossiers` takes: a figure's period, rule and group, and a page. */
export interface NationalIndexDossierQuery {
  readonly from: string | Date;
  readonly to: string | Date;
  readonly rule?: IndexRule;
  readonly version?: string;
  /** The indicator, e.g. `'2.1'`. */
  readonly indicator: string;
  /** The part of the figure (see {@link IndexDrillPart} and `INDEX_DRILL_SETS`). */
  readonly part: IndexDrillPart;
  readonly agency?: string;
  readonly unit?: string;
  readonly procedure?: string;
  /** Default 100, at most 1000. */
  readonly limit?: number;
  /** The last code of the previous page. */
  readonly after?: string;
}

const RuleSchema = z.enum(['national', 'at-return']);
const IndexOptionsSchema = z
  .object({
    by: z.enum(['agency', 'unit', 'procedure', 'field', 'month', 'none']).default('none'),
    rule: RuleSchema.default('national'),
    version: z.string().max(40).optional(),
    fields: z.record(z.string().min(1).max(100), z.string().min(1).max(200)).optional(),
  })
  .strict();
const text = z.string().min(1).max(200);
const DrillOptionsSchema = z
  .object({
    rule: RuleSchema.default('national'),
    version: z.string().max(40).optional(),
    indicator: z.string().max(10),
    part: z.enum(['numerator', 'denominator', 'lowering']),
    agency: text.optional(),
    unit: text.optional(),
    procedure: text.optional(),
    limit: z.number().int().min(1).max(1000).default(100),
    after: text.optional(),
  })
  .strict();

function parse<S extends z.ZodType>(schema: S, rest: Record<string, unknown>): z.output<S> {
  const { from: _f, to: _t, ...options } = rest;
  const r = schema.safeParse(options);
  if (!r.success) throw new ValidationError('query', zodIssues(r.error, 'query'));
  return r.data;
}

/** The local months (calendar report periods) of [from, to), each cut to the period. */
function months(
  from: string,
  to: string,
  calendar: WorkingCalendar,
): { key: string; from: string; to: string }[] {
  const out: { key: string; from: string; to: string }[] = [];
  let start = from;
  while (Date.parse(start) < Date.parse(to)) {
    const month = reportPeriodContaining('month', 1, calendar.localDate(new Date(start)));
    const end = new Date(Math.min(Date.parse(month.to), Date.parse(to))).toISOString();
    out.push({ key: month.firstDay.slice(0, 7), from: start, to: end });
    start = end;
  }
  return out;
}

function groupPoints(version: IndexVersion, figures: readonly IndicatorFigure[]): GroupPoints[] {
  return version.groups.map((g) => {
    const mine = figures.filter((f) => f.group === g.group);
    return {
      group: g.group,
      name: g.name,
      nameEn: g.nameEn,
      maxPoints: g.maxPoints,
      points: Math.round(mine.reduce((s, f) => s + (f.points ?? 0), 0) * 100) / 100,
      complete: mine.length > 0 && mine.every((f) => f.points !== null),
    };
  });
}

/** The Decision 766 index for a period (see `engine.nationalIndex`). */
export async function nationalIndex(
  store: DossierStore,
  calendar: WorkingCalendar,
  query: unknown,
  versions: readonly IndexVersion[] = INDEX_VERSIONS,
): Promise<NationalIndexResult> {
  const { from, to, rest } = checkPeriod(query, calendar, ['by', 'rule', 'version', 'fields']);
  const o = parse(IndexOptionsSchema, rest);
  if (o.by === 'field' && o.fields === undefined)
    throw new IndexQueryError('fields', 'grouping by field needs the field of each procedure');
  const version = indexVersion(o.version, calendar.localDate(new Date(from)), versions);
  let counts: IndexCounts[];
  if (o.by === 'month') {
    counts = [];
    for (const m of months(from, to, calendar)) {
      const [row] = await store.nationalIndexCounts({ from: m.from, to: m.to, rule: o.rule, by: 'none' });
      if (row) counts.push({ ...row, group: m.key });
    }
  } else {
    const by = o.by === 'field' ? 'procedure' : o.by;
    counts = await store.nationalIndexCounts({ from, to, rule: o.rule, by });
    if (o.by === 'field') counts = mergeIndexCounts(counts, (p) => o.fields?.[p] ?? '?');
  }
  return {
    version: { id: version.id, name: version.name, nameEn: version.nameEn, source: version.source },
    rule: o.rule,
    from,
    to,
    by: o.by,
    rows: counts.map((c) => {
      const figures = nationalIndexFigures(c, version, o.rule);
      return { group: c.group, counts: c, figures, groups: groupPoints(version, figures) };
    }),
  };
}

/** The codes behind a figure (see `engine.nationalIndexDossiers`). */
export async function nationalIndexDossiers(
  store: DossierStore,
  calendar: WorkingCalendar,
  query: unknown,
  versions: readonly IndexVersion[] = INDEX_VERSIONS,
): Promise<string[]> {
  const { from, to, rest } = checkPeriod(query, calendar, [
    'rule',
    'version',
    'indicator',
    'part',
    'agency',
    'unit',
    'procedure',
    'limit',
    'after',
  ]);
  const o = parse(DrillOptionsSchema, rest);
  const version = indexVersion(o.version, calendar.localDate(new Date(from)), versions);
  const indicator = version.indicators.find((i) => i.id === o.indicator);
  if (!indicator) throw new IndexQueryError('indicator', `not an indicator of index version ${version.id}`);
  const set = INDEX_DRILL_SETS[indicator.measure][o.part];
  if (set === null) throw new IndexQueryError('part', `indicator ${indicator.id} has no dossier set for it`);
  return store.nationalIndexDossiers({
    from,
    to,
    rule: o.rule,
    set,
    agency: o.agency,
    unit: o.unit,
    procedure: o.procedure,
    limit: o.limit,
    after: o.after,
  });
}
