import * as z from 'zod/mini';

/** Vietnamese mobile network operators named in the numbering tables. */
export const MobileCarrierSchema = z.enum([
  'Viettel',
  'VinaPhone',
  'MobiFone',
  'Vietnamobile',
  'Gmobile',
  'Itelecom',
]);
/** See {@link MobileCarrierSchema}. */
export type MobileCarrier = z.infer<typeof MobileCarrierSchema>;
