import { timingSafeEqual } from 'node:crypto';
import type { NationalStatus } from '../model/national-status.js';
import type { Timeliness } from '../model/timeliness.js';
import type { PersistedDossier } from '../procedure/define-procedure.js';
import { stateName } from '../procedure/define-procedure.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import { nationalStatusOf } from '../procedure/national-status.js';

/** The public progress view of a dossier (tra cứu hồ sơ): no personal data. */
export interface PublicDossierView {
  readonly code: string;
  readonly procedure: { readonly code: string; readonly name: string };
  /** Status in Vietnamese, e.g. `'Đang giải quyết'`. */
  readonly status: string;
  readonly statusCode:
    | 'submitted'
    | 'intake-supplementing'
    | 'not-accepted'
    | 'processing'
    | 'supplementing'
    | 'awaiting-payment'
    | 'result-ready'
    | 'returned'
    | 'refused'
    | 'withdrawn'
    | 'stopped'
    | 'expired';
  /**
   * The national dossier status (1 Mới đăng ký … 10 Đã trả kết quả) as the procedure maps the
   * state, the status the National Public Service Portal shows; `null` for a state it does not map.
   */
  readonly nationalStatus: NationalStatus | null;
  /** Name of the unit holding the dossier. */
  readonly currentUnit: string;
  /**
   * When it was received; for an online filing the desk has not accepted yet (`submitted`,
   * `intake-supplementing`), when it was submitted.
   */
  readonly receivedAt: string;
  /** When an online filing was submitted; `null` for a dossier received at the desk. */
  readonly submittedAt: string | null;
  /**
   * Where the result is returned, for a dossier received regardless of administrative boundary
   * (the returning centre's name); `null` otherwise.
   */
  readonly returningCentre: string | null;
  /** Due time in force (after an apology: the new date). */
  readonly dueAt: string;
  /** Closed dossiers: early / on time / late; open ones: whether they are past due now. */
  readonly timeliness: Timeliness | 'WITHIN_TIME' | 'OVERDUE' | null;
  /** Whether the agency apologised and set a new date (Form 04; event `APOLOGIZE`). */
  readonly apologized: boolean;
  /** When processing finished (Đã xử lý xong): the result is ready at the desk; `null` before. */
  readonly finishedAt: string | null;
  readonly closedAt: string | null;
  /** For the parent dossier of a liaison: where each member agency's part stands. */
  readonly liaison?: PublicLiaisonView;
}

/** The public view of a liaison's parts (no personal data). */
export interface PublicLiaisonView {
  /** `complete`, `partial` (some parts refused: said in `status` too) or `refused`, once every part is back. */
  readonly outcome: 'complete' | 'partial' | 'refused' | null;
  readonly members: readonly {
    readonly id: string;
    /** The part's name, e.g. `'Đăng ký thường trú'`. */
    readonly name: string;
    /** The agency doing it. */
    readonly agency: string;
    /** Its state in Vietnamese, e.g. `'Đang giải quyết'`, `'Từ chối'`. */
    readonly status: string;
    readonly statusCode: string;
    readonly dueAt: string | null;
    readonly timeliness: Timeliness | null;
    /** Reasons of a refusal. */
    readonly reasons: readonly string[];
  }[];
}

const MEMBER_STATUS: Record<string, string> = {
  'not-requested': 'Không yêu cầu',
  waiting: 'Chờ chuyển',
  'handed-off': 'Đã chuyển cơ quan giải quyết',
  accepted: 'Đang giải quyết',
  supplementing: 'Chờ bổ sung hồ sơ',
  cancelling: 'Đang dừng xử lý',
  cancelled: 'Không thực hiện',
};

function liaisonView(
  c: PersistedDossier['context'],
  def: ProcedureDefinition,
): PublicLiaisonView | undefined {
  const l = c.liaison;
  if (l?.role !== 'parent') return undefined;
  return {
    outcome: l.outcome,
    members: l.members.map((m) => ({
      id: m.id,
      name: def.steps.find((s) => s.id === m.id)?.name ?? m.id,
      agency: def.units[m.unit]?.agency ?? def.units[m.unit]?.name ?? m.unit,
      statusCode: m.status === 'done' ? (m.outcome ?? 'done') : m.status,
      status:
        m.status === 'done'
          ? m.outcome === 'refused'
            ? 'Từ chối'
            : 'Đã có kết quả'
          : (MEMBER_STATUS[m.status] ?? m.status),
      dueAt: m.due,
      timeliness: m.timeliness,
      reasons: m.outcome === 'refused' ? m.reasons : [],
    })),
  };
}

const STATUS: Record<PublicDossierView['statusCode'], string> = {
  submitted: 'Mới đăng ký, chờ tiếp nhận',
  'intake-supplementing': 'Chờ bổ sung hồ sơ trực tuyến',
  'not-accepted': 'Không được tiếp nhận',
  processing: 'Đang giải quyết',
  supplementing: 'Chờ bổ sung hồ sơ',
  'awaiting-payment': 'Chờ thực hiện nghĩa vụ tài chính',
  'result-ready': 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối giải quyết',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng giải quyết',
  expired: 'Đóng do không bổ sung',
};

/** Bytes compared by {@link secretMatches}, whatever the lengths (longer secrets never match). */
const SECRET_SLOT = 64;

/**
 * Compares a presented secret with the stored one in constant time: both are padded to one fixed
 * size and compared whole with `timingSafeEqual`, so the time depends on neither secret (nor on
 * their lengths). Case and surrounding spaces of the presented one are ignored.
 *
 * @example
 * ```ts
 * import { secretMatches } from '@motcua/core';
 * secretMatches('K7Q2M9', 'K7Q2M9'); // true, in constant time
 * ```
 */
export function secretMatches(presented: string, stored: string): boolean {
  const p = Buffer.from(presented.trim().toUpperCase());
  const s = Buffer.from(stored.toUpperCase());
  const a = Buffer.alloc(SECRET_SLOT);
  const b = Buffer.alloc(SECRET_SLOT);
  p.copy(a, 0, 0, SECRET_SLOT);
  s.copy(b, 0, 0, SECRET_SLOT);
  const same = timingSafeEqual(a, b);
  return same && p.length === s.length && s.length <= SECRET_SLOT;
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
    : state === 'submitted'
      ? 'submitted'
      : state === 'intakeSupplementing'
        ? 'intake-supplementing'
        : state === 'supplementing'
          ? 'supplementing'
          : state === 'awaitingPayment'
            ? 'awaiting-payment'
            : state === 'resultReady'
              ? 'result-ready'
              : 'processing';
  const timeliness = c.outcome
    ? c.outcome.result
    : c.intake && c.intake.acceptedAt === undefined
      ? null
      : c.pause
        ? 'WITHIN_TIME'
        : now.getTime() > Date.parse(c.due.legal)
          ? 'OVERDUE'
          : 'WITHIN_TIME';
  const liaison = liaisonView(c, def);
  let status = STATUS[statusCode];
  let currentUnit = def.units[c.holder]?.name ?? c.holder;
  if (liaison) {
    if (liaison.outcome === 'partial') {
      status =
        statusCode === 'returned' ? 'Đã trả kết quả một phần (có phần bị từ chối)' : `${status} (một phần)`;
    }
    const holding = liaison.members.filter(
      (m) => m.statusCode === 'handed-off' || m.statusCode === 'accepted',
    );
    if (holding.length > 1) currentUnit = holding.map((m) => m.agency).join(', ');
  }
  return {
    code: c.code,
    procedure: { code: def.code, name: def.name.vi },
    status,
    statusCode,
    nationalStatus: nationalStatusOf(def, state, c) ?? null,
    currentUnit,
    receivedAt: c.receivedAt,
    submittedAt: c.intake?.submittedAt ?? null,
    returningCentre: c.reception?.crossBoundary ? c.reception.returningCentre.name : null,
    dueAt: c.due.current,
    timeliness,
    apologized: c.apology !== null,
    finishedAt: c.finishedAt ?? null,
    closedAt: c.outcome?.at ?? null,
    ...(liaison ? { liaison } : {}),
  };
}
