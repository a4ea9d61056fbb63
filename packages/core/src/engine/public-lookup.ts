import { timingSafeEqual } from 'node:crypto';
import type { Timeliness } from '../dossier/timeliness.js';
import type { PersistedDossier } from '../procedure/define-procedure.js';
import { stateName } from '../procedure/define-procedure.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';

/** The public progress view of a dossier (tra cứu hồ sơ): no personal data. */
export interface PublicDossierView {
  readonly code: string;
  readonly procedure: { readonly code: string; readonly name: string };
  /** Status in Vietnamese, e.g. `'Đang giải quyết'`. */
  readonly status: string;
  readonly statusCode:
    | 'processing'
    | 'supplementing'
    | 'result-ready'
    | 'returned'
    | 'refused'
    | 'withdrawn'
    | 'stopped'
    | 'expired';
  /** Name of the unit holding the dossier. */
  readonly currentUnit: string;
  readonly receivedAt: string;
  /** Due time in force (after an apology: the new date). */
  readonly dueAt: string;
  /** Closed dossiers: early / on time / late; open ones: whether they are past due now. */
  readonly timeliness: Timeliness | 'WITHIN_TIME' | 'OVERDUE' | null;
  readonly apologised: boolean;
  readonly closedAt: string | null;
}

const STATUS: Record<PublicDossierView['statusCode'], string> = {
  processing: 'Đang giải quyết',
  supplementing: 'Chờ bổ sung hồ sơ',
  'result-ready': 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối giải quyết',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng giải quyết',
  expired: 'Đóng do không bổ sung',
};

/** Compares a presented secret with the stored one in constant time. */
export function secretMatches(presented: string, stored: string): boolean {
  const a = Buffer.from(presented.trim().toUpperCase());
  const b = Buffer.from(stored.toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Builds the public view of a dossier at `now`. */
export function publicView(
  persisted: PersistedDossier,
  def: ProcedureDefinition,
  now: Date,
): PublicDossierView {
  const c = persisted.context;
  const state = stateName(persisted.value);
  const statusCode: PublicDossierView['statusCode'] = c.outcome
    ? c.outcome.kind
    : state === 'supplementing'
      ? 'supplementing'
      : state === 'resultReady'
        ? 'result-ready'
        : 'processing';
  const timeliness = c.outcome
    ? c.outcome.result
    : c.pause
      ? 'WITHIN_TIME'
      : now.getTime() > Date.parse(c.due.legal)
        ? 'OVERDUE'
        : 'WITHIN_TIME';
  return {
    code: c.code,
    procedure: { code: def.code, name: def.name.vi },
    status: STATUS[statusCode],
    statusCode,
    currentUnit: def.units[c.holder]?.name ?? c.holder,
    receivedAt: c.receivedAt,
    dueAt: c.due.current,
    timeliness,
    apologised: c.apology !== null,
    closedAt: c.outcome?.at ?? null,
  };
}
