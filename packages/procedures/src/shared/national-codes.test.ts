import { describe, expect, it } from 'vitest';
import { CATALOGUE_CODES, catalogueVersions } from '../catalogue.js';
import { BIRTH_LIAISON_2015_CODE, birthLiaison2015, birthLiaison2024 } from '../liaison/birth-liaison.js';
import { deathLiaison } from '../liaison/death-liaison.js';
import { isPlaceholderCode } from './codes.js';
import { NATIONAL_CODE_PATTERN, NATIONAL_CODES, type NationalCodeEntry } from './national-codes.js';

const entries = Object.entries(NATIONAL_CODES) as [string, NationalCodeEntry][];

/** Who made a source: the GitHub owner, or the host of a web page. */
const maker = (address: string): string => {
  const url = new URL(address);
  return url.hostname === 'github.com' ? (url.pathname.split('/')[1] ?? '').toLowerCase() : url.hostname;
};

describe('NATIONAL_CODES (dated data)', () => {
  it('holds only codes of the national shape, each with a name, a level and a check date', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const [name, e] of entries) {
      expect(e.code, name).toMatch(NATIONAL_CODE_PATTERN);
      expect(e.name.trim().length, name).toBeGreaterThan(5);
      expect(['commune', 'province', 'province-and-commune']).toContain(e.level);
      expect(e.checkedOn, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(`${e.checkedOn}T00:00:00Z`)), name).toBe(false);
    }
  });

  it('confirms every code by at least two sources made by different organisations', () => {
    for (const [name, e] of entries) {
      expect(e.sources.length, name).toBeGreaterThanOrEqual(2);
      for (const s of e.sources) {
        expect(s.address, name).toMatch(/^https:\/\//);
        expect(s.says.length, name).toBeGreaterThan(5);
      }
      expect(new Set(e.sources.map((s) => maker(s.address))).size, name).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives each procedure its own code, and every code is used', () => {
    const codes = entries.map(([, e]) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const used = new Set<string>([...Object.values(CATALOGUE_CODES), BIRTH_LIAISON_2015_CODE]);
    for (const code of codes) expect(used.has(code), code).toBe(true);
  });
});

describe('procedure codes across the catalogue and the liaisons', () => {
  const procedures = [
    ...new Map(catalogueVersions().map((p) => [p.code, p.definition.name.vi])).entries(),
    ...[birthLiaison2015(), birthLiaison2024(), deathLiaison()].flatMap((pkg) =>
      pkg.procedures.map((p) => [p.code, p.definition.name.vi] as const),
    ),
  ];

  it('each code is a national code of the right shape or a placeholder', () => {
    for (const [code, name] of procedures) {
      expect(isPlaceholderCode(code) || NATIONAL_CODE_PATTERN.test(code), `${name}: ${code}`).toBe(true);
    }
  });

  it('no two procedures share a code', () => {
    const seen = new Map<string, string>();
    for (const [code, name] of procedures) {
      expect(seen.get(code), `${code} used by "${seen.get(code)}" and "${name}"`).toBeUndefined();
      seen.set(code, name);
    }
  });
});
