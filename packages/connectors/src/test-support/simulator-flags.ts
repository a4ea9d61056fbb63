/**
 * The standalone portal simulator's command-line flags (test helper): parsed and checked before
 * the server starts. A bad flag is a {@link SimulatorFlagError} naming the flag, never repeating
 * its value.
 */
import { parseArgs } from 'node:util';
import type { SimService } from '../testing/dvcqg-simulator.js';
import { type FaultMix, MIX_KINDS, type MixKind } from './seeded-fault-mix.js';

/** What the simulator runs with. */
export interface SimulatorFlags {
  readonly port: number;
  readonly unit: string;
  /** The seeded faults to play; `undefined` without `--faults` (or with `--faults 0`). */
  readonly mix: FaultMix | undefined;
  readonly help: boolean;
}

/** A bad command-line flag: `flag` names it (`--faults`); the message says what it takes. */
export class SimulatorFlagError extends Error {
  override readonly name = 'SimulatorFlagError';
  constructor(
    readonly flag: string,
    rule: string,
  ) {
    super(`${flag}: ${rule}`);
  }
}

/** The usage text (`--help`). */
export const SIMULATOR_USAGE = `Usage: simulator-main.ts [flags]

  --port <n>               loopback port, 0 for a free one (default 8787)
  --unit <code>            the unit code (madonvi) the simulator accepts (default 000.00.14.H56)
  --faults <rate>          share of service calls that fail, 0 to 1 (default 0: none)
  --seed <n>               seed of the fault draws, 0 to 4294967295 (default 1): the same seed and
                           order of calls give the same faults
  --fault-kinds <list>     kinds played, comma-separated, each optionally weighted kind*weight
                           (default http500,reset-before-apply,apply-then-reset); kinds:
                           ${MIX_KINDS.join(', ')}
  --fault-service <name>   only this service's calls fail: DongBoHoSoMC or CapNhatTienDoHoSoMC
  --slow-ms <n>            how long a slow answer waits, 1 to 600000 ms (default 2000)
  --bad-field <field>      the portal field an http400 names (default NgayHenTra)
  --help                   this text`;

const SERVICES: readonly SimService[] = ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC'];
const FAULT_FLAGS = ['seed', 'fault-kinds', 'fault-service', 'slow-ms', 'bad-field'] as const;

/** `text` as an integer in `[min, max]`, or a {@link SimulatorFlagError} naming `flag`. */
function integer(flag: string, text: string, min: number, max: number): number {
  const n = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new SimulatorFlagError(flag, `an integer from ${min} to ${max}`);
  return n;
}

/** The `--fault-kinds` list: `kind` or `kind*weight`, comma-separated. */
function kindsOf(text: string): FaultMix['kinds'] {
  const rule = `kinds among ${MIX_KINDS.join(', ')}, each optionally *weight (1 to 1000), comma-separated`;
  const kinds = text.split(',').map((part) => {
    const m = /^([a-z0-9-]+)(?:\*(\d{1,4}))?$/.exec(part.trim());
    const kind = m?.[1] as MixKind | undefined;
    const weight = m?.[2] === undefined ? 1 : Number(m[2]);
    if (!kind || !MIX_KINDS.includes(kind) || weight < 1 || weight > 1000)
      throw new SimulatorFlagError('--fault-kinds', rule);
    return { kind, weight };
  });
  return kinds;
}

/**
 * Parses the simulator's flags (`process.argv.slice(2)`; a leading `--` is skipped).
 *
 * @throws {@link SimulatorFlagError} naming the first bad flag: an unknown one, a value missing or
 * out of range, a fault flag without `--faults`.
 */
export function parseSimulatorFlags(args: readonly string[]): SimulatorFlags {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: args[0] === '--' ? args.slice(1) : [...args],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        unit: { type: 'string' },
        faults: { type: 'string' },
        seed: { type: 'string' },
        'fault-kinds': { type: 'string' },
        'fault-service': { type: 'string' },
        'slow-ms': { type: 'string' },
        'bad-field': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    // node:util names the flag in quotes ('--fualts'); an unexpected positional is not a flag.
    const code = (e as { code?: string }).code;
    const named = /'(--?[A-Za-z0-9-]{1,40})/.exec((e as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new SimulatorFlagError(named ?? 'flag', 'unknown flag (--help lists them)');
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new SimulatorFlagError(named ?? 'flag', 'needs a value (--help lists them)');
    throw new SimulatorFlagError('arguments', 'flags only, as --name value (--help lists them)');
  }
  const text = (name: string) => values[name] as string | undefined;
  const port = integer('--port', text('port') ?? '8787', 0, 65_535);
  const unit = text('unit') ?? '000.00.14.H56';
  if (!/^[A-Za-z0-9.]{1,40}$/.test(unit))
    throw new SimulatorFlagError('--unit', 'a unit code of letters, digits and dots');
  const faults = text('faults');
  if (faults === undefined) {
    const stray = FAULT_FLAGS.find((f) => values[f] !== undefined);
    if (stray) throw new SimulatorFlagError(`--${stray}`, 'only with --faults <rate>');
    return { port, unit, mix: undefined, help: values.help === true };
  }
  const rate = /^(?:[01](?:\.\d{1,6})?|\.\d{1,6})$/.test(faults) ? Number(faults) : Number.NaN;
  if (!(rate >= 0 && rate <= 1)) throw new SimulatorFlagError('--faults', 'a rate from 0 to 1, e.g. 0.08');
  const service = text('fault-service');
  if (service !== undefined && !SERVICES.includes(service as SimService))
    throw new SimulatorFlagError('--fault-service', `one of ${SERVICES.join(', ')}`);
  const badField = text('bad-field') ?? 'NgayHenTra';
  if (!/^[A-Za-z][A-Za-z0-9[\].]{0,60}$/.test(badField))
    throw new SimulatorFlagError(
      '--bad-field',
      'a portal field name, e.g. NgayHenTra or TaiLieuNop[0].TenTepTin',
    );
  const mix: FaultMix = {
    rate,
    seed: integer('--seed', text('seed') ?? '1', 0, 4_294_967_295),
    kinds: kindsOf(text('fault-kinds') ?? 'http500,reset-before-apply,apply-then-reset'),
    ...(service === undefined ? {} : { service: service as SimService }),
    slowMs: integer('--slow-ms', text('slow-ms') ?? '2000', 1, 600_000),
    badField,
  };
  return { port, unit, mix: rate === 0 ? undefined : mix, help: values.help === true };
}

/** One line saying what the simulator plays, e.g. `8 % of calls (seed 7): http500*5, …`. */
export function describeMix(mix: FaultMix | undefined): string {
  if (!mix) return 'no faults';
  const kinds = mix.kinds.map((k) => (k.weight === 1 ? k.kind : `${k.kind}*${k.weight}`)).join(', ');
  const of = mix.service ? `${mix.service} calls` : 'calls';
  return `${Math.round(mix.rate * 10_000) / 100} % of ${of} fail (seed ${mix.seed}): ${kinds}`;
}
