/**
 * The portal simulator on its own, for trying a connector by hand or from another process:
 *
 *   ./pnpmw exec tsx packages/connectors/src/test-support/simulator-main.ts --port 8787 \
 *     --faults 0.08 --seed 7 --fault-kinds 'http500*5,reset-before-apply*2,apply-then-reset'
 *
 * It prints its URL, credentials and the faults it plays, and a summary (records, duplicate
 * creates, history resends, faults played by kind) when stopped with Ctrl-C or SIGTERM. A bad flag
 * prints an error naming the flag and exits with status 2; `--help` lists the flags.
 */
import { startDvcqgSimulator } from '../testing/dvcqg-simulator.js';
import { seededFaultSource } from './seeded-fault-mix.js';
import { describeMix, parseSimulatorFlags, SIMULATOR_USAGE, SimulatorFlagError } from './simulator-flags.js';

let flags: ReturnType<typeof parseSimulatorFlags>;
try {
  flags = parseSimulatorFlags(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof SimulatorFlagError)) throw e;
  console.error(`simulator: ${e.message}`);
  process.exit(2);
}
if (flags.help) {
  console.log(SIMULATOR_USAGE);
  process.exit(0);
}
const sim = await startDvcqgSimulator({
  port: flags.port,
  unitCode: flags.unit,
  ...(flags.mix ? { faultSource: seededFaultSource(flags.mix) } : {}),
});
console.log(`DVCQG simulator at ${sim.url} (unit ${flags.unit}; login ${sim.username} / ${sim.password})`);
console.log(`  LGSP envelope: POST ${sim.url}/auth, POST ${sim.url}/integration`);
console.log(`  faults: ${describeMix(flags.mix)}`);
const stop = async () => {
  const duplicates = [...sim.creates.values()].filter((n) => n > 1).length;
  const played = new Map<string, number>();
  for (const c of sim.calls) if (c.fault !== 'none') played.set(c.fault, (played.get(c.fault) ?? 0) + 1);
  const faults = [...played].map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none';
  console.log(
    `\n${sim.records.size} records, ${duplicates} duplicate creates, ${sim.stepResends} history resends; ` +
      `${sim.calls.length} calls, faults: ${faults}`,
  );
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
