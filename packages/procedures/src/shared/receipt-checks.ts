import type { ReceiptCheck, ReceiptFacts } from '@motcua/core';

type Issue = { readonly field: string; readonly message: string };
type Rule = (application: unknown, receipt: ReceiptFacts) => Issue[];

/** The dates at a dotted path of the application (`residences[*].from` walks a list), with their paths. */
function datesAt(application: unknown, path: string): { field: string; date: string }[] {
  let found: { field: string; value: unknown }[] = [{ field: '', value: application }];
  for (const part of path.split('.')) {
    const list = part.endsWith('[*]');
    const key = list ? part.slice(0, -3) : part;
    const next: { field: string; value: unknown }[] = [];
    for (const { field, value } of found) {
      if (typeof value !== 'object' || value === null) continue;
      const child = (value as Record<string, unknown>)[key];
      const at = field ? `${field}.${key}` : key;
      if (list && Array.isArray(child)) {
        for (const [i, v] of child.entries()) next.push({ field: `${at}[${i}]`, value: v });
      } else if (!list && child !== undefined) next.push({ field: at, value: child });
    }
    found = next;
  }
  return found.flatMap((f) => (typeof f.value === 'string' ? [{ field: f.field, date: f.value }] : []));
}

/** Each date at `paths` (when given) is on or before the receipt date: nothing is born or signed later. */
export function notAfterReceipt(...paths: string[]): Rule {
  return (application, receipt) =>
    paths.flatMap((path) =>
      datesAt(application, path)
        .filter(({ date }) => date > receipt.receivedOn)
        .map(({ field }) => ({ field, message: `is after the receipt date ${receipt.receivedOn}` })),
    );
}

/** The date at `earlier` is on or before the one at `later` (each read at the same list index). */
export function inOrder(earlier: string, later: string): Rule {
  return (application) => {
    const a = datesAt(application, earlier);
    const b = datesAt(application, later);
    const issues: Issue[] = [];
    for (const first of a) {
      for (const second of b) {
        const sameItem = first.field.replace(/\.[^.]+$/, '') === second.field.replace(/\.[^.]+$/, '');
        const singles = a.length === 1 && b.length === 1;
        if ((sameItem || singles) && first.date > second.date) {
          issues.push({ field: second.field, message: `is before ${first.field}` });
        }
      }
    }
    return issues;
  };
}

/**
 * The cross-field checks of a procedure, for its definition's `checkReceipt`: every rule's issues.
 * @example
 * ```ts
 * checkReceipt: receiptChecks(notAfterReceipt('child.birthDate'), inOrder('mother.birthDate', 'child.birthDate')),
 * ```
 */
export function receiptChecks(...rules: Rule[]): ReceiptCheck {
  return ((application: unknown, receipt: ReceiptFacts) =>
    rules.flatMap((rule) => rule(application, receipt))) as ReceiptCheck;
}
