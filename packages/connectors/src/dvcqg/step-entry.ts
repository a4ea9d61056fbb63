import { maskPersonalData, nationalStatusOf, personal, SYSTEM_ROLE, type TransitionInfo } from '@motcua/core';
import { z } from 'zod';
import { portalDate } from '../shared/portal-date.js';
import type { PayloadProblem } from '../shared/problems.js';
import { DVCQG_DATE_FORMAT } from './dossier-record.js';

/**
 * The schema of a step-history entry for the portal (the type {@link DvcqgStepEntry} is inferred
 * from it); the officer's name (`NguoiXuLy`) is tagged as personal data, so masking and logging
 * helpers of `@motcua/core` treat it as such.
 *
 * @example
 * ```ts
 * import { DvcqgStepEntrySchema } from '@motcua/connectors/dvcqg';
 * const answer: unknown = JSON.parse('{"MaHoSo": "H56.26-260302-0001"}');
 * DvcqgStepEntrySchema.safeParse(answer).success; // false: the other fields are missing
 * ```
 */
export const DvcqgStepEntrySchema = z.object({
  MaHoSo: z.string(),
  NguoiXuLy: personal(z.string(), 'name'),
  ChucDanh: z.string(),
  ThoiDiemXuLy: z.string(),
  PhongBanXuLy: z.string(),
  NoiDungXuLy: z.string(),
  TrangThai: z.string(),
  NgayBatDau: z.string(),
  NgayKetThucTheoQuyDinh: z.string(),
});

/**
 * One entry of a dossier's processing history on the national portal (`CapNhatTienDoHoSoMC` data,
 * `QuaTrinhXuLyDongBoDVC`): who did what, in which unit, when, the national status after it, and
 * the step it opened with its start and legal end.
 */
export type DvcqgStepEntry = Readonly<z.infer<typeof DvcqgStepEntrySchema>>;

/**
 * The entry as the sync log keeps it once the portal confirmed it: the officer's name masked
 * (`'Nguyễn Văn An'` → `'N. V. A.'`); the portal needed it, the record of what was sent does not.
 */
export function maskedStepEntry(entry: unknown): unknown {
  return maskPersonalData(DvcqgStepEntrySchema, entry);
}

/** The wording of each processing event on the portal (`NoiDungXuLy`); events not listed make no entry. */
const WORDING: Readonly<Record<string, string>> = {
  RECEIVE: 'Tiếp nhận hồ sơ',
  SUBMIT: 'Nộp hồ sơ trực tuyến',
  ACCEPT: 'Tiếp nhận hồ sơ trực tuyến',
  HAND_OVER: 'Chuyển xử lý',
  SEND_BACK: 'Trả lại bước xử lý trước',
  REQUEST_SUPPLEMENT: 'Yêu cầu bổ sung hồ sơ',
  SUPPLEMENT_RECEIVED: 'Nhận hồ sơ bổ sung',
  APOLOGIZE: 'Xin lỗi và hẹn lại ngày trả kết quả',
  ISSUE_RESULT: 'Ban hành kết quả',
  RETURN_RESULT: 'Trả kết quả',
  REFUSE: 'Từ chối giải quyết',
  WITHDRAW: 'Rút hồ sơ theo đề nghị',
  STOP: 'Dừng giải quyết theo đề nghị',
  EXPIRE: 'Đóng hồ sơ do quá hạn bổ sung',
  TRANSFER_ORIGINALS: 'Chuyển bản giấy hồ sơ tiếp nhận không phụ thuộc địa giới hành chính',
};

/** `NguoiXuLy` is at most this long (one source: the Thanh Hóa system truncates there). */
const MAX_OFFICER = 50;

/**
 * The portal's history entry of a transition (an engine plugin's `onTransition` gives one), or
 * `null` for a change that is no processing step (an overdue mark, recorded components, a rating,
 * a reissued secret). The entry carries the officer's and units' names only, never the applicant's
 * data or free-text reasons. A problem names the field (an officer's name longer than the portal
 * takes), never the value.
 *
 * @example
 * ```ts
 * import type { EnginePlugin } from '@motcua/core';
 * import { buildStepEntry } from '@motcua/connectors/dvcqg';
 * const history: EnginePlugin = {
 *   name: 'dvcqg-history',
 *   onTransition: (info) => {
 *     const built = buildStepEntry(info);
 *     return built && built.problems.length === 0 ? [{ type: 'step', payload: built.entry }] : [];
 *   },
 *   async deliver() {},
 * };
 * ```
 */
export function buildStepEntry(
  info: TransitionInfo,
  options: { readonly dateFormat?: string } = {},
): { entry: DvcqgStepEntry; problems: PayloadProblem[] } | null {
  let wording = WORDING[info.type];
  if (wording === undefined) return null;
  const format = options.dateFormat ?? DVCQG_DATE_FORMAT;
  const after = info.after;
  const def = info.procedure;
  const actor =
    info.type === 'RECEIVE'
      ? after.receivedBy
      : info.type === 'SUBMIT'
        ? (after.intake?.submittedBy ?? after.receivedBy)
        : 'actor' in info.event
          ? info.event.actor
          : after.receivedBy;
  const at =
    info.type === 'RECEIVE' || info.type === 'SUBMIT' ? after.receivedAt : (info.event as { at: string }).at;
  if (info.type === 'HAND_OVER') {
    const next = after.holder;
    wording =
      next === def.desk
        ? 'Chuyển kết quả về Bộ phận Một cửa'
        : `Chuyển xử lý: ${def.units[next]?.name ?? next}`;
  }
  if (info.type === 'REFUSE' && info.afterState === 'notAccepted')
    wording = 'Từ chối tiếp nhận hồ sơ trực tuyến';
  if (info.type === 'WITHDRAW' && info.afterState === 'intakeWithdrawn')
    wording = 'Rút hồ sơ trực tuyến trước khi tiếp nhận';
  const roles = 'roles' in actor && Array.isArray(actor.roles) ? actor.roles : [];
  const officer = roles.includes(SYSTEM_ROLE) ? 'Hệ thống' : (actor.name ?? actor.officerId);
  const step = after.steps[after.steps.length - 1];
  const open = step && step.endedAt === null ? step : undefined;
  const status = nationalStatusOf(def, info.afterState, after);
  const entry: DvcqgStepEntry = {
    MaHoSo: after.code,
    NguoiXuLy: officer,
    ChucDanh: '',
    ThoiDiemXuLy: portalDate(at, format),
    PhongBanXuLy: def.units[actor.unitId]?.name ?? '',
    NoiDungXuLy: wording,
    TrangThai: status ? String(status.code) : '',
    NgayBatDau: open ? portalDate(open.startedAt, format) : '',
    NgayKetThucTheoQuyDinh: open ? portalDate(open.due, format) : '',
  };
  const problems: PayloadProblem[] = [];
  if (entry.NguoiXuLy.length > MAX_OFFICER)
    problems.push({ field: 'NguoiXuLy', message: `longer than ${MAX_OFFICER} characters` });
  if (entry.TrangThai === '') problems.push({ field: 'TrangThai', message: 'required' });
  return { entry, problems };
}
