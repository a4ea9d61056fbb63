import type { LocalDate } from '@motcua/core';

/**
 * The national procedure codes (mã TTHC of the national database of administrative procedures,
 * Cơ sở dữ liệu quốc gia về thủ tục hành chính, shown on the National Public Service Portal,
 * Cổng Dịch vụ công quốc gia) that the catalogue uses, as dated data.
 *
 * A code is listed here only when two independent public sources (artefacts of different
 * organisations, neither a copy of the other) give it for the same procedure at the same level.
 * Every other catalogue code stays a `PLACEHOLDER:` (see `placeholderCode`). The codes were read in
 * records of the current regime (two-tier local government, Decree 118/2025/NĐ-CP); whether the
 * same code was in use before 01/07/2025 is stated per entry in `earlierPeriods`.
 */

/** Who carries out a procedure, as the national record states it. */
export type NationalCodeLevel = 'commune' | 'province' | 'province-and-commune';

/** One public source of a national code: what it is, where it is, and what it says. */
export interface NationalCodeSource {
  /** What the artefact is and who made it (the repository owner or the publishing agency). */
  readonly title: string;
  /** A public address: a GitHub file pinned to a commit where one is known, or a web page. */
  readonly address: string;
  /** What the source gives for the code: the procedure's name, level, period. */
  readonly says: string;
}

/** A confirmed national procedure code. */
export interface NationalCodeEntry {
  /** The code, `d.dddddd`. */
  readonly code: string;
  /** The procedure's name in the national database (Vietnamese). */
  readonly name: string;
  readonly level: NationalCodeLevel;
  /** The ministry that publishes the procedure in the national database. */
  readonly publishedBy: string;
  /** The period the sources show the code for. */
  readonly period: string;
  /** What the sources say, or do not say, about the code before 01/07/2025. */
  readonly earlierPeriods: string;
  /** At least two independent sources. */
  readonly sources: readonly [NationalCodeSource, NationalCodeSource, ...NationalCodeSource[]];
  /** The date the sources were checked. */
  readonly checkedOn: LocalDate;
}

/** The date the sources below were read. */
const CHECKED_ON: LocalDate = '2026-12-02';

const CURRENT = 'two-tier local government (from 01/07/2025); records captured in 2025–2026';

/** A portal record crawled by the chatbot-tthc project (commit of 2026). */
const portalCrawl = (ministryDir: string, code: string, says: string): NationalCodeSource => ({
  title: 'chatbot-tthc/chatbot_tthc: crawl of the National Public Service Portal record',
  address: `https://github.com/chatbot-tthc/chatbot_tthc/blob/7b79a320cbbd6727c1ef7551fd13e8eff9e410e7/scripts/crawler/data/raw/${ministryDir}/${code}.json`,
  says,
});

const VINH_BAO = 'https://github.com/hongdienvbhp/BangNiemYetVinhBao/blob';

/** The national-portal API record saved by the Vĩnh Bảo commune (Hải Phòng) listing project. */
const portalApiCapture = (commit: string, code: string, says: string): NationalCodeSource => ({
  title:
    'hongdienvbhp/BangNiemYetVinhBao (procedure board of Vĩnh Bảo commune, Hải Phòng): National Public Service Portal API record',
  address: `${VINH_BAO}/${commit}/data/source-audit/dvc-api-detail-${code}.json`,
  says,
});

/** Hải Phòng's list of procedures received at its Public Administration Service Centre (03/07/2025). */
const haiPhongList = (says: string): NationalCodeSource => ({
  title:
    "Hải Phòng People's Committee, list of procedures received at the city Public Administration Service Centre (published 03/07/2025 on haiphong.gov.vn), as transcribed by hongdienvbhp/BangNiemYetVinhBao",
  address: `${VINH_BAO}/6b83b4c2aa977ae86e2fa2637c3ef93c614fa71a/data/source-audit/city-reception-baseline.json`,
  says,
});

/** Hải Phòng Decision 3582/QĐ-UBND (08/09/2026), annex rows as transcribed by the same project. */
const haiPhongDecision3582 = (says: string): NationalCodeSource => ({
  title:
    "Hải Phòng People's Committee Decision 3582/QĐ-UBND of 08/09/2026 (annex rows transcribed in DECISION_ROW_OVERRIDES by hongdienvbhp/BangNiemYetVinhBao; copy of the decision at data/source-audit/city-decisions/QD-3582.pdf)",
  address: `${VINH_BAO}/07e63b1d42f5ef19762675e33e48ebbad8c98449/scripts/extract_city_updates.py`,
  says,
});

/**
 * The evaluation cases of a commune procedure assistant, each code checked against its snapshot
 * of 1,350 commune-level records of the national portal (copied 05/10/2026).
 */
const assistantEvalCases = (says: string): NationalCodeSource => ({
  title:
    '3-hWnG/intern-amazing-group_7: evaluation cases of a commune procedure assistant (every code checked against its snapshot of the portal)',
  address:
    'https://github.com/3-hWnG/intern-amazing-group_7/blob/b1c083ce1fc801eb01238dfc5209008d4d29ec4c/eval/build_p16.py',
  says,
});

/**
 * Every confirmed national code of the catalogue and of the liaisons, by catalogue name. Codes not
 * listed here are placeholders; the package README lists them with what was found.
 */
export const NATIONAL_CODES = {
  /** Đăng ký khai sinh at the commune People's Committee. */
  birthRegistration: {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    level: 'commune',
    publishedBy: 'Bộ Tư pháp',
    period: CURRENT,
    earlierPeriods:
      'The portal record carries a first publication dated 01/08/2019 (proposal "QĐ/0001-BTP"), so the code predates 01/07/2025; its use for each receipt date before then was not checked.',
    sources: [
      portalCrawl(
        'bo-tu-phap',
        '1.001193',
        '"1.001193", "Thủ tục đăng ký khai sinh", Cấp xã, Hộ tịch, Decision 163/QĐ-BTP',
      ),
      portalApiCapture(
        'fb49ffb960ea1ce1a56f2ebdb67d778661a8a069',
        '1.001193',
        'code "1.001193", "Thủ tục đăng ký khai sinh", ward/commune level, executed by "Ủy ban nhân dân cấp xã", published by Bộ Tư pháp',
      ),
      assistantEvalCases('"Đăng ký khai sinh" → 1.001193'),
    ],
    checkedOn: CHECKED_ON,
  },
  /** Đăng ký thường trú at the commune police. */
  permanentResidence: {
    code: '1.004222',
    name: 'Đăng ký thường trú',
    level: 'commune',
    publishedBy: 'Bộ Công an',
    period: CURRENT,
    earlierPeriods:
      'One capture (the second source) still cites the forms of Circular 66/2023/TT-BCA, which Circular 53/2025/TT-BCA (01/07/2025) replaced: this suggests, without proving it, that the code was in use before 01/07/2025. Not checked further.',
    sources: [
      portalCrawl(
        'bo-cong-an',
        '1.004222',
        '"1.004222", "Đăng ký thường trú", Cấp xã, Công an cấp xã, 7 working days, Decision 1523/QĐ-BCA-C06',
      ),
      {
        title: 'ttrungtin2910/ai-thuc-chien-2025: text capture of the National Public Service Portal page',
        address:
          'https://github.com/ttrungtin2910/ai-thuc-chien-2025/blob/2b3dddefc952226b5f169fac15b1c5472f3ff93d/data/thutuccongdan/doc_congdan_1.004222.txt',
        says: 'page of code 1.004222 (file name): "Đăng ký thường trú", dossier filed at Công an cấp xã',
      },
    ],
    checkedOn: CHECKED_ON,
  },
  /** Đăng ký kết hôn (between Vietnamese citizens) at the commune People's Committee. */
  marriageRegistration: {
    code: '1.000894',
    name: 'Thủ tục đăng ký kết hôn',
    level: 'commune',
    publishedBy: 'Bộ Tư pháp',
    period: CURRENT,
    earlierPeriods: 'Not checked before 01/07/2025.',
    sources: [
      portalCrawl(
        'bo-tu-phap',
        '1.000894',
        '"1.000894", "Thủ tục đăng ký kết hôn", Cấp xã, Ủy ban nhân dân xã, phường, thị trấn, Decision 163/QĐ-BTP',
      ),
      {
        title: 'VoidKeishi/OpenGOV: National Public Service Portal record saved as JSON',
        address:
          'https://github.com/VoidKeishi/OpenGOV/blob/bc881f110f9ea7d7a26cac884ab0a796a580ff54/data/procedures/1.000894.json',
        says: 'code "1.000894", "Thủ tục đăng ký kết hôn", field Hộ tịch, published by Bộ Tư pháp, signed by the commune People\'s Committee',
      },
      assistantEvalCases('"đăng ký kết hôn" and "Tôi sắp lấy vợ, thủ tục ở xã thế nào" → 1.000894'),
    ],
    checkedOn: CHECKED_ON,
  },
  /** Chứng thực bản sao từ bản chính, at the commune People's Committee (also notaries, missions abroad). */
  copyCertification: {
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận',
    level: 'commune',
    publishedBy: 'Bộ Tư pháp',
    period: `${CURRENT}; the record as published by Decision 3152/QĐ-BTP (31/10/2025)`,
    earlierPeriods:
      'Not checked before 01/07/2025 (the current record merges papers issued in Viet Nam and abroad; the earlier split was not read).',
    sources: [
      portalCrawl(
        'bo-tu-phap',
        '2.000815',
        '"2.000815", the name above, Cấp xã and other bodies (notaries, missions abroad), Decision 3152/QĐ-BTP',
      ),
      portalApiCapture(
        'bdbeb7d8f9bb6de7475e051503b24bd7150957a3',
        '2.000815',
        'code "2.000815", the name above, ward/commune level, executed by "Ủy ban nhân dân cấp xã", proposal 3152/QĐ-BTP',
      ),
      haiPhongList('"2.000815", field Chứng thực (also received at the city centre)'),
    ],
    checkedOn: CHECKED_ON,
  },
  /**
   * Registration of a security by land-use rights (Decree 99/2022/NĐ-CP), which covers the
   * mortgage (thế chấp) of land-use rights, at the land registration office.
   */
  landMortgageRegistration: {
    code: '1.011441',
    name: 'Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất',
    level: 'province-and-commune',
    publishedBy: 'Bộ Tư pháp',
    period: CURRENT,
    earlierPeriods:
      'The procedure is that of Decree 99/2022/NĐ-CP; receipts before that decree took effect followed an earlier procedure whose code was not checked.',
    sources: [
      portalCrawl(
        'bo-tu-phap',
        '1.011441',
        '"1.011441", the name above, Cấp tỉnh, Cấp xã, filed at the land registration office; same working day, next working day after 15:00, ≤ 3 working days with good reason; Decision 570/QĐ-BTP',
      ),
      haiPhongList('"1.011441", the name above, field "Đăng ký biện pháp bảo đảm"'),
    ],
    checkedOn: CHECKED_ON,
  },
  /** The paper "3 in 1" birth liaison of Joint Circular 05/2015/TTLT-BTP-BCA-BYT. */
  birthLiaison2015: {
    code: '2.000986',
    name: 'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    level: 'commune',
    publishedBy: 'Bộ Tư pháp',
    period:
      'the national record (crawled 2026) cites Joint Circular 05/2015/TTLT-BTP-BCA-BYT; Hải Phòng Decision 3582/QĐ-UBND of 08/09/2026 lists it among the procedures it replaces',
    earlierPeriods:
      'The national record is the Joint Circular 05/2015 procedure (its limits: ≤ 20 working days, +2, +5); the dates it applied were not checked.',
    sources: [
      portalCrawl(
        'bo-tu-phap',
        '2.000986',
        '"2.000986", the name above, Cấp xã, Joint Circular 05/2015/TTLT-BTP-BCA-BYT, ≤ 20 working days, +2 when the commune completes the dossier, +5 for remote communes',
      ),
      haiPhongDecision3582(
        '"2.000986", the name above, among the procedures replaced (repealed in Hải Phòng)',
      ),
    ],
    checkedOn: CHECKED_ON,
  },
} as const satisfies Record<string, NationalCodeEntry>;

/** Name of a confirmed national code (a key of {@link NATIONAL_CODES}). */
export type NationalCodeName = keyof typeof NATIONAL_CODES;

/** The shape of a national procedure code: one digit, a dot, six digits (e.g. `1.001193`). */
export const NATIONAL_CODE_PATTERN = /^\d\.\d{6}$/;
