import type { DossierContext } from '../model/dossier-context.js';
import type { DossierSummary } from '../model/dossier-summary.js';
import { indexFactsOf } from '../model/index-facts.js';
import type { NationalStatus } from '../model/national-status.js';
import type { PersistedDossier } from '../procedure/define-procedure.js';
import { stateName } from '../procedure/define-procedure.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import { nationalStatusOf } from '../procedure/national-status.js';

/**
 * The indexed facts of a dossier from its context and state (no personal data).
 */
function summaryFromContext(
  c: DossierContext,
  procedure: { readonly code: string; readonly version: string },
  state: string,
  status: 'active' | 'done',
  nationalStatus: number | null,
): DossierSummary {
  return {
    code: c.code,
    agency: c.agency,
    procedureCode: procedure.code,
    procedureVersion: procedure.version,
    channel: c.channel,
    state,
    status,
    holder: c.holder,
    receivedAt: c.receivedAt,
    legalDueAt: c.due.legal,
    currentDueAt: c.due.current,
    closedAt: c.outcome?.at ?? null,
    outcome: c.outcome?.kind ?? null,
    result: c.outcome?.result ?? null,
    lateUnit: c.outcome?.lateUnit ?? c.overdue?.unit ?? null,
    paused: c.pause !== null,
    nationalStatus,
    indexFacts: indexFactsOf(c),
  };
}

/**
 * The indexed facts of a persisted dossier (no personal data), without its national status
 * (`nationalStatus: null`: the mapping is the procedure's, see {@link summaryWithNationalStatus}).
 *
 * @example
 * ```ts
 * import { summaryOf } from '@motcua/core';
 * import { permanentResidence, samplePermanentResidence } from '@motcua/procedures';
 * const [residence] = permanentResidence.versions;
 * const { applicant, application } = samplePermanentResidence;
 * const snapshot = residence!.receive({
 *   code: '000.00.14.H56-260302-0001', secret: 'K7Q2M9', agency: '000.00.14.H56',
 *   receivedAt: '2026-03-02T09:00:00+07:00', channel: 'in-person',
 *   receivedBy: { officerId: 'desk-1', unitId: 'desk', name: 'Nguyễn Văn An' }, applicant, application,
 * });
 * const summary = summaryOf(residence!.persist(snapshot)); // the indexed row a store keeps, no personal data
 * ```
 */
export function summaryOf(persisted: PersistedDossier): DossierSummary {
  return summaryFromContext(
    persisted.context,
    persisted.procedure,
    stateName(persisted.value),
    persisted.status,
    null,
  );
}

/**
 * The indexed facts of a persisted dossier with its national status code (`nationalStatus`, by
 * the procedure's mapping, see {@link nationalStatusOf}): the summary the engine commits, so that
 * stores can count dossiers by national status.
 *
 * @example
 * ```ts
 * import { summaryWithNationalStatus } from '@motcua/core';
 * import { permanentResidence, samplePermanentResidence } from '@motcua/procedures';
 * const [residence] = permanentResidence.versions;
 * const { applicant, application } = samplePermanentResidence;
 * const snapshot = residence!.receive({
 *   code: '000.00.14.H56-260302-0001', secret: 'K7Q2M9', agency: '000.00.14.H56',
 *   receivedAt: '2026-03-02T09:00:00+07:00', channel: 'in-person',
 *   receivedBy: { officerId: 'desk-1', unitId: 'desk', name: 'Nguyễn Văn An' }, applicant, application,
 * });
 * const summary = summaryWithNationalStatus(residence!.persist(snapshot), residence!.definition);
 * summary.nationalStatus; // 2 (Được tiếp nhận): still at the receiving desk
 * ```
 */
export function summaryWithNationalStatus(
  persisted: PersistedDossier,
  definition: ProcedureDefinition,
): DossierSummary {
  return summaryWithStatus(persisted, definition).summary;
}

/** The summary of a persisted dossier and its national status (code and name), computed once. */
export function summaryWithStatus(
  persisted: PersistedDossier,
  definition: ProcedureDefinition,
): { summary: DossierSummary; national: NationalStatus | undefined } {
  const state = stateName(persisted.value);
  const national = nationalStatusOf(definition, state, persisted.context);
  const summary = summaryFromContext(
    persisted.context,
    persisted.procedure,
    state,
    persisted.status,
    national?.code ?? null,
  );
  return { summary, national };
}
