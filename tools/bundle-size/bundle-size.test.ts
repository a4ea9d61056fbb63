/**
 * Byte budgets of the published entries, as a vendor's bundler sees them: each case bundles one
 * import with esbuild (minified, tree-shaken, ESM) from the sources and checks its size and the
 * modules it must not contain. The calendar entry runs in a browser: no Node built-in, no date
 * library, no holiday engine. The SMS text and phone entries hold no SMPP driver and no zod classic
 * API; the phone entry's size is libphonenumber-js's full metadata (about 195 KB), which tells a
 * landline from a mobile. Raise a ceiling only with a reason in the commit message.
 */
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const core = fileURLToPath(new URL('../../packages/core/src/', import.meta.url));
const notifySms = fileURLToPath(new URL('../../packages/notify-sms/src/', import.meta.url));

interface Case {
  readonly name: string;
  readonly code: string;
  /** The package whose sources `code` imports (relative paths); `@motcua/core` by default. */
  readonly from?: string;
  readonly platform: 'browser' | 'node';
  /** Minified bytes at most. */
  readonly ceiling: number;
  /** Patterns no bundled module path may match. */
  readonly forbidden?: readonly RegExp[];
}

const BROWSER_FORBIDDEN = [
  /^node:/,
  /node_modules\/(date-holidays|date-holidays-parser|moment|moment-timezone|astronomia|date-chinese|luxon)\//,
  /node_modules\/zod\/v4\/(classic|locales\/(?!en\.js))/,
];

/** The SMPP driver and its iconv-lite, and zod's classic API: none belongs in the SMS text or phone entries. */
const SMS_SMALL_FORBIDDEN = [
  /node_modules\/(smpp|iconv-lite)\//,
  /\/notify-sms\/src\/smpp\//,
  /node_modules\/zod\/v4\/(classic|locales\/(?!en\.js))/,
];

const CASES: readonly Case[] = [
  {
    name: '@motcua/core/calendar: import { vietnamCalendar }',
    code: `import { vietnamCalendar } from './calendar/index.ts'; globalThis.c = vietnamCalendar;`,
    platform: 'browser',
    ceiling: 80_000,
    forbidden: BROWSER_FORBIDDEN,
  },
  {
    name: '@motcua/core/calendar: the whole entry',
    code: `export * from './calendar/index.ts';`,
    platform: 'browser',
    ceiling: 80_000,
    forbidden: BROWSER_FORBIDDEN,
  },
  {
    name: '@motcua/core: the error classes alone',
    code: `export { MotcuaError, ValidationError, CalendarError } from './index.ts';`,
    platform: 'node',
    ceiling: 3_000,
    forbidden: [/node_modules\/(zod|xstate)\//],
  },
  {
    name: '@motcua/core: createEngine',
    code: `export { createEngine } from './index.ts';`,
    platform: 'node',
    ceiling: 600_000,
    forbidden: [/node_modules\/(date-holidays|moment|luxon)\//],
  },
  {
    name: '@motcua/core: the whole entry',
    code: `export * from './index.ts';`,
    platform: 'node',
    ceiling: 790_000,
    forbidden: [/node_modules\/(date-holidays|moment|luxon)\//, /\/forms\//, /\/simulation\//],
  },
  {
    name: '@motcua/core/forms: the whole entry',
    code: `export * from './forms/index.ts';`,
    platform: 'node',
    ceiling: 550_000,
  },
  {
    name: '@motcua/core/simulation: the whole entry',
    code: `export * from './simulation/index.ts';`,
    platform: 'node',
    ceiling: 660_000,
  },
  {
    name: '@motcua/notify-sms/text: import { countSegments }',
    code: `import { countSegments } from './text/index.ts'; globalThis.c = countSegments;`,
    from: notifySms,
    platform: 'node',
    ceiling: 22_500,
    forbidden: [...SMS_SMALL_FORBIDDEN, /node_modules\/libphonenumber-js\//],
  },
  {
    name: '@motcua/notify-sms/text: the whole entry',
    code: `export * from './text/index.ts';`,
    from: notifySms,
    platform: 'node',
    ceiling: 24_500,
    forbidden: [...SMS_SMALL_FORBIDDEN, /node_modules\/libphonenumber-js\//],
  },
  {
    name: '@motcua/notify-sms/phone: import { normalizePhone }',
    code: `import { normalizePhone } from './phone/index.ts'; globalThis.n = normalizePhone;`,
    from: notifySms,
    platform: 'node',
    ceiling: 240_000,
    forbidden: SMS_SMALL_FORBIDDEN,
  },
  {
    name: '@motcua/notify-sms: the whole entry',
    code: `export * from './index.ts';`,
    from: notifySms,
    platform: 'node',
    ceiling: 760_000,
    forbidden: [/node_modules\/(smpp|iconv-lite)\//, /\/notify-sms\/src\/smpp\//],
  },
];

async function bundle(c: Case): Promise<{ bytes: number; modules: string[] }> {
  const result = await build({
    stdin: { contents: c.code, resolveDir: c.from ?? core, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: c.platform,
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: c.platform === 'node' ? ['nats', 'vitest', 'better-sqlite3', 'pg'] : [],
  });
  const meta = result.metafile as Metafile;
  const output = Object.values(meta.outputs)[0]!;
  return {
    bytes: result.outputFiles[0]!.contents.length,
    modules: [
      ...Object.entries(output.inputs)
        .filter(([, v]) => v.bytesInOutput > 0)
        .map(([k]) => k),
      ...Object.values(meta.inputs).flatMap((i) => i.imports.filter((x) => x.external).map((x) => x.path)),
    ],
  };
}

// Eleven esbuild bundles: the full lane's (the bare-context run below stays in the unit lane).
describe('bundle budgets', { tags: ['slow'] }, () => {
  for (const c of CASES) {
    it(`${c.name}: ≤ ${c.ceiling.toLocaleString('en')} bytes minified`, async () => {
      const { bytes, modules } = await bundle(c);
      console.log(
        `${c.name}: ${bytes.toLocaleString('en')} bytes (ceiling ${c.ceiling.toLocaleString('en')})`,
      );
      for (const pattern of c.forbidden ?? []) {
        expect(
          modules.filter((m) => pattern.test(m)),
          String(pattern),
        ).toEqual([]);
      }
      expect(bytes).toBeLessThanOrEqual(c.ceiling);
    });
  }
});

describe('the calendar entry outside Node', () => {
  it('runs in a bare JavaScript context (no process, no require, no Buffer): due dates, days, errors', async () => {
    const { runInNewContext } = await import('node:vm');
    const result = await build({
      stdin: {
        contents: `import { vietnamCalendar } from './calendar/index.ts';
          const c = vietnamCalendar();
          const due = c.format(c.dueDate(new Date('2026-02-12T09:00:00+07:00'), { workingDays: 3 }));
          let error = '';
          try { vietnamCalendar({ officeHours: { workingWeekdays: [9] } }); } catch (e) { error = e.code + ' ' + e.message; }
          globalThis.out = { due, tet: c.dayInfo('2026-02-17').kind, error };`,
        resolveDir: core,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const sandbox: { out?: { due: string; tet: string; error: string } } = {};
    runInNewContext(result.outputFiles[0]!.text, sandbox);
    expect(sandbox.out?.due).toBe('2026-02-24 17:00');
    expect(sandbox.out?.tet).toBe('tet');
    expect(sandbox.out?.error).toMatch(/^INVALID_OFFICE_HOURS officeHours\.workingWeekdays\[0\]: Too big/);
  });
});
