import type { DossierContext } from '../model/dossier-context.js';
import type { DossierSummary } from '../model/dossier-summary.js';
import type { PersistedDossier } from '../procedure/define-procedure.js';
import { stateName } from '../procedure/define-procedure.js';

/**
 * The indexed facts of a dossier from its context and state (no personal data). `status` defaults
 * to `done` once the context has an outcome.
 */
function summaryFromContext(
  c: DossierContext,
  procedure: { readonly code: string; readonly version: string },
  state: string,
  status: 'active' | 'done' = c.outcome ? 'done' : 'active',
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
  };
}

/** The indexed facts of a persisted dossier (no personal data). */
export function summaryOf(persisted: PersistedDossier): DossierSummary {
  return summaryFromContext(
    persisted.context,
    persisted.procedure,
    stateName(persisted.value),
    persisted.status,
  );
}
