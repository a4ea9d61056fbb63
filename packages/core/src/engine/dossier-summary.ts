import type { PersistedDossier } from '../procedure/define-procedure.js';
import { stateName } from '../procedure/define-procedure.js';
import type { DossierSummary } from '../store/store-types.js';

/** The indexed facts of a persisted dossier (no personal data). */
export function summaryOf(persisted: PersistedDossier): DossierSummary {
  const c = persisted.context;
  return {
    code: c.code,
    agency: c.agency,
    procedureCode: persisted.procedure.code,
    procedureVersion: persisted.procedure.version,
    channel: c.channel,
    state: stateName(persisted.value),
    status: persisted.status,
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
