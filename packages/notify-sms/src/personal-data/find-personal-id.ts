/** What {@link findPersonalIdLike} found. The number itself is deliberately not returned. */
export interface PersonalIdMatch {
  /** `personal-id` — 12 digits (số định danh cá nhân, CCCD); `cmnd` — 9 digits (old ID card). */
  kind: 'personal-id' | 'cmnd';
  /** 12 or 9. */
  digits: 12 | 9;
}

/** Digit groups joined by single spaces, e.g. `001 099 012345` or `0912 345 678`. */
const DIGIT_SEQUENCE = /\d+(?:[ \u00A0]\d+)*/g;

function kindOf(count: number): PersonalIdMatch | undefined {
  if (count === 12) return { kind: 'personal-id', digits: 12 };
  if (count === 9) return { kind: 'cmnd', digits: 9 };
  return undefined;
}

/**
 * Finds a run of digits that looks like a personal ID number: 12 digits (the personal
 * identification number on the căn cước card) or 9 (the old CMND). A run is either unbroken
 * digits, or groups of at least 3 digits split by single spaces (`001 099 012345`,
 * `123 456 789`). Longer runs, dates (`31/12/2026`), times, amounts with dots
 * (`1.000.000`), dossier codes (`000.00.14.H56-200203-0118`) and phone numbers (10 or 11
 * digits, in any grouping of 3–4 digits) do not match.
 *
 * @example
 * ```ts
 * import { findPersonalIdLike } from '@motcua/notify-sms';
 * findPersonalIdLike('CCCD 001099012345');     // { kind: 'personal-id', digits: 12 }
 * findPersonalIdLike('so 123 456 789');        // { kind: 'cmnd', digits: 9 }
 * findPersonalIdLike('Hotline 0912 345 678');  // undefined
 * ```
 */
export function findPersonalIdLike(text: string): PersonalIdMatch | undefined {
  for (const [sequence] of text.matchAll(DIGIT_SEQUENCE)) {
    const groups = sequence.split(/[ \u00A0]/);
    for (const group of groups) {
      const match = kindOf(group.length);
      if (match !== undefined) return match;
    }
    // Windows of consecutive groups of 3+ digits, as people space an ID number out.
    for (let start = 0; start < groups.length; start++) {
      let count = 0;
      for (let end = start; end < groups.length && groups[end]!.length >= 3; end++) {
        count += groups[end]!.length;
        if (end > start) {
          const match = kindOf(count);
          if (match !== undefined) return match;
        }
        if (count > 12) break;
      }
    }
  }
  return undefined;
}
