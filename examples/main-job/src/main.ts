/**
 * The main job: a simulated month at a provincial public administrative service centre (Trung
 * tâm Phục vụ hành chính công): several real procedures and the "3 in 1" birth and death
 * liaisons (một cửa liên thông: the centre's desk hands the parts to the commune's justice
 * officer, the police and social insurance, each on an engine and a store of its own), arrivals
 * by working hour, supplementation, a few late dossiers with apologies, the engine's timers — then
 * the report, the printable forms and control slips, and an HTML report with the daily on-time rate.
 *
 *   ./pnpmw demo                      # 30 days from 2026-08-17 (across the 31/08–02/09 block)
 *   ./pnpmw demo -- --days 60 --seed 7 --per-day 200 --out /tmp/run
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createEngine,
  type DossierContext,
  type DossierSummary,
  type Engine,
  inProcessTransport,
  type ListQuery,
  liaisonPlugin,
  localDateOf,
  parseLocalDate,
  SimulatedClock,
  vietnamCalendar,
} from '@motcua/core';
import {
  apologyForm,
  controlSlipForm,
  type OfficeInfoInput,
  receiptForm,
  renderApologyHtml,
  renderControlSlipHtml,
  renderReceiptHtml,
  renderSupplementHtml,
  renderTrackingBookHtml,
  supplementForm,
  trackingBookForm,
} from '@motcua/core/forms';
import { simulate } from '@motcua/core/simulation';
import { createDevelopmentProvider, smsNotices } from '@motcua/notify-sms';
import {
  birthLiaison2024,
  catalogueSampleOn,
  catalogueSamples,
  createCatalogue,
  deathLiaison,
  proceduresInForce,
} from '@motcua/procedures';
import { openAgencies } from './agencies.js';
import { htmlReport, type LiaisonSection } from './html-report.js';
import { monthlyIndex, scorecardLines, scorecardSection } from './index-scorecard.js';
import { birthLiaisonSample, deathLiaisonSample } from './liaison-samples.js';
import { nationalFacts, showcaseDossier } from './national-facts.js';
import { onlineAndBoundary, sampleReception, withSampleFees } from './online-and-boundary.js';
import { finishPortalSync, startPortalSync } from './portal-sync.js';
import { provinceProcedure, provinceProcessDossier } from './province-process.js';
import { deskWhatIf } from './staffing-what-if.js';
import { form06Html, form06Line, form06Section, monthlyForm06 } from './statistics-form.js';
import { openStore } from './store.js';

// `pnpm demo -- --days 10` passes the `--` through: drop it.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    days: { type: 'string', default: '30' },
    seed: { type: 'string', default: '2026' },
    start: { type: 'string', default: '2026-08-17' },
    'per-day': { type: 'string', default: '160' },
    store: { type: 'string', default: 'sqlite' },
    // The month synced to the portal simulator through faults; `off` leaves it out (see the connectors guide).
    'portal-sync': { type: 'string', default: 'on' },
    pg: { type: 'string' },
    out: { type: 'string' },
  },
  allowPositionals: false,
});

const days = Number(values.days);
const seed = Number(values.seed);
const perDay = Number(values['per-day']);
const start = values.start!;
for (const [name, n] of [
  ['--days', days],
  ['--seed', seed],
  ['--per-day', perDay],
] as const) {
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: expected a number ≥ 0, got ${String(n)}`);
}
parseLocalDate(start, '--start');
if (values['portal-sync'] !== 'on' && values['portal-sync'] !== 'off')
  throw new Error('--portal-sync: expected on or off');
const out = resolve(values.out ?? join('out', `main-job-${start}-${days}d-seed${seed}`));
mkdirSync(join(out, 'documents'), { recursive: true });
mkdirSync(join(out, 'agencies'), { recursive: true });

const office: OfficeInfoInput = {
  governingBody: 'UBND TỈNH QUẢNG NGÃI',
  agencyName: 'UBND TỈNH QUẢNG NGÃI',
  deskName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
  placeName: 'Quảng Ngãi',
  address: '54 Hùng Vương, phường Cẩm Thành, tỉnh Quảng Ngãi',
  phone: '0255 3 822 222',
};

const calendar = vietnamCalendar();
const catalogue = createCatalogue({ calendar });
// The residence procedure with a sample charge, for the online filings that pay it (the catalogue
// lists no amounts until they are confirmed; these are illustrations, not legal figures).
const standalone = proceduresInForce(catalogue, start).map((p) =>
  p.code === '1.004222' ? withSampleFees(p, calendar) : p,
);
// The liaisons: the centre's desk is the focal point; the parts go to the agencies' engines.
const birth = birthLiaison2024({ calendar });
const death = deathLiaison({ calendar });
const liaisons = [birth, death];
// A liaison whose version is not yet (or no longer) in force on the start day gets no arrivals.
const inForceAtStart = (p: { definition: { effectiveFrom: string; effectiveTo?: string | undefined } }) =>
  p.definition.effectiveFrom <= start && (!p.definition.effectiveTo || start <= p.definition.effectiveTo);
const liaisonShare = (l: typeof birth | typeof death, share: number) => {
  if (inForceAtStart(l.liaison)) return share;
  console.log(`liaison ${l.liaison.code} has no version in force on ${start}: it gets no arrivals`);
  return 0;
};
// A procedure imported from a province's process table, with a phase that waits for payment.
const imported = provinceProcedure(calendar, start);
const procedures = [...standalone, birth.liaison, death.liaison, imported];
// The procedure the showcase, the online filings and the cross-boundary dossier use.
const residence = standalone.find((p) => p.code === '1.004222') ?? standalone[0]!;
const names = new Map(procedures.map((p) => [p.code, p.definition.name.vi]));
const shortNames = new Map([
  [birth.liaison.code, '3 in 1 (birth)'],
  [death.liaison.code, 'death'],
]);
// Invented applicants, each with their own (made-up) mobile number, so SMS caps apply per person.
const samples = Object.fromEntries(
  standalone.map((p) => [
    p.code,
    (index: number, _random: () => number, receivedOn: string) => {
      // The catalogue's sample dated for the receipt day (a child born before it, a contract signed
      // before it), so that a run started in any year passes the procedures' date rules.
      const sample = catalogueSampleOn(p.code, receivedOn) as {
        applicant: Record<string, unknown>;
        application: unknown;
      };
      const phone = `0912${String(index % 1_000_000).padStart(6, '0')}`;
      return { ...sample, applicant: { ...sample.applicant, phone } };
    },
  ]),
);
samples[birth.liaison.code] = birthLiaisonSample;
samples[death.liaison.code] = deathLiaisonSample;
const store = await openStore(values.store!, out, values.pg);

console.log(`motcua — a simulated month at a provincial service centre`);
console.log(
  `  ${days} days from ${start}, about ${perDay} dossiers per working day, seed ${seed}, store: ${store.label}`,
);
console.log(`  ${standalone.length} procedures: ${standalone.map((p) => p.definition.name.vi).join('; ')}`);
console.log(
  `  liaisons (một cửa liên thông): "3 in 1" birth (khai sinh – thường trú – thẻ BHYT), death (khai tử – xóa thường trú – mai táng phí)\n`,
);

const clock = new SimulatedClock(`${start}T00:00:00+07:00`);
const smsFile = join(out, 'sms.jsonl');
const sms = smsNotices({
  provider: createDevelopmentProvider({ output: { file: smsFile }, now: () => clock.now() }),
  templates: {
    fixedValues: { agency: 'TT PVHCC Quảng Ngãi', lookupUrl: 'dichvucong.quangngai.gov.vn', hotline: '1022' },
  },
  clock,
});
// One in-process transport between the centre and the member agencies (NATS JetStream in production).
const transport = inProcessTransport({ retryDelayMs: 1 });
const focal = liaisonPlugin({ agency: 'tt-pvhcc-quang-ngai', transport });
// The portal sync: every receipt and change pushed to the portal simulator through faults.
const portal = values['portal-sync'] === 'on' ? await startPortalSync(seed, days * perDay * 12) : null;
const engine = createEngine({
  procedures,
  calendar,
  clock,
  store: store.store,
  agency: '000.00.00.H55',
  plugins: portal ? [sms, focal, portal.plugin] : [sms, focal],
  // The province's centres and its list of procedures open to reception regardless of boundary.
  reception: sampleReception(residence.code, start),
});
await focal.attach(engine);
await portal?.plugin.attach(engine);
const agencies = await openAgencies({
  packages: liaisons,
  calendar,
  clock,
  transport,
  codes: {
    'ubnd-xa': '000.31.01.H55',
    'cong-an-xa': '000.31.02.H55',
    'bhxh-co-so': '000.31.03.H55',
    'ubnd-xa-vhxh': '000.31.04.H55',
    'ubnd-xa-nguoi-co-cong': '000.31.05.H55',
  },
  place: {
    governingBody: 'UBND PHƯỜNG CẨM THÀNH',
    placeName: 'Cẩm Thành',
    address: 'phường Cẩm Thành, tỉnh Quảng Ngãi',
  },
  openStore: (name) => openStore(values.store!, join(out, 'agencies'), values.pg, name),
});

const t0 = performance.now();
const result = await simulate({
  engine,
  start,
  days,
  seed,
  arrivals: {
    perWorkingDay: perDay,
    // Each standalone procedure 1; the birth liaison about one dossier in sixteen, the death liaison one in thirty-five.
    mix: {
      ...Object.fromEntries(standalone.map((p) => [p.code, 1])),
      [birth.liaison.code]: liaisonShare(birth, 0.55),
      [death.liaison.code]: liaisonShare(death, 0.25),
    },
    channels: { 'in-person': 60, 'online-full': 25, 'online-partial': 10, postal: 5 },
  },
  behaviour: { pickupHours: [0, 1] },
  samples,
  drainDays: 21,
  liaison: {
    agencies: Object.fromEntries(agencies.map((a) => [a.id, a.engine])),
    idle: () => transport.idle(),
  },
  onDay: (d) => {
    if (d.received === 0 && d.resolved === 0) return;
    const rate = d.resolved ? `${((d.timely / d.resolved) * 100).toFixed(1)}% on time` : '';
    const l = d.liaison;
    const liaison = l
      ? `  liaison ${String(l.received).padStart(3)} in, ${String(l.handoffs).padStart(3)} parts out`
      : '';
    process.stdout.write(
      `  ${d.date}  received ${String(d.received).padStart(4)}  resolved ${String(d.resolved).padStart(4)} ${rate.padStart(16)}  open ${String(d.open).padStart(5)}${liaison}\n`,
    );
  },
});
const seconds = (performance.now() - t0) / 1000;
const r = result.report[0]!;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

console.log(`\nReport ${start} + ${days} days (and ${21} days to finish open dossiers)`);
console.log(
  `  received          ${String(r.received).padStart(6)}   by channel: ${Object.entries(r.receivedByChannel)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')}`,
);
console.log(`  resolved          ${String(r.resolved).padStart(6)}`);
console.log(`    early           ${String(r.early).padStart(6)}  ${pct(r.earlyRate)}`);
console.log(`    on time         ${String(r.onTime).padStart(6)}  ${pct(r.onTimeRate)}`);
console.log(`    late            ${String(r.late).padStart(6)}  ${pct(r.lateRate)}`);
console.log(`  refused           ${String(r.refused).padStart(6)}   withdrawn ${r.withdrawn}`);
console.log(
  `  in progress       ${String(r.inProgressWithinTime).padStart(6)} within time, ${r.inProgressOverdue} overdue`,
);
const liaison = result.liaison!;
// Parts in the order of the liaisons and of their members.
const partOrder = (m: { liaison: string; member: string }) => {
  const l = liaisons.findIndex((x) => x.liaison.code === m.liaison);
  return l * 100 + (liaisons[l]?.liaison.liaison.members.findIndex((x) => x.id === m.member) ?? 0);
};
const parts = [...liaison.members].sort((a, b) => partOrder(a) - partOrder(b));
const parentsOf = (code: string) => result.byProcedure.find((row) => row.group === code);
console.log(
  `  liaison parents   ${String(liaison.parents).padStart(6)}   ${liaisons
    .map((l) => `${shortNames.get(l.liaison.code)} ${parentsOf(l.liaison.code)?.received ?? 0}`)
    .join(
      ', ',
    )}; closed complete ${liaison.outcomes.complete}, partial ${liaison.outcomes.partial}, refused ${liaison.outcomes.refused}`,
);
console.log(`  parts handed off  ${String(liaison.handoffs).padStart(6)}   to ${agencies.length} agencies:`);
for (const m of parts) {
  console.log(
    `    ${`${shortNames.get(m.liaison)}: ${m.member}`.padEnd(31)} ${m.agency.padEnd(22)} ${String(m.handedOff).padStart(5)} handed off  ${m.early} early, ${m.onTime} on time, ${m.late} late; ${m.refused} refused, ${m.supplemented} supplemented, ${m.apologized} apologised`,
  );
}
console.log(`  ${result.commands.toLocaleString('en')} commands in ${seconds.toFixed(1)} s\n`);

// A short staffing what-if for the centre's desk (ticket queue only, a few seeds: seconds).
const whatIf = await deskWhatIf({ calendar, start, days, perDay });
console.log(`Staffing what-if at the busiest desk field (${whatIf.field}), mean over 5 seeds [95 % CI]:`);
for (const v of whatIf.variants) {
  const f = v.fields[whatIf.field]!;
  console.log(
    `  ${v.variant.name.padEnd(20)} mean wait ${f.waitMean.mean.toFixed(1).padStart(5)} min [${f.waitMean.low.toFixed(1)}–${f.waitMean.high.toFixed(1)}], ` +
      `P90 ${f.waitP90.mean.toFixed(1).padStart(5)} min, within 15 min ${f.withinPercent.mean.toFixed(1).padStart(5)} %, ` +
      `served after hours ${f.afterHoursPerDay.mean.toFixed(2)} a day`,
  );
}
console.log('');

// Printable documents for a few dossiers: a plain one, one supplemented, one late with an apology.
/** Every dossier a query matches, a page of 1,000 at a time (a list answers at most 10,000). */
async function listAll(query: Omit<ListQuery, 'limit' | 'after'>): Promise<DossierSummary[]> {
  const all: DossierSummary[] = [];
  for (;;) {
    const last = all[all.length - 1];
    const page = await engine.list({ ...query, limit: 1000, ...(last ? { after: last } : {}) });
    all.push(...page);
    if (page.length < 1000) return all;
  }
}
const done = await listAll({ status: 'done' });
// One dossier through every national fact the engine records (before the counts below).
const showcase = await showcaseDossier(
  engine,
  residence,
  catalogueSamples[residence.code] as { applicant: Record<string, unknown>; application: unknown },
);
console.log(
  `Showcase dossier  ${showcase.code}: ${showcase.statuses.join(' → ')}; ${showcase.components} components recorded, ${showcase.results} result document, returned ${showcase.handover}, rated ${showcase.rated ? 'yes' : 'no'}`,
);
// Online filings (code at submission, accepted, completed on request, refused at intake) and a
// dossier received at one commune centre for the agency of another.
const online = await onlineAndBoundary(
  engine,
  residence,
  catalogueSamples[residence.code] as { applicant: Record<string, unknown>; application: unknown },
);
for (const f of online.filings)
  console.log(`Online filing     ${f.code}: ${f.statuses.join(' → ')}${f.paid ? `; ${f.paid}` : ''}`);
console.log(
  `Cross-boundary    ${online.crossBoundary.code}: received at ${online.crossBoundary.receiving} for ${online.crossBoundary.competent}; original ${online.crossBoundary.moves.join(', ')} (arrival ${online.crossBoundary.arrival})`,
);
// The imported procedure's dossier: phase 2 waits for the charge.
const province = await provinceProcessDossier(engine, imported);
console.log(
  `Province process  ${province.code}: ${imported.definition.name.vi}, steps from ${province.source}; phase 2 refused until paid ("${province.waited}"); returned ${province.result}`,
);
// Late entry: the late-entry report per unit (the online filing's receipt was recorded late).
const lateRows = await engine.lateEntries({
  from: `${start}T00:00:00+07:00`,
  to: new Date(Math.ceil((engine.clock.now().getTime() + 1) / 3_600_000) * 3_600_000),
  thresholdMs: 3_600_000,
});
console.log(
  `Late entries      ${
    lateRows
      .filter((r) => r.late > 0)
      .map(
        (r) =>
          `${r.unit}: ${r.late} of ${r.entries} entered over an hour late (longest ${(r.maxDelayMs / 3_600_000).toFixed(1)} h)`,
      )
      .join('; ') || 'none'
  }`,
);
// The official statistics form of the run's month (Biểu 06, 15th → 14th), counted by the store.
const form06 = await monthlyForm06(engine, start);
console.log(form06Line(form06));
// The portal sync, once everything is delivered: indicator 1.4, lag, nothing duplicated.
const synced = portal
  ? await finishPortalSync(engine, portal, {
      from: `${start}T00:00:00+07:00`,
      to: new Date(engine.clock.now().getTime() + 1).toISOString(),
    })
  : null;
if (synced)
  console.log(
    `Portal sync       ${synced.report.synced} of ${synced.report.received} received dossiers on the portal (indicator 1.4: ${synced.report.ratio ?? 'N/A'}); ` +
      `lag p50 ${Math.round((synced.report.lagMs?.p50 ?? 0) / 60_000)} min, p99 ${Math.round((synced.report.lagMs?.p99 ?? 0) / 60_000)} min (simulated time); ` +
      `${synced.records} records, ${synced.duplicates} duplicates, ${synced.deadLetters} dead letters, through a portal failing 8% of calls`,
  );
// National facts: each dossier's national status, and the applicants' ratings at return.
const facts = await nationalFacts(engine, await listAll({}), seed);
console.log(
  `National status   ${facts.statuses.map((st) => `${st.code} ${st.name}: ${st.dossiers}`).join('; ')}`,
);
// The Decision 766 index of the run's month, once the national facts are in: points per group.
const index766 = await monthlyIndex(engine, start);
for (const line of scorecardLines(index766, engine)) console.log(line);
console.log(
  `Ratings           ${facts.rated} of ${facts.returned} returned dossiers rated publicly; ${(facts.satisfiedShare * 100).toFixed(1)}% satisfied overall\n`,
);
const documents: { href: string; label: string }[] = [];
const pick = async (test: (c: Awaited<ReturnType<Engine['get']>>['context']) => boolean) => {
  for (const s of done) {
    const rec = await engine.get(s.code);
    if (rec.context.outcome?.kind === 'returned' && !rec.context.liaison && test(rec.context)) return rec;
  }
  return undefined;
};
const write = (name: string, html: string, label: string) => {
  writeFileSync(join(out, 'documents', name), html);
  documents.push({ href: `documents/${name}`, label });
};
const chosen = [
  ['plain', await pick((c) => c.supplements.length === 0 && !c.apology)],
  ['supplemented', await pick((c) => c.supplements.length > 0)],
  ['apology', await pick((c) => c.apology !== null)],
] as const;
for (const [kind, rec] of chosen) {
  if (!rec) continue;
  const def = engine.procedures.get(rec.summary.procedureCode, rec.summary.procedureVersion).definition;
  const c = rec.context;
  write(
    `${c.code}-mau-01.html`,
    renderReceiptHtml(receiptForm(def, c, office, calendar)),
    `${c.code}: Form 01 (${kind})`,
  );
  write(
    `${c.code}-phieu-kiem-soat.html`,
    renderControlSlipHtml(controlSlipForm(def, c, office, calendar)),
    `${c.code}: control slip`,
  );
  if (c.supplements.length)
    write(
      `${c.code}-mau-02.html`,
      renderSupplementHtml(supplementForm(def, c, office, calendar)),
      `${c.code}: Form 02`,
    );
  if (c.apology)
    write(
      `${c.code}-mau-04.html`,
      renderApologyHtml(apologyForm(def, c, office, calendar)),
      `${c.code}: Form 04`,
    );
}
// A liaison parent and its parts: the centre's Form 01 and control slip (desk ⇄ agencies), and
// each agency's own control slip of its part.
const parentPick = async (code: string, test: (c: DossierContext) => boolean) => {
  for (const s of await listAll({ status: 'done', procedureCode: code })) {
    const rec = await engine.get(s.code);
    const section = rec.context.liaison;
    if (section?.role === 'parent' && section.outcome === 'complete' && test(rec.context)) return rec;
  }
  return undefined;
};
const partsOf = (c: DossierContext) =>
  c.liaison?.role === 'parent' ? c.liaison.members.filter((m) => m.childCode !== null) : [];
for (const l of liaisons) {
  const rec =
    (await parentPick(
      l.liaison.code,
      (c) => partsOf(c).length >= 3 && partsOf(c).some((m) => m.supplementRequests > 0),
    )) ??
    (await parentPick(l.liaison.code, (c) => partsOf(c).length >= 3)) ??
    (await parentPick(l.liaison.code, () => true));
  if (!rec) continue;
  const c = rec.context;
  const def = l.liaison.definition;
  const kind = shortNames.get(l.liaison.code);
  write(
    `${c.code}-mau-01.html`,
    renderReceiptHtml(receiptForm(def, c, office, calendar)),
    `${c.code}: Form 01 (liaison ${kind})`,
  );
  write(
    `${c.code}-phieu-kiem-soat.html`,
    renderControlSlipHtml(controlSlipForm(def, c, office, calendar)),
    `${c.code}: control slip of the liaison (desk ⇄ agencies)`,
  );
  for (const m of partsOf(c)) {
    const agency = agencies.find((a) => a.id === m.agency)!;
    const child = await agency.engine.get(m.childCode!);
    const childDef = agency.engine.procedures.get(
      child.summary.procedureCode,
      child.summary.procedureVersion,
    ).definition;
    write(
      `${child.code}-phieu-kiem-soat.html`,
      renderControlSlipHtml(controlSlipForm(childDef, child.context, agency.office, calendar)),
      `${child.code}: control slip of the ${m.id} part at ${agency.name}`,
    );
  }
}

const bookEntries = [];
for (const s of done.slice(0, 200)) {
  const rec = await engine.get(s.code);
  bookEntries.push({
    definition: engine.procedures.get(s.procedureCode, s.procedureVersion).definition,
    context: rec.context,
  });
}
write(
  'so-theo-doi.html',
  renderTrackingBookHtml(trackingBookForm('2025', bookEntries, office, calendar, { period: `Từ ${start}` })),
  'Tracking book (first 200 dossiers)',
);

write('bieu-06.html', form06Html(form06, office, engine), `Biểu 06/VPCP/KSTT – ${form06.period.label.vi}`);

const byProcedure = result.byProcedure.map((row) => ({ name: names.get(row.group) ?? row.group, row }));
const last = localDateOf(parseLocalDate(start) + days - 1);
writeFileSync(
  join(out, 'report.html'),
  htmlReport({
    title: 'Báo cáo tình hình giải quyết hồ sơ — Trung tâm PVHCC (mô phỏng)',
    period: `${start} – ${last}, seed ${seed}`,
    report: r,
    byProcedure,
    days: result.days,
    documents,
    national: facts,
    showcase,
    online,
    province,
    lateEntries: lateRows,
    statisticsForm: form06Section(form06, 'documents/bieu-06.html'),
    index766: scorecardSection(index766, engine),
    ...(synced ? { portalSync: synced } : {}),
    liaison: {
      parents: liaison.parents,
      handoffs: liaison.handoffs,
      outcomes: liaison.outcomes,
      byLiaison: liaisons.map((l) => ({
        name: names.get(l.liaison.code) ?? l.liaison.code,
        row: parentsOf(l.liaison.code),
      })),
      members: parts.map((m) => ({
        ...m,
        liaisonName: shortNames.get(m.liaison) ?? m.liaison,
        agencyName: agencies.find((a) => a.id === m.agency)?.name ?? m.agency,
      })),
    } satisfies LiaisonSection,
  }),
);
await sms.close();
await portal?.sim.close();
for (const a of agencies) await a.store.close();
await transport.close();
await store.close();
console.log(`Output: ${out}`);
const smsCount = (await sms.noticeLog.list()).length;
console.log(
  `  report.html, documents/ (${documents.length} files), sms.jsonl (${smsCount} notices)${store.file ? `, ${store.file}` : ''}${agencies.some((a) => a.store.file) ? `, agencies/ (${agencies.length} stores)` : ''}`,
);
