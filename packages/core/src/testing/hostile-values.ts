import fc from 'fast-check';

/** A text of about 1 MB. */
const HUGE = 'Ấ'.repeat(1 << 19);

/** An array nested `depth` levels deep. */
function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** An object whose own `__proto__` key is data (as `JSON.parse` makes it), not its prototype. */
function protoKeyed(): unknown {
  return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
}

/**
 * Values a hostile or careless caller may pass where motcua expects something else: wrong types,
 * `null`, `NaN`, texts with NUL bytes and control characters, a 1 MB text, `__proto__` keys,
 * 5,000-deep nesting, impossible dates (30 February, no offset, the ends of the JavaScript date
 * range, an invalid `Date`), cyclic objects, symbols, functions and big integers. For fuzz tests of
 * every public entry point: each must answer with a typed motcua error and change nothing.
 *
 * @example
 * ```ts
 * import { MemoryStore } from '@motcua/core';
 * import { hostileValue } from '@motcua/core/testing';
 * import fc from 'fast-check';
 * const store = new MemoryStore();
 * await fc.assert(fc.asyncProperty(hostileValue(), async (code) => {
 *   await store.load(code as string).catch(() => undefined); // refused with a typed error, never a crash
 * }));
 * ```
 */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything({
      withBigInt: true,
      withDate: true,
      withNullPrototype: true,
      withObjectString: true,
      maxDepth: 3,
    }),
    fc.constantFrom<unknown>(
      undefined,
      null,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -0,
      2 ** 53,
      '',
      ' ',
      '\u0000',
      'H56\u0000-260302-0001',
      '\u202e\u0007\u001b[31m',
      '\ud800',
      HUGE,
      '2026-02-30T10:00:00+07:00',
      '2026-03-02T09:30:00',
      '2026-02-30',
      '+275760-09-13T00:00:00.000Z',
      '-271821-04-20T00:00:00.000Z',
      new Date(Number.NaN),
      new Date(8.64e15),
      new Date(8.64e15 - 3_600_000),
      new Date(-8.64e15),
      Symbol('s'),
      () => 1,
      10n,
      [],
      {},
      ['a', 1, null],
    ),
    fc.constant(null).map(() => protoKeyed()),
    fc.constant(null).map(() => deep(5000)),
    fc.constant(null).map(() => {
      const cyclic: Record<string, unknown> = { type: 'HAND_OVER' };
      cyclic.self = cyclic;
      return cyclic;
    }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer(),
  );
}

/** A copy of plain objects and arrays, all else (class instances, functions) shared. */
function plainCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainCopy(v)])) as T;
  }
  return value;
}

/**
 * `valid` with one key (or one nested key, by a dotted path among `paths`) replaced by a hostile
 * value, removed, or joined by an unknown key: inputs that pass the first checks and fail deeper.
 *
 * @example
 * ```ts
 * import { hostileValue, mutated } from '@motcua/core/testing';
 * import fc from 'fast-check';
 * const valid = { code: '000.00.14.H56-260302-0001', at: '2026-03-02T09:00:00+07:00' };
 * fc.assert(fc.property(mutated(valid, ['code', 'at']), (input) => {
 *   // the function under test must refuse `input` naming the field
 * }));
 * ```
 */
export function mutated<T extends Record<string, unknown>>(
  valid: T,
  paths: readonly string[],
): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.record({ path: fc.constantFrom(...paths), value: hostileValue() }).map(({ path, value }) => {
      const copy = plainCopy(valid) as Record<string, unknown>;
      const keys = path.split('.');
      let at = copy;
      for (const k of keys.slice(0, -1)) {
        const next = at[k];
        if (typeof next !== 'object' || next === null) return copy;
        at = next as Record<string, unknown>;
      }
      at[keys[keys.length - 1]!] = value;
      return copy;
    }),
    fc.constantFrom(...paths).map((path) => {
      const copy = plainCopy(valid) as Record<string, unknown>;
      delete copy[path.split('.')[0]!];
      return copy;
    }),
    fc.string({ minLength: 1, maxLength: 12 }).map((key) => ({ ...plainCopy(valid), [`x${key}`]: 1 })),
  );
}
