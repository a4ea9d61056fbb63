/** Where the sample applicant's personal data may appear (test helper). */
import { sampleReceipt } from '@motcua/core/testing';

/** Strings of the sample applicant and application that must never leave the snapshot. */
const PERSONAL_STRINGS = [
  sampleReceipt.applicant.fullName,
  sampleReceipt.applicant.idNumber,
  sampleReceipt.applicant.phone,
  sampleReceipt.application.address,
  sampleReceipt.application.householdHead,
];

/** The personal strings found in `text` (the dump of a column or an index definition). */
export function personalDataIn(text: string): string[] {
  return PERSONAL_STRINGS.filter((s) => text.includes(s));
}
