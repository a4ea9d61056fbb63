import { describe, expect, it } from 'vitest';
import * as core from '../index.js';
import { localName } from './local-name.js';
import type { NationalStatusTable } from './national-status.js';
import { nationalStatusName, PORTAL_DOSSIER_STATUSES } from './national-status.js';
import { DECREE_61_RATING_CRITERIA, type RatingCriteriaSet, ratingAnswerLabel } from './rating.js';

/** Letters only Vietnamese writes (with their tone marks): an English name has none. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** Every code table core exports (each version of each): found by shape, so the next one is checked too. */
const exported = Object.values(core as Record<string, unknown>).filter(
  (v): v is object => typeof v === 'object' && v !== null,
);
const statusTables = exported.filter((v): v is NationalStatusTable => 'statuses' in v && 'source' in v);
const criteriaSets = exported.filter((v): v is RatingCriteriaSet => 'criteria' in v && 'source' in v);

describe('English names beside the Vietnamese ones', () => {
  it('finds the tables core ships', () => {
    expect(statusTables).toContain(PORTAL_DOSSIER_STATUSES);
    expect(criteriaSets).toContain(DECREE_61_RATING_CRITERIA);
  });

  it('gives every national status of every table both names', () => {
    for (const table of statusTables) {
      for (const s of table.statuses) {
        expect(s.name, `${table.id} ${s.code}`).toMatch(/\S/);
        expect(s.nameEn, `${table.id} ${s.code}`).toMatch(/^[A-Z]/);
        expect(s.nameEn).not.toMatch(VIETNAMESE);
      }
      const en = table.statuses.map((s) => s.nameEn);
      expect(new Set(en).size, table.id).toBe(en.length);
    }
  });

  it('gives every criterion and answer of every rating set both names', () => {
    for (const set of criteriaSets) {
      for (const c of set.criteria) {
        expect(c.nameEn, `${set.id} ${c.id}`).toMatch(/^[A-Z]/);
        expect(c.nameEn).not.toMatch(VIETNAMESE);
        for (const a of c.answers) {
          expect(a.labelEn, `${set.id} ${c.id} ${a.score}`).toMatch(/^[A-Z0-9]/);
          expect(a.labelEn).not.toMatch(VIETNAMESE);
        }
      }
      const en = set.criteria.map((c) => c.nameEn);
      expect(new Set(en).size, set.id).toBe(en.length);
    }
  });

  it('keeps the portal’s Vietnamese names and shows them by default', () => {
    expect(PORTAL_DOSSIER_STATUSES.statuses.map((s) => s.name)).toEqual([
      'Mới đăng ký',
      'Được tiếp nhận',
      'Không được tiếp nhận',
      'Đang xử lý',
      'Yêu cầu bổ sung giấy tờ',
      'Yêu cầu thực hiện nghĩa vụ tài chính',
      'Công dân yêu cầu rút hồ sơ',
      'Dừng xử lý',
      'Đã xử lý xong',
      'Đã trả kết quả',
    ]);
    expect(nationalStatusName(PORTAL_DOSSIER_STATUSES, 9)).toBe('Đã xử lý xong');
    expect(nationalStatusName(PORTAL_DOSSIER_STATUSES, 9, 'vi')).toBe('Đã xử lý xong');
    expect(nationalStatusName(PORTAL_DOSSIER_STATUSES, 9, 'en')).toBe('Processing finished');
    expect(nationalStatusName(PORTAL_DOSSIER_STATUSES, 11, 'en')).toBeUndefined();
    const overall = DECREE_61_RATING_CRITERIA.criteria.find((c) => c.id === 'overall')!;
    expect(localName(overall)).toBe('Đánh giá tổng thể dịch vụ');
    expect(localName(overall, 'en')).toBe('Overall rating of the service');
    expect(overall.answers.map((a) => [a.score, a.label, ratingAnswerLabel(a, 'en')])).toEqual([
      [2, 'Rất hài lòng', 'Very satisfied'],
      [1, 'Hài lòng', 'Satisfied'],
      [0, 'Không hài lòng', 'Dissatisfied'],
    ]);
    expect(ratingAnswerLabel(overall.answers[0]!)).toBe('Rất hài lòng');
  });

  it('falls back to Vietnamese where a vendor’s table has no English name', () => {
    expect(localName({ name: 'Chờ ký số' }, 'en')).toBe('Chờ ký số');
    expect(ratingAnswerLabel({ score: 1, label: 'Đạt' }, 'en')).toBe('Đạt');
  });
});
