/** Code-point order of strings, the order rows and codes of the statistics forms are sorted in. */
export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rows of a statistics form's breakdown (the agency/field/procedure columns of Biểu 06, 07a
 * and II.07b): `items` grouped by the values `keyOf` gives for each key of `by` on the row
 * `rowOf` makes of an item (the first item of a group makes its row), then sorted by those values
 * in the order of `by` (`null`/absent first, as `''`). Each group carries its items in input order.
 */
export function breakdownRows<I, R, K extends string>(
  items: Iterable<I>,
  by: readonly K[],
  rowOf: (item: I) => R,
  keyOf: (row: R, key: K) => string | null | undefined,
): { readonly row: R; readonly members: I[] }[] {
  const groups = new Map<string, { row: R; members: I[] }>();
  for (const item of items) {
    const row = rowOf(item);
    const id = JSON.stringify(by.map((k) => keyOf(row, k)));
    let g = groups.get(id);
    if (!g) {
      g = { row, members: [] };
      groups.set(id, g);
    }
    g.members.push(item);
  }
  return [...groups.values()].sort((a, b) => {
    for (const k of by) {
      const d = compareCodes(keyOf(a.row, k) ?? '', keyOf(b.row, k) ?? '');
      if (d !== 0) return d;
    }
    return 0;
  });
}
