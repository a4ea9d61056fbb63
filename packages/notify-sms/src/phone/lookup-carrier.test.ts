import { describe, expect, it } from 'vitest';
import { SmsError } from '../errors.js';
import { MOBILE_PREFIXES } from './carrier-prefixes.js';
import { LEGACY_MOBILE_PREFIXES } from './legacy-prefixes.js';
import { lookupCarrierByPrefix } from './lookup-carrier.js';

describe('lookupCarrierByPrefix', () => {
  it.each([
    ['0321234567', 'Viettel'],
    ['0971234567', 'Viettel'],
    ['0912 345 678', 'VinaPhone'],
    ['+84 88 123 4567', 'VinaPhone'],
    ['0901234567', 'MobiFone'],
    ['0921234567', 'Vietnamobile'],
    ['0591234567', 'Gmobile'],
  ])('%s → %s, as a guess', (phone, carrier) => {
    expect(lookupCarrierByPrefix(phone)).toMatchObject({ carrier, confirmed: true, provesCarrier: false });
  });

  it('says that the prefix does not prove the carrier', () => {
    const guess = lookupCarrierByPrefix('0912345678');
    expect(guess.provesCarrier).toBe(false);
    expect(guess.note).toMatch(/does not prove/);
  });

  it('flags unconfirmed rows and converts legacy numbers first', () => {
    expect(lookupCarrierByPrefix('0871234567')).toMatchObject({
      prefix: '087',
      carrier: 'Itelecom',
      confirmed: false,
    });
    expect(lookupCarrierByPrefix('01661234567')).toMatchObject({ prefix: '036', carrier: 'Viettel' });
  });

  it('throws the normalisation errors', () => {
    expect(() => lookupCarrierByPrefix('024 3825 1234')).toThrow(SmsError);
  });

  it('agrees with the renumbering table on who got each new prefix', () => {
    const byPrefix = new Map(MOBILE_PREFIXES.map((row) => [row.prefix, row.carrier]));
    for (const row of LEGACY_MOBILE_PREFIXES)
      expect(byPrefix.get(row.newPrefix), row.newPrefix).toBe(row.carrier);
    expect(new Set(MOBILE_PREFIXES.map((row) => row.prefix)).size).toBe(MOBILE_PREFIXES.length);
  });
});
