import type { DossierSummary, ProcedureDefinition, Timeliness } from '@motcua/core';

/** Timeliness in Vietnamese: of a closed dossier (trước hạn / đúng hạn / quá hạn) or an open one. */
export const TIMELINESS_LABELS: Record<Timeliness | 'WITHIN_TIME' | 'OVERDUE', string> = {
  EARLY: 'Trước hạn',
  ON_TIME: 'Đúng hạn',
  LATE: 'Quá hạn',
  WITHIN_TIME: 'Trong hạn',
  OVERDUE: 'Quá hạn',
};

const OUTCOME_LABELS: Record<string, string> = {
  returned: 'Đã trả kết quả',
  refused: 'Từ chối giải quyết',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng giải quyết',
  expired: 'Đóng do không bổ sung',
};

/**
 * Where a dossier stands, for officers, from its summary: the step being worked on (by its name in
 * the procedure), waiting for supplementation or payment, result at the desk, or how it closed.
 */
export function statusLabel(summary: DossierSummary, definition: ProcedureDefinition | undefined): string {
  if (summary.outcome) return OUTCOME_LABELS[summary.outcome] ?? summary.outcome;
  const state = summary.state;
  if (state === 'supplementing') return 'Chờ bổ sung hồ sơ';
  if (state === 'awaitingPayment') return 'Chờ thực hiện nghĩa vụ tài chính';
  if (state === 'resultReady') return 'Đã có kết quả, chờ trả';
  if (state.startsWith('processing.')) {
    const stepId = state.slice('processing.'.length);
    const step = definition?.steps.find((s) => s.id === stepId);
    return step ? `Đang giải quyết: ${step.name}` : 'Đang giải quyết';
  }
  return state;
}

/** The name of a unit of a procedure (đơn vị), or its id when the procedure does not name it. */
export function unitLabel(unitId: string, definition: ProcedureDefinition | undefined): string {
  return definition?.units[unitId]?.name ?? unitId;
}

/** Working minutes as Vietnamese words: `"1 ngày 2 giờ 30 phút"` (a working day is 8 hours). */
export function workingDurationLabel(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / 480);
  const hours = Math.floor((total % 480) / 60);
  const mins = total % 60;
  const parts = [days ? `${days} ngày` : '', hours ? `${hours} giờ` : '', mins ? `${mins} phút` : ''].filter(
    Boolean,
  );
  return parts.length ? parts.join(' ') : '0 phút';
}
