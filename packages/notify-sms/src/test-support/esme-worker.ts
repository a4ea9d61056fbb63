/**
 * The body of {@link runEsmeThread} (test helper): an SMPP provider in a worker thread of its own,
 * so an SMSC on the test's thread keeps answering while this ESME is busy. Reads its
 * {@link EsmeInput} from `workerData`, sends the messages, waits for the receipts asked for, and
 * posts an {@link EsmeReport}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DeliveryReceipt } from '../providers/provider.js';
import { createSmppProvider } from '../smpp/smpp-provider.js';
import type { EsmeInput, EsmeReport } from './esme-thread.js';

const input = workerData as EsmeInput;
const logs: string[] = [];
const receipts: DeliveryReceipt[] = [];
const provider = createSmppProvider({
  host: '127.0.0.1',
  port: input.port,
  systemId: 'motcua',
  password: 'secret',
  sourceAddr: 'MOTCUA',
  window: input.window,
  reconnect: { initialDelayMs: 5, maxDelayMs: 40 },
  log: (entry) => logs.push(`${entry.message}${entry.error ? ` (${entry.error})` : ''}`),
});
provider.onReceipt((receipt) => {
  receipts.push(receipt);
  // The thread is busy (a long synchronous task, a pause) right after answering the first receipt.
  if (receipts.length === 1 && input.busyAfterFirstReceiptMs > 0) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, input.busyAfterFirstReceiptMs);
  }
});
const results = await Promise.all(
  input.messages.map((m) =>
    provider.send(m).then(
      (r) => ({ ok: true as const, ids: r.partMessageIds ?? [r.providerMessageId] }),
      (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }),
    ),
  ),
);
const until = Date.now() + 10_000; // a safety net against a hung test, never a measure
while (receipts.length < input.receipts && Date.now() < until) {
  await new Promise((resolve) => setTimeout(resolve, 2));
}
const report: EsmeReport = {
  results,
  receipts: receipts.map((r) => r.providerMessageId),
  stats: provider.stats(),
  logs,
};
await provider.close();
parentPort!.postMessage(report);
