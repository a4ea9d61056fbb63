/** The main job's texts in Vietnamese (the default): see {@link JobLabels}. */
import { nationalStatusName, PORTAL_DOSSIER_STATUSES } from '@motcua/core';
import type { JobLabels } from './labels.js';

const number = (n: number, digits = 0) => n.toLocaleString('vi-VN', { maximumFractionDigits: digits });
const fixed = (n: number, digits: number) =>
  n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (share: number) => `${fixed(share * 100, 1)} %`;
const date = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
/** A national status code with its name in core's table, in Vietnamese. */
const status = (code: number) => {
  const name = nationalStatusName(PORTAL_DOSSIER_STATUSES, code, 'vi');
  return name === undefined ? '?' : `${code} ${name}`;
};
const pad = (n: number, width: number) => number(n).padStart(width);
const timeliness = { EARLY: 'trước hạn', ON_TIME: 'đúng hạn', LATE: 'quá hạn' } as const;

/** The Vietnamese labels. */
export const VI: JobLabels = {
  language: 'vi',
  number,
  fixed,
  percent,
  percentValue: (v) => `${number(v, 2)} %`,
  name: (names) => names.vi,
  status,
  actors: { system: 'hệ thống (tự động)', public: 'người dân (trực tuyến)' },
  date,
  channel: {
    'in-person': 'trực tiếp',
    'online-full': 'trực tuyến toàn trình',
    'online-partial': 'trực tuyến một phần',
    postal: 'bưu chính công ích',
  },
  timeliness,
  originals: { sent: 'đã gửi', received: 'đã nhận', returned: 'đã trả lại' },
  na: 'N/A',
  naReason: (na) => {
    switch (na.kind) {
      case 'no-sync-state':
        return 'không có trạng thái đồng bộ trong kho';
      case 'zero-denominator':
        return 'mẫu số bằng 0';
      case 'facts-missing':
        return `${number(na.dossiers)} hồ sơ lưu trước khi ghi dữ liệu chỉ số`;
      case 'no-points':
        return 'không tính điểm';
      case 'weight-unconfirmed':
        return 'chưa xác nhận trọng số';
    }
  },

  console: {
    noVersionInForce: (liaison, day) =>
      `thủ tục liên thông ${liaison} không có phiên bản hiệu lực ngày ${date(day)}: không có hồ sơ`,
    title: 'motcua — mô phỏng một tháng tại Trung tâm Phục vụ hành chính công cấp tỉnh',
    run: (o) =>
      `  ${number(o.days)} ngày từ ${date(o.start)}, khoảng ${number(o.perDay)} hồ sơ mỗi ngày làm việc, bộ số ngẫu nhiên ${o.seed}, kho dữ liệu: ${o.store}`,
    procedures: (names) => `  ${names.length} thủ tục: ${names.join('; ')}`,
    liaisons:
      '  thủ tục liên thông (một cửa liên thông): khai sinh "3 trong 1" (khai sinh – thường trú – thẻ BHYT), khai tử (khai tử – xóa thường trú – mai táng phí)\n',
    day: (d) => {
      const rate = d.timelyShare === null ? '' : `${percent(d.timelyShare)} đúng hạn`;
      const l = d.liaison
        ? `  liên thông ${pad(d.liaison.received, 3)} nhận, ${pad(d.liaison.handoffs, 3)} phần chuyển đi`
        : '';
      return `  ${date(d.date)}  tiếp nhận ${pad(d.received, 4)}  giải quyết ${pad(d.resolved, 4)} ${rate.padStart(17)}  đang xử lý ${pad(d.open, 5)}${l}`;
    },
    reportHead: (start, days, drain) =>
      `Báo cáo ${number(days)} ngày từ ${date(start)} (và ${drain} ngày để giải quyết hồ sơ còn lại)`,
    received: 'tiếp nhận',
    byChannel: 'theo hình thức',
    resolved: 'đã giải quyết',
    early: 'trước hạn',
    onTime: 'đúng hạn',
    late: 'quá hạn',
    refused: 'từ chối',
    withdrawn: 'rút hồ sơ',
    inProgress: 'đang giải quyết',
    inProgressDetail: (overdue) => `trong hạn, ${number(overdue)} quá hạn`,
    liaisonParents: 'hồ sơ liên thông',
    liaisonOutcomes: (o) =>
      `kết thúc đủ các phần ${number(o.complete)}, một phần ${number(o.partial)}, từ chối ${number(o.refused)}`,
    partsHandedOff: 'phần chuyển đi',
    toAgencies: (n) => `đến ${n} cơ quan:`,
    part: (m) =>
      `${pad(m.handedOff, 5)} phần  ${number(m.early)} trước hạn, ${number(m.onTime)} đúng hạn, ${number(m.late)} quá hạn; ${number(m.refused)} từ chối, ${number(m.supplemented)} bổ sung, ${number(m.apologized)} xin lỗi`,
    commands: (commands, seconds) => `  ${number(commands)} lệnh trong ${fixed(seconds, 1)} giây\n`,
    whatIfHead: (field, seeds) =>
      `Bố trí cán bộ tại lĩnh vực đông nhất của bộ phận một cửa (${field}), trung bình ${seeds} lần chạy [khoảng tin cậy 95 %]:`,
    whatIfVariant: (v) =>
      `  ${v.name.padEnd(20)} chờ trung bình ${fixed(v.wait.mean, 1).padStart(5)} phút [${fixed(v.wait.low, 1)}–${fixed(v.wait.high, 1)}], ` +
      `P90 ${fixed(v.p90, 1).padStart(5)} phút, được phục vụ trong 15 phút ${fixed(v.withinPercent, 1).padStart(5)} %, ` +
      `phục vụ ngoài giờ ${fixed(v.afterHoursPerDay, 2)} lượt mỗi ngày`,
    showcase: 'Hồ sơ minh họa',
    online: 'Nộp trực tuyến',
    crossBoundary: 'Phi địa giới',
    provinceProcess: 'Quy trình tỉnh',
    feeRevenue: 'Thu phí, lệ phí',
    lateEntries: 'Cập nhật trễ',
    form06: 'Biểu 06',
    portalSync: 'Đồng bộ DVCQG',
    nationalStatus: 'Trạng thái DVCQG',
    index766: 'Chỉ số 766',
    ratings: 'Đánh giá',
    lateEntry: (r) =>
      `${r.unit}: ${number(r.late)}/${number(r.entries)} lần cập nhật trễ quá 1 giờ (lâu nhất ${fixed(r.hours, 1)} giờ)`,
    none: 'không có',
    output: 'Kết quả',
    outputFiles: (o) =>
      `  report.html, documents/ (${number(o.documents)} tệp), sms.jsonl (${number(o.notices)} tin nhắn)${o.store ? `, ${o.store}` : ''}${o.agencies ? `, agencies/ (${o.agencies} kho dữ liệu)` : ''}`,
  },

  facts: {
    showcase: (s) =>
      `${s.statuses}; ghi nhận ${number(s.components)} thành phần hồ sơ, ${number(s.results)} văn bản kết quả, trả kết quả qua bưu chính, đã trả bản gốc, ${s.rated ? 'đã được đánh giá' : 'chưa được đánh giá'}`,
    paid: (vnd) => `đã nộp ${number(vnd)} đ trên Cổng DVCQG`,
    crossBoundary: (c) =>
      `tiếp nhận tại ${c.receiving} cho ${c.competent}; bản gốc ${c.moves.map((m) => VI.originals[m]).join(', ')} (đến nơi ${c.arrival ? timeliness[c.arrival] : 'không có thời hạn chuyển'})`,
    provinceProcess: (p) =>
      `${p.name}, các bước theo ${p.source}; ${p.waitedForPayment ? 'chuyển sang giai đoạn 2 bị từ chối cho đến khi nộp lệ phí' : 'giai đoạn 2 không phải chờ'}; trả kết quả ${p.result ? timeliness[p.result] : '—'}`,
    step: (s) => `${s.name} (${s.unit}, giai đoạn ${s.phase})`,
    feeRevenue: (r) =>
      `${number(r.payments)} lần nộp, thu ${number(r.collectedVnd)} đ (phí ${number(r.feeVnd)} đ, lệ phí ${number(r.chargeVnd)} đ; trực tuyến ${number(r.onlineVnd)} đ), hoàn trả ${number(r.refundedVnd)} đ`,
    portalSync: (p) =>
      `${number(p.synced)}/${number(p.received)} hồ sơ đã tiếp nhận có trên Cổng (chỉ số 1.4: ${p.ratio === null ? 'N/A' : percent(p.ratio)}); ` +
      `độ trễ p50 ${number(p.lagP50Minutes)} phút, p99 ${number(p.lagP99Minutes)} phút (thời gian mô phỏng); ` +
      `${number(p.records)} bản ghi, ${number(p.duplicates)} bản trùng, ${number(p.deadLetters)} lượt gửi hỏng hẳn, qua Cổng mô phỏng lỗi 8 % lượt gọi`,
    ratings: (r) =>
      `${number(r.rated)}/${number(r.returned)} hồ sơ đã trả kết quả được người dân đánh giá công khai; ${percent(r.satisfiedShare)} hài lòng chung`,
  },

  whatIf: {
    fields: {
      'tu-phap-ho-tich': 'tư pháp – hộ tịch',
      'cu-tru': 'cư trú',
      'dat-dai': 'đất đai',
      'doanh-nghiep': 'doanh nghiệp',
      'bhxh-y-te': 'bảo hiểm xã hội – y tế',
      'ly-lich-tu-phap': 'lý lịch tư pháp',
    },
    variant: (officers, current) => `${officers} cán bộ${current ? ' (hiện tại)' : ''}`,
  },

  documents: {
    kind: { plain: 'hồ sơ thường', supplemented: 'có bổ sung', apology: 'có thư xin lỗi' },
    form01: (kind) => `Mẫu 01 (${kind})`,
    form02: 'Mẫu 02',
    form04: 'Mẫu 04',
    controlSlip: 'phiếu kiểm soát',
    liaisonForm01: (liaison) => `Mẫu 01 (liên thông ${liaison})`,
    liaisonSlip: 'phiếu kiểm soát hồ sơ liên thông (một cửa ⇄ các cơ quan)',
    partSlip: (part, agency) => `phiếu kiểm soát phần ${part} tại ${agency}`,
    trackingBook: (n) => `Sổ theo dõi hồ sơ (${n} hồ sơ đầu)`,
    form06: (period) => `Biểu 06/VPCP/KSTT – ${period}`,
  },

  liaisonNames: { birth: 'khai sinh (3 trong 1)', death: 'khai tử' },

  index: {
    head: 'Chỉ số 766',
    title: 'Chỉ số 766 (Quyết định 766/QĐ-TTg)',
    version: 'bộ chỉ số',
    rule: { national: 'quy tắc Cổng DVCQG', 'at-return': 'quy tắc tại thời điểm trả' },
    ruleIn: {
      national: 'quy tắc tính của Cổng DVCQG',
      'at-return': 'quy tắc tính tại thời điểm trả kết quả',
    },
    noDossier: 'không có hồ sơ',
    group: (g) => `nhóm ${g}`,
    incomplete: 'chưa đủ',
    points: 'điểm',
    days: 'ngày',
    dossiers: 'hồ sơ',
    note: 'Điểm nhóm là tổng điểm các chỉ số đã tính được; "chưa đủ" khi có chỉ số chưa có điểm.',
    groupColumn: 'Nhóm chỉ số',
    pointsColumn: 'Điểm',
    idColumn: 'Chỉ số',
    nameColumn: 'Tên chỉ số',
    valueColumn: 'Giá trị (tử số/mẫu số)',
  },

  form06: {
    line: 'Biểu 06',
    title: (period, first, last) => `Biểu số 06/VPCP/KSTT – ${period} (từ ${date(first)} đến ${date(last)})`,
    totals: (t) =>
      `tiếp nhận ${number(t.received)} (kỳ trước chuyển qua ${number(t.carriedOver)}, trực tuyến ${number(t.online)}, ` +
      `trực tiếp và bưu chính ${number(t.inPersonOrPostal)}); đã giải quyết ${number(t.resolved)} ` +
      `(trước hạn ${number(t.early)}, đúng hạn ${number(t.onTime)}, quá hạn ${number(t.late)}); ` +
      `đang giải quyết ${number(t.inProgress)} (trong hạn ${number(t.within)}, quá hạn ${number(t.overdue)})`,
    rows: {
      received: 'Tổng số hồ sơ tiếp nhận',
      carriedOver: '— kỳ trước chuyển qua',
      online: '— mới tiếp nhận trực tuyến',
      inPersonOrPostal: '— mới tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích',
      resolved: 'Số hồ sơ đã giải quyết',
      early: '— trả trước hạn',
      onTime: '— trả đúng thời hạn',
      late: '— trả quá hạn',
      inProgress: 'Số hồ sơ đang giải quyết',
      within: '— trong hạn',
      overdue: '— quá hạn',
    },
    printable: 'Biểu 06 in được (theo lĩnh vực, thủ tục)',
  },

  html: {
    title: 'Báo cáo tình hình giải quyết hồ sơ — Trung tâm Phục vụ hành chính công (mô phỏng)',
    period: (first, last, seed) => `Từ ngày ${date(first)} đến ngày ${date(last)}, bộ số ngẫu nhiên ${seed}`,
    report: 'Tình hình giải quyết hồ sơ',
    carriedOver: 'Kỳ trước chuyển qua',
    received: 'Mới tiếp nhận',
    resolved: 'Đã giải quyết',
    early: 'Trước hạn',
    onTime: 'Đúng hạn',
    late: 'Quá hạn',
    refused: 'Từ chối',
    withdrawn: 'Rút hồ sơ',
    inProgressWithin: 'Đang giải quyết trong hạn',
    inProgressOverdue: 'Đang giải quyết quá hạn',
    byChannel: 'Tiếp nhận theo hình thức',
    channel: 'Hình thức',
    dossiers: 'Số hồ sơ',
    byProcedure: 'Theo thủ tục',
    procedure: 'Thủ tục',
    open: 'Đang giải quyết',
    liaison: 'Liên thông',
    liaisonSummary: (l) =>
      `${number(l.parents)} hồ sơ liên thông tiếp nhận tại bộ phận một cửa, ${number(l.handoffs)} phần chuyển đến các cơ quan phối hợp; ` +
      `kết thúc: ${number(l.complete)} đủ các phần, ${number(l.partial)} một phần, ${number(l.refused)} từ chối.`,
    liaisonColumn: 'Thủ tục liên thông',
    parts: 'Các phần theo cơ quan (theo thời hạn riêng của từng phần)',
    part: 'Phần',
    agency: 'Cơ quan',
    handedOff: 'Đã chuyển',
    supplemented: 'Bổ sung',
    apologized: 'Xin lỗi',
    nationalStatus: 'Trạng thái hồ sơ trên Cổng Dịch vụ công quốc gia',
    code: 'Mã',
    status: 'Trạng thái',
    ratings: 'Đánh giá mức độ hài lòng',
    criterion: 'Tiêu chí',
    meanScore: 'Điểm trung bình (0–2)',
    showcase: 'Một hồ sơ qua mọi dữ liệu quốc gia',
    showcaseNote:
      'Thành phần hồ sơ: giấy tờ số hóa, một lần tra cứu cơ sở dữ liệu dân cư không có kết quả rồi bản giấy; văn bản kết quả có bản điện tử.',
    online: 'Hồ sơ trực tuyến',
    onlineNote: `Nộp trên Cổng Dịch vụ công quốc gia: mỗi hồ sơ có mã khi nộp (${status(1)}) và được tiếp nhận khi bộ phận một cửa chấp nhận.`,
    nationalStatuses: 'Các trạng thái trên Cổng',
    payment: 'Thanh toán',
    crossBoundary: 'Tiếp nhận không phụ thuộc địa giới hành chính',
    crossBoundaryNote: 'Mỗi lần chuyển bản gốc là một lần bàn giao ghi trên phiếu kiểm soát.',
    provinceProcess: 'Quy trình nội bộ của tỉnh',
    provinceDossier: 'Hồ sơ',
    feeRevenue: 'Thu phí, lệ phí (các hồ sơ minh họa)',
    lateEntries: 'Cập nhật trễ (quá 1 giờ)',
    unit: 'Đơn vị',
    entries: 'Lần cập nhật',
    lateColumn: 'Trễ',
    longestDelay: 'Trễ lâu nhất',
    hours: (h) => `${fixed(h, 1)} giờ`,
    portalSync: 'Đồng bộ lên Cổng Dịch vụ công quốc gia (mô phỏng)',
    portalSynced: 'Hồ sơ đã tiếp nhận có trên Cổng (chỉ số 1.4)',
    portalLag: 'Độ trễ từ khi ghi đến khi Cổng xác nhận, p50 / p99 (thời gian mô phỏng)',
    portalRecords: 'Bản ghi trên Cổng; bản trùng',
    portalDead: 'Lượt gửi hỏng hẳn; hồ sơ chưa đồng bộ',
    minutes: (n) => `${number(n)} phút`,
    dailyRate: 'Tỷ lệ giải quyết đúng hạn theo ngày',
    noneResolved: 'Không có hồ sơ nào được giải quyết trong kỳ.',
    dayRate: (day, share, resolved) => `${date(day)}: ${percent(share)} của ${number(resolved)} hồ sơ`,
    documents: 'Tài liệu in',
  },
};
