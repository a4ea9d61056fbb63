/**
 * One problem of a payload for a target: the target's field path (`DanhSachGiayToKetQua[0].MaGiayToKetQua`)
 * and what is wrong. Never the value: it may be personal data.
 */
export interface PayloadProblem {
  readonly field: string;
  readonly message: string;
}
