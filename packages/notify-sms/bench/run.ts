/**
 * `pnpm bench` for @motcua/notify-sms. Prints these figures, each beside a baseline measured in
 * the same run on the same machine:
 *
 * 1. notices rendered and segment-counted per second (templates, both diacritics forms, exact
 *    GSM-7/UCS-2 counting, ID guard) against a naive `normalize('NFD')` strip + `length / 160`;
 * 2. end-to-end submit_sm throughput of the SMPP provider to a loopback SMPP server against the
 *    bare `smpp` client sending the same PDUs with the same window;
 * 3. local time in Asia/Ho_Chi_Minh (wall clock, local-day bounds) by cached offsets against an
 *    Intl `formatToParts` call per computation (see local-time-bench.ts);
 * 4. the daily-cap count with 100,000 notices in the log, 10,000 to one number: memory, SQLite
 *    and (when a server answers) PostgreSQL against a scan (see notice-log-bench.ts).
 */
import smpp, { type PDU } from 'smpp';
import { createSmsTemplates, type NoticeKind } from '../src/index.js';
import { createSmppProvider } from '../src/smpp/index.js';
import { startSmppGateway } from '../src/test-support/smpp-gateway.js';
import { countSegments } from '../src/text/index.js';
import { localTimeBench } from './local-time-bench.js';
import { noticeLogBench } from './notice-log-bench.js';

const KINDS: NoticeKind[] = [
  'receipt',
  'supplement-request',
  'result-ready-early',
  'result-ready-on-time',
  'apology',
];
const AGENCIES = [
  'UBND phường Bến Nghé',
  'Trung tâm Phục vụ hành chính công xã Đắk Đoa',
  'Công an phường Điện Biên',
];

function values(i: number) {
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    dossierCode: `000.00.14.H56-2603${day}-${String(i % 10_000).padStart(4, '0')}`,
    returnDate: `${8 + (i % 9)} giờ 30 phút ngày ${day}/04/2026`,
    newReturnDate: `16 giờ 00 phút ngày ${day}/05/2026`,
    agency: AGENCIES[i % AGENCIES.length]!,
  };
}

/** Runs `body` `n` times and returns operations per second. */
function perSecond(n: number, body: (i: number) => void): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) body(i);
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

function renderBench() {
  const sms = createSmsTemplates({ fixedValues: { lookupUrl: 'dichvucong.gov.vn' } });
  const templates = new Map(sms.list().map((t) => [t.notice, t.text]));
  let sink = 0;
  let naiveWrong = 0;
  const ours = (i: number) => {
    const message = sms.render(KINDS[i % KINDS.length]!, values(i));
    sink += message.segments;
  };
  const naive = (i: number) => {
    const v: Record<string, string> = { ...values(i), lookupUrl: 'dichvucong.gov.vn' };
    const text = templates
      .get(KINDS[i % KINDS.length]!)!
      .replace(/\{(\w+)\}/g, (_, name: string) => v[name] ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    sink += Math.ceil(text.length / 160);
  };
  // How often the naive estimate is wrong (đ/Đ left in: really UCS-2; extension characters).
  for (let i = 0; i < 3000; i++) {
    const v: Record<string, string> = { ...values(i), lookupUrl: 'dichvucong.gov.vn' };
    const text = templates
      .get(KINDS[i % KINDS.length]!)!
      .replace(/\{(\w+)\}/g, (_, name: string) => v[name] ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    const real = countSegments(text);
    if (real.encoding !== 'GSM-7' || real.segments !== Math.ceil(text.length / 160)) naiveWrong++;
  }
  const n = 40_000;
  perSecond(5000, ours);
  perSecond(5000, naive);
  const results = { ours: [] as number[], naive: [] as number[] };
  for (let round = 0; round < 3; round++) {
    results.naive.push(perSecond(n, naive));
    results.ours.push(perSecond(n, ours));
  }
  const best = (xs: number[]) => Math.max(...xs);
  return { ours: best(results.ours), naive: best(results.naive), naiveWrongShare: naiveWrong / 3000, sink };
}

async function smppBench() {
  const gateway = await startSmppGateway({ receiptStat: false, recordSubmits: false });
  const window = 10;
  const texts = Array.from(
    { length: 64 },
    (_, i) =>
      `Ho so 000.00.14.H56-260302-${String(i).padStart(4, '0')} da co ket qua. Moi ong/ba nhan tai UBND.`,
  );

  const provider = createSmppProvider({
    host: '127.0.0.1',
    port: gateway.port,
    systemId: 'motcua',
    password: 'secret',
    sourceAddr: 'MOTCUA',
    window,
  });
  let run = 0;
  const viaProvider = async (n: number) => {
    run++;
    const start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        provider.send({
          id: `bench-${run}-${i}`,
          to: `+8491234${String(i % 10_000).padStart(4, '0')}`,
          text: texts[i % texts.length]!,
          encoding: 'GSM-7',
          segments: 1,
        }),
      ),
    );
    return n / (Number(process.hrtime.bigint() - start) / 1e9);
  };

  const session = smpp.connect({ host: '127.0.0.1', port: gateway.port });
  session.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    session.on('connect', () =>
      session.bind_transceiver(
        { system_id: 'motcua', password: 'secret', interface_version: 0x34 },
        (pdu: PDU) => (pdu.command_status === 0 ? resolve() : reject(new Error('bind refused'))),
      ),
    );
  });
  /** The bare client: the same submit_sm fields, at most `window` in flight, the library encoding the text. */
  const bare = (n: number) =>
    new Promise<number>((resolve) => {
      const start = process.hrtime.bigint();
      let sent = 0;
      let done = 0;
      const next = () => {
        while (sent < n && sent - done < window) {
          const i = sent++;
          session.submit_sm(
            {
              source_addr_ton: 5,
              source_addr_npi: 0,
              source_addr: 'MOTCUA',
              dest_addr_ton: 1,
              dest_addr_npi: 1,
              destination_addr: `8491234${String(i % 10_000).padStart(4, '0')}`,
              registered_delivery: 1,
              data_coding: 0,
              short_message: texts[i % texts.length]!,
            },
            () => {
              done++;
              if (done === n) resolve(n / (Number(process.hrtime.bigint() - start) / 1e9));
              else next();
            },
          );
        }
      };
      next();
    });

  await bare(1000);
  await viaProvider(1000);
  const n = 8000;
  const results = { ours: [] as number[], bare: [] as number[] };
  for (let round = 0; round < 3; round++) {
    results.bare.push(await bare(n));
    results.ours.push(await viaProvider(n));
  }
  await provider.close();
  await new Promise<void>((resolve) => {
    session.on('close', () => resolve());
    session.destroy();
  });
  await gateway.close();
  const best = (xs: number[]) => Math.max(...xs);
  return { ours: best(results.ours), bare: best(results.bare), n, window, submits: gateway.counts.submits };
}

const fmt = (x: number) => Math.round(x).toLocaleString('en');

const render = renderBench();
console.log('notify-sms: notices rendered + segment-counted per second (5 notice kinds, Vietnamese values)');
console.log(
  `  createSmsTemplates().render (both forms, exact GSM-7/UCS-2 count, ID guard): ${fmt(render.ours)}/s`,
);
console.log(
  `  naive baseline (replace + NFD strip + length/160):                           ${fmt(render.naive)}/s`,
);
console.log(
  `  ratio naive/ours: ${(render.naive / render.ours).toFixed(1)}×; the naive estimate is wrong for ${(render.naiveWrongShare * 100).toFixed(0)}% of these messages (đ left in, so really UCS-2)`,
);

const wire = await smppBench();
console.log(
  `\nnotify-sms: submit_sm end to end to a loopback SMPP server (same process, ${fmt(wire.n)} single-part GSM-7 messages, window ${wire.window}, best of 3)`,
);
console.log(`  createSmppProvider().send (split, encode, UDH, ack tracking): ${fmt(wire.ours)} messages/s`);
console.log(`  bare smpp client, same PDUs and window:                       ${fmt(wire.bare)} messages/s`);
console.log(`  ratio provider/bare: ${(wire.ours / wire.bare).toFixed(2)}×`);

const time = localTimeBench();
console.log(
  `\nnotify-sms: local time in Asia/Ho_Chi_Minh (${fmt(time.n)} instants over two years, best of 3)`,
);
console.log(`  localParts (cached offset per UTC hour):       ${fmt(time.partsOurs)}/s`);
console.log(`  baseline: Intl formatToParts per call:         ${fmt(time.partsIntl)}/s`);
console.log(`  localDayBounds (cached offsets):               ${fmt(time.dayOurs)}/s`);
console.log(`  baseline: 5 formatToParts calls per day bound: ${fmt(time.dayIntl)}/s`);
console.log(
  `  ratios: wall clock ${(time.partsOurs / time.partsIntl).toFixed(1)}×, local day ${(time.dayOurs / time.dayIntl).toFixed(1)}×`,
);

const logs = await noticeLogBench();
console.log(
  '\nnotify-sms: daily-cap count of one local day, 100,000 notices in the log, 10,000 of them to the number asked about (best of 3)',
);
console.log(`  MemoryNoticeLog.countSent (binary search):          ${fmt(logs.memory.hotOurs)}/s`);
console.log(`  baseline: scan of the number's rows, parse sentAt:  ${fmt(logs.memory.hotScan)}/s`);
console.log(`  SqliteNoticeLog.countSent (index range count):      ${fmt(logs.sqlite.hotOurs)}/s`);
console.log(`  baseline: same query NOT INDEXED (table scan):      ${fmt(logs.sqlite.hotScan)}/s`);
console.log(
  `  SqliteNoticeLog claim (cap counted) + conditional acceptance (update), in memory: ${fmt(logs.sqlite.claims)} notices/s (baseline claim + put: ${fmt(logs.sqlite.claimsPut)}/s)`,
);
console.log(`  (SqliteNoticeLog.put while filling, in memory: ${fmt(logs.sqlite.putsPerSecond)}/s)`);
if ('skipped' in logs.postgres) {
  console.log(`  PostgresNoticeLog: skipped, ${logs.postgres.skipped}`);
} else {
  console.log(`  PostgresNoticeLog.countSent (index range count):    ${fmt(logs.postgres.hotOurs)}/s`);
  console.log(`  baseline: same query, sequential scan:              ${fmt(logs.postgres.hotScan)}/s`);
  console.log(
    `  PostgresNoticeLog claim (cap counted) + conditional acceptance (update): ${fmt(logs.postgres.claims)} notices/s (baseline claim + put: ${fmt(logs.postgres.claimsPut)}/s)`,
  );
}
console.log(
  `  ratios: memory ${(logs.memory.hotOurs / logs.memory.hotScan).toFixed(0)}×, SQLite ${(logs.sqlite.hotOurs / logs.sqlite.hotScan).toFixed(0)}×${'skipped' in logs.postgres ? '' : `, PostgreSQL ${(logs.postgres.hotOurs / logs.postgres.hotScan).toFixed(0)}×`}`,
);
