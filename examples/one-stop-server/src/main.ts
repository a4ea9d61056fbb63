/**
 * The one-stop server: the motcua engine with the catalogue procedures on a SQLite file, behind
 * Fastify, with the engine's timer loop and a graceful stop on SIGINT/SIGTERM.
 *
 *   ./pnpmw --filter @motcua/example-one-stop-server start -- --demo --dev-actor
 *   PORT=8080 MOTCUA_DB=/var/lib/motcua/motcua.sqlite ./pnpmw --filter @motcua/example-one-stop-server start
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteStore } from '@motcua/adapters/sqlite';
import { createEngine, type EngineLogEntry, vietnamCalendar } from '@motcua/core';
import { createCatalogue } from '@motcua/procedures';
import { headerActor, withFallbackActor } from './actor-headers.js';
import { DEMO_DESK, receiveDemoDossiers } from './demo-dossiers.js';
import { createServer } from './server.js';
import { closeOnSignals, startService } from './service.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    db: {
      type: 'string',
      default: process.env.MOTCUA_DB ?? join(tmpdir(), 'motcua-one-stop-server', 'motcua.sqlite'),
    },
    agency: { type: 'string', default: process.env.MOTCUA_AGENCY ?? '000.00.14.H56' },
    'timer-interval': { type: 'string', default: '1000' },
    demo: { type: 'boolean', default: false },
    'dev-actor': { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`--port: expected 0–65535, got ${values.port}`);
const interval = Number(values['timer-interval']);
if (!(interval >= 50))
  throw new Error(`--timer-interval: expected milliseconds ≥ 50, got ${values['timer-interval']}`);

const file = resolve(values.db!);
mkdirSync(dirname(file), { recursive: true });
const store = new SqliteStore(file);
await store.migrate();

const calendar = vietnamCalendar();
let engineLog: (entry: EngineLogEntry) => void = () => {};
const engine = createEngine({
  procedures: createCatalogue({ calendar }),
  calendar,
  store,
  agency: values.agency!,
  log: (entry) => engineLog(entry),
});

const app = createServer({
  engine,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  // The header identity is a placeholder for your authentication; --dev-actor lets a plain browser
  // open the desk page as a desk officer, on a developer's machine only.
  actor: values['dev-actor'] ? withFallbackActor(headerActor, DEMO_DESK) : headerActor,
  office: {
    governingBody: 'UBND tỉnh Thanh Hóa',
    agencyName: 'UBND xã Quảng Phú',
    deskName: 'Trung tâm Phục vụ hành chính công xã Quảng Phú',
    placeName: 'Quảng Phú',
  },
});
engineLog = ({ level, message, ...rest }) => app.log[level](rest, message);

if (values['dev-actor'])
  app.log.warn('--dev-actor: requests without an identity act as a desk officer (development only)');
if (values.demo && (await engine.list({ limit: 1 })).length === 0) {
  for (const d of await receiveDemoDossiers(engine))
    app.log.info({ code: d.code, secret: d.secret }, `demo dossier: ${d.procedure}`);
}

const service = await startService({
  app,
  engine,
  host: values.host!,
  port,
  timerIntervalMs: interval,
  onClose: () => store.close(),
});
app.log.info(
  { db: file },
  `one-stop server at ${service.url} (desk: ${service.url}/desk, lookup: ${service.url}/lookup)`,
);
closeOnSignals(service, (message) => app.log.info(message));
