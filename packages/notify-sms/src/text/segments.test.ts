import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmsError } from '../errors.js';
import { countSegments, splitSegments } from './segments.js';

const a = (n: number) => 'a'.repeat(n);
const vi = (n: number) => 'ă'.repeat(n); // one UCS-2 code unit each
const EMOJI = '😀'; // a surrogate pair

describe('countSegments — GSM-7', () => {
  it('160 septets are one SMS, 161 are two parts of 153 + 8', () => {
    expect(countSegments(a(160))).toEqual({
      encoding: 'GSM-7',
      segments: 1,
      unitsUsed: 160,
      unitsPerPart: 160,
      unitsLeftInLastPart: 0,
      partUnits: [160],
    });
    expect(countSegments(a(161))).toMatchObject({
      segments: 2,
      unitsPerPart: 153,
      unitsLeftInLastPart: 145,
      partUnits: [153, 8],
    });
  });

  it('306 septets (153 × 2) are two parts, 307 three', () => {
    expect(countSegments(a(306))).toMatchObject({
      segments: 2,
      unitsLeftInLastPart: 0,
      partUnits: [153, 153],
    });
    expect(countSegments(a(307))).toMatchObject({
      segments: 3,
      unitsLeftInLastPart: 152,
      partUnits: [153, 153, 1],
    });
  });

  it('counts extension characters as two septets, also at the 160 limit', () => {
    expect(countSegments(`${a(158)}[`)).toMatchObject({
      segments: 1,
      unitsUsed: 160,
      unitsLeftInLastPart: 0,
    });
    expect(countSegments(`${a(159)}€`)).toMatchObject({ segments: 2, unitsUsed: 161, partUnits: [153, 8] });
    expect(countSegments('{'.repeat(80))).toMatchObject({ segments: 1, unitsUsed: 160 });
    expect(countSegments(`${a(10)}\f`)).toMatchObject({ unitsUsed: 12 });
  });

  it('does not split an escape sequence across parts', () => {
    const text = `${a(152)}€${a(10)}`;
    expect(countSegments(text)).toMatchObject({
      segments: 2,
      unitsUsed: 164,
      partUnits: [152, 12],
      unitsLeftInLastPart: 141,
    });
    expect(splitSegments(text)).toEqual([a(152), `€${a(10)}`]);
    // 81 braces = 162 septets: 76 per part (152 septets, one left empty).
    expect(countSegments('{'.repeat(81))).toMatchObject({ segments: 2, partUnits: [152, 10] });
    // Exactly filling a part with an escape sequence is fine.
    expect(countSegments(`${a(151)}|${a(10)}`)).toMatchObject({ partUnits: [153, 10] });
  });

  it('reports 0 segments for the empty text', () => {
    expect(countSegments('')).toMatchObject({
      encoding: 'GSM-7',
      segments: 0,
      unitsUsed: 0,
      unitsLeftInLastPart: 160,
    });
    expect(splitSegments('')).toEqual([]);
  });
});

describe('countSegments — UCS-2', () => {
  it('70 code units are one SMS, 71 are two parts of 67 + 4', () => {
    expect(countSegments(vi(70))).toMatchObject({
      encoding: 'UCS-2',
      segments: 1,
      unitsLeftInLastPart: 0,
      partUnits: [70],
    });
    expect(countSegments(vi(71))).toMatchObject({
      segments: 2,
      unitsPerPart: 67,
      unitsLeftInLastPart: 63,
      partUnits: [67, 4],
    });
  });

  it('134 code units (67 × 2) are two parts, 135 three', () => {
    expect(countSegments(vi(134))).toMatchObject({
      segments: 2,
      unitsLeftInLastPart: 0,
      partUnits: [67, 67],
    });
    expect(countSegments(vi(135))).toMatchObject({ segments: 3, partUnits: [67, 67, 1] });
  });

  it('one non-GSM character makes the whole text UCS-2', () => {
    expect(countSegments(`${a(69)}ă`)).toMatchObject({
      encoding: 'UCS-2',
      segments: 1,
      unitsLeftInLastPart: 0,
    });
    expect(countSegments(`${a(70)}ă`)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('counts a surrogate pair as two units and never splits it', () => {
    expect(countSegments(`${vi(68)}${EMOJI}`)).toMatchObject({
      segments: 1,
      unitsUsed: 70,
      unitsLeftInLastPart: 0,
    });
    const text = `${vi(66)}${EMOJI}${vi(10)}`;
    expect(countSegments(text)).toMatchObject({
      segments: 2,
      unitsUsed: 78,
      partUnits: [66, 12],
      unitsLeftInLastPart: 55,
    });
    expect(splitSegments(text)).toEqual([vi(66), `${EMOJI}${vi(10)}`]);
    expect(countSegments(`${vi(65)}${EMOJI}${vi(10)}`)).toMatchObject({ partUnits: [67, 10] });
    // 36 emoji = 72 units: 33 per part (66 units).
    expect(countSegments(EMOJI.repeat(36))).toMatchObject({ segments: 2, partUnits: [66, 6] });
  });

  it('can be forced to UCS-2; forcing GSM-7 on non-GSM text is an error', () => {
    expect(countSegments(a(71), { encoding: 'UCS-2' })).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(() => countSegments('ăn', { encoding: 'GSM-7' })).toThrow(SmsError);
    expect(() => countSegments('ăn', { encoding: 'GSM-7' })).toThrow(/U\+0103/);
  });
});

/** Text mixing GSM basic, extension, Vietnamese and astral characters. */
const mixedText = fc
  .array(fc.constantFrom('a', ' ', '.', '€', '[', '\f', 'ă', 'ệ', 'Đ', EMOJI, '𝔸'), { maxLength: 400 })
  .map((chars) => chars.join(''));
const gsmText = fc
  .array(fc.constantFrom('a', 'Z', ' ', '1', '€', '{', '~', '\n', 'é'), { maxLength: 400 })
  .map((chars) => chars.join(''));
const anyText = fc.oneof(mixedText, gsmText, fc.string({ unit: 'grapheme', maxLength: 200 }));

describe('segments — properties', () => {
  it('splitting gives back the text, one string per counted segment, each within its part', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const count = countSegments(text);
        const parts = splitSegments(text);
        expect(parts.join('')).toBe(text);
        expect(parts.length).toBe(count.segments);
        expect(count.partUnits.reduce((sum, n) => sum + n, 0)).toBe(count.unitsUsed);
        parts.forEach((part, i) => {
          const units = countSegments(part, { encoding: count.encoding }).unitsUsed;
          expect(units).toBe(count.partUnits[i]);
          expect(units).toBeLessThanOrEqual(count.unitsPerPart);
          expect(part.charCodeAt(0) >= 0xdc00 && part.charCodeAt(0) <= 0xdfff).toBe(false); // no split pair
        });
        // Greedy: a part ends only when the next character would not fit.
        for (let i = 0; i + 1 < parts.length; i++) {
          const next = [...parts[i + 1]!][0]!;
          const nextUnits = countSegments(next, { encoding: count.encoding }).unitsUsed;
          expect(count.partUnits[i]! + nextUnits).toBeGreaterThan(count.unitsPerPart);
        }
      }),
    );
  });

  it('a concatenation costs at least as much as either piece and counts the same as its split', () => {
    fc.assert(
      fc.property(anyText, anyText, (x, y) => {
        const whole = countSegments(x + y);
        const cx = countSegments(x);
        const cy = countSegments(y);
        expect(whole.segments).toBeGreaterThanOrEqual(Math.max(cx.segments, cy.segments));
        expect(whole.encoding).toBe(cx.encoding === 'UCS-2' || cy.encoding === 'UCS-2' ? 'UCS-2' : 'GSM-7');
        const e = { encoding: whole.encoding };
        expect(whole.unitsUsed).toBe(countSegments(x, e).unitsUsed + countSegments(y, e).unitsUsed);
        expect(splitSegments(x + y).length).toBe(whole.segments);
        expect(whole.segments).toBeLessThanOrEqual(cx.segments + cy.segments + 2);
      }),
    );
  });

  it('the segment count follows from the units when no two-unit character sits at a boundary', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.boolean(), (n, ucs) => {
        const count = countSegments(ucs ? vi(n) : a(n));
        const [single, multi] = ucs ? [70, 67] : [160, 153];
        expect(count.segments).toBe(n <= single ? 1 : Math.ceil(n / multi));
        expect(count.unitsLeftInLastPart).toBe(n <= single ? single - n : (multi - (n % multi)) % multi);
      }),
    );
  });
});
