/**
 * The catalogue's procedures are typed by their application schemas: a version's `Procedure`
 * carries the validated application and the application as written, so `engine.receive` and the
 * views are typed for a vendor without a cast. Checked by `tsc` (`pnpm typecheck`); at run time the
 * calls check the same behaviour as the untyped path.
 */
import type { ApplicationInputOf, ApplicationOf, Procedure } from '@motcua/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type CopyCertificationApplication,
  copyCertification,
  copyCertificationApplication,
  type MarriageRegistrationApplication,
  marriageRegistration,
} from './index.js';

describe('typed catalogue procedures', () => {
  it('a version is a Procedure of its application schema, validated and as written', () => {
    const p = copyCertification.version('2025.1');
    expectTypeOf(p).toEqualTypeOf<
      Procedure<z.output<typeof copyCertificationApplication>, CopyCertificationApplication>
    >();
    expectTypeOf<ApplicationInputOf<typeof p>>().toEqualTypeOf<CopyCertificationApplication>();
    expectTypeOf<ApplicationOf<typeof p>>().not.toBeUnknown();
    expectTypeOf(marriageRegistration.versions[0]!).toMatchTypeOf<
      Procedure<unknown, MarriageRegistrationApplication>
    >();
    expectTypeOf(copyCertification.definition('2025.1').application).toEqualTypeOf<
      typeof copyCertificationApplication
    >();
    expect(p.definition.application).toBe(copyCertificationApplication);
  });
});
