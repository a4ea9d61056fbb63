/**
 * The portal simulator on its own, for trying a connector by hand or from another process:
 *
 *   ./pnpmw exec tsx packages/connectors/src/test-support/simulator-main.ts -- --port 8787
 *
 * It prints its URL and credentials, and a summary (records, duplicate creates, history resends)
 * when stopped with Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startDvcqgSimulator } from '../testing/dvcqg-simulator.js';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8787' }, unit: { type: 'string', default: '000.00.14.H56' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error('--port: a port number from 0 to 65535');
  process.exit(2);
}
const sim = await startDvcqgSimulator({ port, unitCode: values.unit });
console.log(`DVCQG simulator at ${sim.url} (unit ${values.unit}; login ${sim.username} / ${sim.password})`);
console.log(`  LGSP envelope: POST ${sim.url}/auth, POST ${sim.url}/integration`);
const stop = async () => {
  const duplicates = [...sim.creates.values()].filter((n) => n > 1).length;
  console.log(
    `\n${sim.records.size} records, ${duplicates} duplicate creates, ${sim.stepResends} history resends`,
  );
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
