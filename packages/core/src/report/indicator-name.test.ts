import { describe, expect, it } from 'vitest';
import { localName } from '../model/local-name.js';
import { indicatorName } from './indicator-name.js';
import { nationalIndexFigures } from './national-index.js';
import { F766_OPERATIONAL, INDEX_VERSIONS, IndexVersionSchema } from './national-index-config.js';
import { emptyIndexCounts } from './national-index-counts.js';

/** Letters only Vietnamese writes: an English name has none (the Decision's number "QĐ-TTg" aside). */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const english = (name: string | undefined) => (name ?? '').replace('QĐ-TTg', '');

describe('the index’s English names', () => {
  it('name every indicator and group of every version in both languages', () => {
    for (const v of INDEX_VERSIONS) {
      expect(english(v.nameEn), v.id).toMatch(/^[A-Z]/);
      expect(english(v.nameEn)).not.toMatch(VIETNAMESE);
      for (const i of v.indicators) {
        expect(i.name, `${v.id} ${i.id}`).toMatch(VIETNAMESE);
        expect(i.nameEn, `${v.id} ${i.id}`).toMatch(/^[A-Z]/);
        expect(i.nameEn).not.toMatch(VIETNAMESE);
      }
      for (const g of v.groups) {
        expect(g.nameEn, `${v.id} group ${g.group}`).toMatch(/^[A-Z]/);
        expect(g.nameEn).not.toMatch(VIETNAMESE);
      }
      const en = v.indicators.map((i) => i.nameEn);
      expect(new Set(en).size, v.id).toBe(en.length);
    }
  });

  it('give the same indicator the same names in every version', () => {
    const byId = new Map<string, string>();
    for (const v of INDEX_VERSIONS)
      for (const i of v.indicators) {
        const both = `${i.name} | ${i.nameEn}`;
        expect(byId.get(i.id) ?? both, `${v.id} ${i.id}`).toBe(both);
        byId.set(i.id, both);
      }
  });

  it('shows Vietnamese by default and English when asked, on indicators, figures and groups', () => {
    const timely = F766_OPERATIONAL.indicators.find((i) => i.id === '2.1')!;
    expect(indicatorName(timely)).toBe('Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn');
    expect(indicatorName(timely, 'en')).toBe('Share of dossiers processed early or on time');
    const figure = nationalIndexFigures(emptyIndexCounts('*'), F766_OPERATIONAL, 'national').find(
      (f) => f.id === '2.1',
    )!;
    expect(indicatorName(figure, 'en')).toBe(indicatorName(timely, 'en'));
    expect(localName(F766_OPERATIONAL.groups[4]!, 'en')).toBe('Satisfaction');
    expect(localName(F766_OPERATIONAL.groups[4]!)).toBe('Mức độ hài lòng');
  });

  it('still takes a version without English names (a vendor’s own), shown in Vietnamese', () => {
    const { nameEn: _n, ...plain } = F766_OPERATIONAL;
    const own = IndexVersionSchema.parse({
      ...plain,
      id: 'own-2026',
      groups: plain.groups.map(({ nameEn: _g, ...g }) => g),
      indicators: plain.indicators.map(({ nameEn: _i, ...i }) => i),
    });
    expect(indicatorName(own.indicators[0]!, 'en')).toBe(own.indicators[0]!.name);
  });
});
