import type { DossierContext } from '../model/dossier-context.js';
import {
  type NationalStatus,
  type NationalStatusTable,
  nationalStatusName,
  PORTAL_DOSSIER_STATUSES,
} from '../model/national-status.js';
import type { ProcedureDefinition } from './definition-schema.js';

/**
 * The national status of each top-level state of the standard lifecycle and of a liaison's parent
 * dossier, when the procedure does not map it itself (`nationalStatus` in its definition):
 *
 * | state | code | national status |
 * |---|---|---|
 * | `processing` | 2 | Được tiếp nhận, while the dossier is still at the receiving desk (no step handed on, no part handed off) |
 * | `processing` | 4 | Đang xử lý, otherwise |
 * | `supplementing` | 5 | Yêu cầu bổ sung giấy tờ |
 * | `awaitingPayment` | 6 | Yêu cầu thực hiện nghĩa vụ tài chính (waiting for fees and charges, clock stopped) |
 * | `resultReady` | 9 | Đã xử lý xong |
 * | `returned` | 10 | Đã trả kết quả |
 * | `withdrawn` | 7 | Công dân yêu cầu rút hồ sơ |
 * | `stopped`, `refused`, `closing` | 8 | Dừng xử lý (processing ends without a result; a liaison closing early) |
 * | `expired` | 3 | Không được tiếp nhận (not received after the supplementation deadline) |
 * | `submitted` | 1 | Mới đăng ký (an online filing the desk has not accepted yet) |
 * | `intakeSupplementing` | 5 | Yêu cầu bổ sung giấy tờ (the desk asked to complete the filing) |
 * | `notAccepted` | 3 | Không được tiếp nhận (the filing refused at intake, or not completed in time) |
 * | `intakeWithdrawn` | 7 | Công dân yêu cầu rút hồ sơ (withdrawn before acceptance) |
 */
export const DEFAULT_NATIONAL_STATUS: Readonly<Record<string, number>> = {
  processing: 4,
  supplementing: 5,
  awaitingPayment: 6,
  resultReady: 9,
  returned: 10,
  withdrawn: 7,
  stopped: 8,
  refused: 8,
  closing: 8,
  expired: 3,
  submitted: 1,
  intakeSupplementing: 5,
  notAccepted: 3,
  intakeWithdrawn: 7,
};

/** The national code of "received" (Được tiếp nhận). */
const RECEIVED = 2;

/** Whether the dossier is still at the receiving desk: nothing handed on to a processing unit yet. */
function stillAtDesk(def: ProcedureDefinition, ctx: DossierContext): boolean {
  const liaison = ctx.liaison;
  if (liaison?.role === 'parent') {
    return liaison.members.every((m) => m.status === 'not-requested' || m.status === 'waiting');
  }
  return ctx.holder === def.desk && ctx.steps.length === 1;
}

/**
 * The national status code of a state (its name as `stateName` writes it, e.g.
 * `processing.appraise`): the procedure's own mapping for the state or its nearest mapped parent
 * state, else {@link DEFAULT_NATIONAL_STATUS} by the top-level state; `undefined` when neither
 * knows the state. A parallel state is judged by its first region.
 */
function nationalStatusCode(
  def: ProcedureDefinition,
  state: string,
  ctx: DossierContext | undefined,
): number | undefined {
  const comma = state.indexOf(',');
  const first = comma < 0 ? state : state.slice(0, comma);
  const own = def.nationalStatus;
  if (own) {
    for (let s = first; ; ) {
      const code = own[s];
      if (code !== undefined) return code;
      const dot = s.lastIndexOf('.');
      if (dot < 0) break;
      s = s.slice(0, dot);
    }
  }
  const dot = first.indexOf('.');
  const top = dot < 0 ? first : first.slice(0, dot);
  if (top === 'processing' && ctx !== undefined && stillAtDesk(def, ctx)) return RECEIVED;
  return DEFAULT_NATIONAL_STATUS[top];
}

/**
 * The national status of a dossier in `state` (as `stateName` writes it) with `ctx`, named from `table` (default: the
 * portal's table). `undefined` when the state has no status (a hand-written machine's state its
 * procedure did not map: `defineProcedure` refuses such machines, so this happens only for data
 * saved under another definition).
 *
 * @example
 * ```ts
 * import { type Engine, nationalStatusOf } from '@motcua/core';
 * declare const engine: Engine;
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * nationalStatusOf(definition, record.state, record.context); // e.g. { code: 4, name: 'Đang xử lý' }
 * ```
 */
export function nationalStatusOf(
  def: ProcedureDefinition,
  state: string,
  ctx: DossierContext,
  table: NationalStatusTable = PORTAL_DOSSIER_STATUSES,
): NationalStatus | undefined {
  const code = nationalStatusCode(def, state, ctx);
  if (code === undefined) return undefined;
  const name = nationalStatusName(table, code);
  return name === undefined ? undefined : { code, name };
}

/**
 * The problems of a procedure's national status mapping against its machine's states: a mapped
 * name that is no state of the machine, a code the table does not have, a leaf state with no
 * status (`states.all`: every state's path, `states.leaves`: the atomic and final ones).
 * Each names the field (`nationalStatus.<state>`) and says what is wrong.
 */
export function nationalStatusProblems(
  def: ProcedureDefinition,
  states: { readonly all: readonly string[]; readonly leaves: readonly string[] },
  table: NationalStatusTable = PORTAL_DOSSIER_STATUSES,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const known = new Set(states.all);
  for (const [state, code] of Object.entries(def.nationalStatus ?? {})) {
    if (!known.has(state)) {
      problems.push({ field: `nationalStatus.${state}`, message: 'no such state in the machine' });
    } else if (nationalStatusName(table, code) === undefined) {
      problems.push({ field: `nationalStatus.${state}`, message: `no status ${code} in ${table.id}` });
    }
  }
  for (const state of states.leaves) {
    if (nationalStatusCode(def, state, undefined) === undefined) {
      problems.push({ field: `nationalStatus.${state}`, message: 'the state has no national status' });
    }
  }
  return problems;
}
