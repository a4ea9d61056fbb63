/**
 * The seed centre's land procedures as internal process tables (quy trình nội bộ). Sample data:
 * the steps, their times and the limits are the scenario's configuration, written in the format a
 * province approves; they are not a province's approved tables.
 */
import { defineProcedure, type Procedure, type WorkingCalendar } from '@motcua/core';
import { processFromTable } from '@motcua/procedures';
import { z } from 'zod';

/** Codes of the two land procedures of the scenario (placeholders: not national codes). */
export const LAND_CODES = {
  transfer: 'PLACEHOLDER:dang-ky-bien-dong-dat-dai',
  firstCertificate: 'PLACEHOLDER:cap-gcn-lan-dau',
} as const;

const HEAD = 'Bước;Nội dung;Đơn vị/chức danh;Thời gian';
const TRANSFER = `${HEAD}
1;Tiếp nhận, kiểm tra hồ sơ, chuyển Văn phòng đăng ký đất đai;Bộ phận Một cửa;0,5 ngày
2;Kiểm tra hồ sơ, xác nhận nội dung biến động;Văn phòng đăng ký đất đai;5 ngày
3;Ký xác nhận, cấp Giấy chứng nhận;Lãnh đạo Văn phòng đăng ký đất đai;2 ngày
4;Chỉnh lý hồ sơ địa chính, chuyển kết quả về Bộ phận Một cửa;Văn phòng đăng ký đất đai;2,5 ngày`;
const FIRST = `${HEAD}
1;Tiếp nhận, kiểm tra hồ sơ, chuyển Văn phòng đăng ký đất đai;Bộ phận Một cửa;1 ngày
2;Kiểm tra hồ sơ, trích đo, lấy ý kiến xác nhận;Văn phòng đăng ký đất đai;18 ngày
3;Ký, cấp Giấy chứng nhận;Lãnh đạo Văn phòng đăng ký đất đai;6 ngày
4;Cập nhật hồ sơ địa chính, chuyển kết quả về Bộ phận Một cửa;Văn phòng đăng ký đất đai;5 ngày`;

/** The application of a land dossier in the scenario (sample data). */
const landApplication = z.object({ parcel: z.string().min(1), mapSheet: z.string().min(1) }).strict();

/** The scenario's land procedures, in force from `from`, on `calendar`. */
export function landProcedures(calendar: WorkingCalendar, from: string): Procedure[] {
  const make = (code: string, name: string, table: string, days: number) => {
    const [definition] = processFromTable(table, {
      procedure: {
        code,
        version: '2019.1',
        effectiveFrom: from,
        regime: '2018',
        name: { vi: name },
        legalBasis: ['Dữ liệu mẫu của kịch bản (quy trình minh họa)'],
        agency: 'Văn phòng đăng ký đất đai',
        timeLimit: { workingDays: days },
        channels: ['in-person', 'postal'],
        application: landApplication,
      },
      decision: { number: 'minh họa (dữ liệu mẫu)', date: from, issuedBy: 'UBND tỉnh (minh họa)' },
      calendar,
    });
    return defineProcedure(definition!, { calendar });
  };
  return [
    make(LAND_CODES.transfer, 'Đăng ký biến động quyền sử dụng đất (minh họa)', TRANSFER, 10),
    make(LAND_CODES.firstCertificate, 'Cấp Giấy chứng nhận lần đầu (minh họa)', FIRST, 30),
  ];
}
