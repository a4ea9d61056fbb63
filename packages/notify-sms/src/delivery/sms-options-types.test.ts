/**
 * The SMS plugin's plain-data options are typed by their schema (`SmsNoticesConfigSchema`).
 * Checked by `tsc` (`pnpm typecheck`); the run checks the schema refuses what the type refuses.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { createDevelopmentProvider } from '../providers/development.js';
import type { QuietHours } from './quiet-hours.js';
import {
  type SmsNoticesConfigInput,
  type SmsNoticesConfigSchema,
  type SmsNoticesOptions,
  smsNotices,
} from './sms-notices.js';

describe('SmsNoticesOptions: the plain-data options from SmsNoticesConfigSchema', () => {
  it('has each plain-data option of the schema, with its input type', () => {
    expectTypeOf<SmsNoticesConfigInput>().toEqualTypeOf<Readonly<z.input<typeof SmsNoticesConfigSchema>>>();
    expectTypeOf<SmsNoticesOptions>().toExtend<SmsNoticesConfigInput>();
    expectTypeOf<SmsNoticesOptions['dailyCap']>().toEqualTypeOf<number | false | undefined>();
    expectTypeOf<SmsNoticesOptions['quietHours']>().toEqualTypeOf<QuietHours | false | undefined>();
    expectTypeOf<SmsNoticesOptions['legacyPhones']>().toEqualTypeOf<'convert' | 'reject' | undefined>();
    expectTypeOf<SmsNoticesOptions['sendClaimMs']>().toEqualTypeOf<number | undefined>();
  });

  it('refuses a wrong option at compile time and at run time alike', () => {
    const provider = createDevelopmentProvider({ write: () => {} });
    expect(smsNotices({ provider, dailyCap: false, legacyPhones: 'reject' }).name).toBe('sms');
    // @ts-expect-error legacyPhones is 'convert' or 'reject'
    const wrong: SmsNoticesOptions = { provider, legacyPhones: 'drop' };
    expect(() => smsNotices(wrong)).toThrow(/legacyPhones/);
  });
});
