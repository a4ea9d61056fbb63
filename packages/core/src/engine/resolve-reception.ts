import { ValidationError } from '../errors/dossier-errors.js';
import {
  type BoundaryFreeList,
  BoundaryFreeListSchema,
  type DeskTopology,
  DeskTopologySchema,
  ReceptionInputSchema,
  type ResolvedReception,
  type ServiceCentre,
} from '../model/cross-boundary.js';
import { parseOrThrow, zodIssues } from '../validation/zod-issues.js';

/**
 * The engine's reception configuration (`createEngine({ reception })`): the province's desks, and
 * its dated lists of procedures open to reception regardless of administrative boundary.
 */
export interface ReceptionOptions {
  readonly topology: DeskTopology;
  /** Every list the province published, old and new: the one in force on the receipt date applies. */
  readonly boundaryFree?: readonly BoundaryFreeList[];
}

/** The reception configuration, checked (`reception.topology…`, `reception.boundaryFree[i]…`). */
export interface CheckedReception {
  readonly topology: DeskTopology;
  readonly lists: readonly BoundaryFreeList[];
  readonly centres: ReadonlyMap<string, ServiceCentre>;
}

/** Checks `createEngine`'s `reception` option; a bad field is a `ValidationError` naming it. */
export function checkReceptionOptions(options: ReceptionOptions): CheckedReception {
  const topology = parseOrThrow(DeskTopologySchema, options.topology, 'engine options', 'reception.topology');
  const lists = (options.boundaryFree ?? []).map((l, i) =>
    parseOrThrow(BoundaryFreeListSchema, l, 'engine options', `reception.boundaryFree[${i}]`),
  );
  return { topology, lists, centres: new Map(topology.centres.map((c) => [c.id, c])) };
}

/** The centre a reception point belongs to (a centre is its own). */
function centreOf(config: CheckedReception, c: ServiceCentre): ServiceCentre {
  return c.kind === 'reception-point' && c.parent ? (config.centres.get(c.parent) ?? c) : c;
}

/**
 * Resolves a receipt's `reception` (centres by id) against the engine's configuration on the
 * receipt's local date: the centres must be in the topology; a dossier whose receiving centre is
 * not the competent one's (a reception point counts as its centre) is cross-boundary, and its
 * procedure must be on a list in force that day. Every problem is a `ValidationError` naming
 * `reception.<field>` (or `procedure`).
 */
export function resolveReception(
  config: CheckedReception | undefined,
  procedure: string,
  localDate: string,
  input: unknown,
): ResolvedReception {
  const parsed = ReceptionInputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError('receive command', zodIssues(parsed.error, 'reception'));
  if (!config) {
    throw new ValidationError('receive command', [
      { field: 'reception', message: 'the engine has no desk topology (createEngine({ reception }))' },
    ]);
  }
  const r = parsed.data;
  const issues: { field: string; message: string }[] = [];
  const find = (key: 'receivingCentre' | 'competentCentre' | 'returningCentre', centreId: string) => {
    const c = config.centres.get(centreId);
    if (!c)
      issues.push({
        field: `reception.${key}`,
        message: `no centre with this id in ${config.topology.province}`,
      });
    return c;
  };
  const receiving = find('receivingCentre', r.receivingCentre);
  const competent = find('competentCentre', r.competentCentre);
  const returning = r.returningCentre === undefined ? receiving : find('returningCentre', r.returningCentre);
  if (!receiving || !competent || !returning) throw new ValidationError('receive command', issues);
  const crossBoundary = centreOf(config, receiving).id !== centreOf(config, competent).id;
  let list: BoundaryFreeList | undefined;
  let entry: BoundaryFreeList['procedures'][number] | undefined;
  if (crossBoundary) {
    for (const l of config.lists) {
      if (l.effectiveFrom > localDate || (l.effectiveTo !== undefined && l.effectiveTo < localDate)) continue;
      const e = l.procedures.find(
        (p) =>
          p.procedure === procedure &&
          (p.from === undefined || p.from <= localDate) &&
          (p.to === undefined || p.to >= localDate),
      );
      if (e) {
        list = l;
        entry = e;
      }
    }
    if (!list || !entry) {
      throw new ValidationError('receive command', [
        {
          field: 'reception.competentCentre',
          message: `procedure not open to reception regardless of administrative boundary on ${localDate}: receive it at the competent centre`,
        },
      ]);
    }
  }
  const ref = (c: ServiceCentre) => ({ id: c.id, name: c.name });
  const budget = entry?.transferBudget ?? list?.transferBudget;
  return {
    receivingCentre: ref(receiving),
    competentCentre: ref(competent),
    returningCentre: ref(returning),
    crossBoundary,
    ...(list ? { list: `${list.source.document} (${list.source.issuedOn})` } : {}),
    ...(budget ? { transferBudget: budget } : {}),
  };
}
