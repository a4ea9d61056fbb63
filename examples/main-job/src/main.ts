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
 *   ./pnpmw demo -- --lang en         # the console and report.html in English (Vietnamese by default)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createEngine,
  type DossierContext,
  type DossierSummary,
  type Engine,
  feeRevenueReport,
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
import { type DocumentKind, labelsFor, parseLanguage } from './labels.js';
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
    // The language of the console and report.html: vi (default) or en.
    lang: { type: 'string', default: 'vi' },
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
const t = labelsFor(parseLanguage(values.lang));
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
  console.log(t.console.noVersionInForce(l.liaison.code, start));
  return 0;
};
// A procedure imported from a province's process table, with a phase that waits for payment.
const imported = provinceProcedure(calendar, start);
const procedures = [...standalone, birth.liaison, death.liaison, imported];
// The procedure the showcase, the online filings and the cross-boundary dossier use.
const residence = standalone.find((p) => p.code === '1.004222') ?? standalone[0]!;
const names = new Map(procedures.map((p) => [p.code, t.name(p.definition.name)]));
const shortNames = new Map([
  [birth.liaison.code, t.liaisonNames.birth],
  [death.liaison.code, t.liaisonNames.death],
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

console.log(t.console.title);
console.log(t.console.run({ days, start, perDay, seed, store: store.label }));
console.log(t.console.procedures(standalone.map((p) => t.name(p.definition.name))));
console.log(t.console.liaisons);

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
  // The simulated officers' names are recorded in the dossiers and printed on the Vietnamese forms
  // (control slips, Form 01): Vietnamese whatever --lang says.
  language: 'vi',
  drainDays: 21,
  liaison: {
    agencies: Object.fromEntries(agencies.map((a) => [a.id, a.engine])),
    idle: () => transport.idle(),
  },
  onDay: (d) => {
    if (d.received === 0 && d.resolved === 0) return;
    const timelyShare = d.resolved ? d.timely / d.resolved : null;
    process.stdout.write(`${t.console.day({ ...d, timelyShare })}\n`);
  },
});
const seconds = (performance.now() - t0) / 1000;
const r = result.report[0]!;
const pct = (x: number) => t.percent(x).padStart(7);
/** A report line: its name padded to a column, then the figure right-aligned. */
const line = (indent: number, name: string, n: number) =>
  `${' '.repeat(indent)}${name.padEnd(20 - indent)}${t.number(n).padStart(6)}`;
const c = t.console;

console.log(`\n${c.reportHead(start, days, 21)}`);
console.log(
  `${line(2, c.received, r.received)}   ${c.byChannel}: ${Object.entries(r.receivedByChannel)
    .map(([ch, n]) => `${t.channel[ch as keyof typeof t.channel] ?? ch} ${t.number(n)}`)
    .join(', ')}`,
);
console.log(line(2, c.resolved, r.resolved));
console.log(`${line(4, c.early, r.early)}  ${pct(r.earlyRate)}`);
console.log(`${line(4, c.onTime, r.onTime)}  ${pct(r.onTimeRate)}`);
console.log(`${line(4, c.late, r.late)}  ${pct(r.lateRate)}`);
console.log(`${line(2, c.refused, r.refused)}   ${c.withdrawn} ${t.number(r.withdrawn)}`);
console.log(`${line(2, c.inProgress, r.inProgressWithinTime)} ${c.inProgressDetail(r.inProgressOverdue)}`);
const liaison = result.liaison!;
// Parts in the order of the liaisons and of their members.
const partOrder = (m: { liaison: string; member: string }) => {
  const l = liaisons.findIndex((x) => x.liaison.code === m.liaison);
  return l * 100 + (liaisons[l]?.liaison.liaison.members.findIndex((x) => x.id === m.member) ?? 0);
};
const parts = [...liaison.members].sort((a, b) => partOrder(a) - partOrder(b));
const parentsOf = (code: string) => result.byProcedure.find((row) => row.group === code);
/** A part's member name in the run's language (the liaison definition names it). */
const memberName = (m: { liaison: string; member: string }) => {
  const spec = liaisons
    .find((l) => l.liaison.code === m.liaison)
    ?.liaison.liaison.members.find((x) => x.id === m.member);
  return spec ? t.name(spec.name) : m.member;
};
console.log(
  `${line(2, c.liaisonParents, liaison.parents)}   ${liaisons
    .map((l) => `${shortNames.get(l.liaison.code)} ${t.number(parentsOf(l.liaison.code)?.received ?? 0)}`)
    .join(', ')}; ${c.liaisonOutcomes(liaison.outcomes)}`,
);
const partAgencies = [...new Set(parts.map((m) => m.agency))];
console.log(`${line(2, c.partsHandedOff, liaison.handoffs)}   ${c.toAgencies(partAgencies.length)}`);
const partName = (m: { liaison: string; member: string }) => `${shortNames.get(m.liaison)}: ${memberName(m)}`;
const partWidth = Math.max(0, ...parts.map((m) => partName(m).length));
// The parts under their agency's name (in the order the agencies first appear), each agency once.
const agencyName = (id: string) => agencies.find((a) => a.id === id)?.name ?? id;
for (const id of partAgencies) {
  console.log(`    ${agencyName(id)}`);
  for (const m of parts.filter((x) => x.agency === id))
    console.log(`      ${partName(m).padEnd(partWidth)} ${c.part(m)}`);
}
console.log(c.commands(result.commands, seconds));

// A short staffing what-if for the centre's desk (ticket queue only, a few seeds: seconds).
const whatIf = await deskWhatIf({ calendar, start, days, perDay, variantName: t.whatIf.variant });
console.log(c.whatIfHead(t.whatIf.fields[whatIf.field], 5));
for (const v of whatIf.variants) {
  const f = v.fields[whatIf.field]!;
  console.log(
    c.whatIfVariant({
      name: v.variant.name,
      wait: f.waitMean,
      p90: f.waitP90.mean,
      withinPercent: f.withinPercent.mean,
      afterHoursPerDay: f.afterHoursPerDay.mean,
    }),
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
/** A console line: its name in a column of 18, then the text. */
const say = (name: string, text: string) => console.log(`${name.padEnd(18)}${text}`);
say(
  c.showcase,
  `${showcase.code}: ${t.facts.showcase({ ...showcase, statuses: showcase.statuses.map(t.status).join(' → ') })}`,
);
// Online filings (code at submission, accepted, completed on request, refused at intake) and a
// dossier received at one commune centre for the agency of another.
const online = await onlineAndBoundary(
  engine,
  residence,
  catalogueSamples[residence.code] as { applicant: Record<string, unknown>; application: unknown },
);
for (const f of online.filings)
  say(
    c.online,
    `${f.code}: ${f.statuses.map(t.status).join(' → ')}${f.paidVnd === undefined ? '' : `; ${t.facts.paid(f.paidVnd)}`}`,
  );
say(c.crossBoundary, `${online.crossBoundary.code}: ${t.facts.crossBoundary(online.crossBoundary)}`);
// The imported procedure's dossier: phase 2 waits for the charge.
const province = await provinceProcessDossier(engine, imported);
say(
  c.provinceProcess,
  `${province.code}: ${t.facts.provinceProcess({ ...province, name: t.name(imported.definition.name) })}`,
);
// Fee revenue (báo cáo thu phí, lệ phí) of the sample dossiers that paid: core's report over
// their payments, from the run's first day to now.
const feeDossiers = await Promise.all(
  [showcase.code, ...online.filings.map((f) => f.code), online.crossBoundary.code, province.code].map(
    async (code) => ({ context: (await engine.get(code)).context }),
  ),
);
const [feeRevenue] = feeRevenueReport(feeDossiers, {
  from: `${start}T00:00:00+07:00`,
  to: new Date(engine.clock.now().getTime() + 1).toISOString(),
  groupBy: 'none',
});
if (feeRevenue) say(c.feeRevenue, t.facts.feeRevenue(feeRevenue));
// Late entry: the late-entry report per unit (the online filing's receipt was recorded late).
const lateRows = await engine.lateEntries({
  from: `${start}T00:00:00+07:00`,
  to: new Date(Math.ceil((engine.clock.now().getTime() + 1) / 3_600_000) * 3_600_000),
  thresholdMs: 3_600_000,
});
/** A unit's name: the first procedure naming it, a liaison member's agency, an engine actor, or its id. */
const unitName = (id: string): string => {
  for (const p of procedures) {
    const name = p.definition.units[id]?.name;
    if (name !== undefined) return name;
  }
  for (const l of liaisons)
    for (const m of l.liaison.liaison.members) if (m.agency.id === id) return m.agency.name;
  return t.actors[id] ?? id;
};
const lateByUnit = lateRows.map((r) => ({ ...r, unit: unitName(r.unit) }));
say(
  c.lateEntries,
  lateByUnit
    .filter((r) => r.late > 0)
    .map((r) => c.lateEntry({ ...r, hours: r.maxDelayMs / 3_600_000 }))
    .join('; ') || c.none,
);
// The official statistics form of the run's month (Biểu 06, 15th → 14th), counted by the store.
const form06 = await monthlyForm06(engine, start);
console.log(form06Line(form06, t));
// The portal sync, once everything is delivered: indicator 1.4, lag, nothing duplicated.
const synced = portal
  ? await finishPortalSync(engine, portal, {
      from: `${start}T00:00:00+07:00`,
      to: new Date(engine.clock.now().getTime() + 1).toISOString(),
    })
  : null;
if (synced)
  say(
    c.portalSync,
    t.facts.portalSync({
      ...synced,
      synced: synced.report.synced,
      received: synced.report.received,
      ratio: synced.report.ratio,
      lagP50Minutes: Math.round((synced.report.lagMs?.p50 ?? 0) / 60_000),
      lagP99Minutes: Math.round((synced.report.lagMs?.p99 ?? 0) / 60_000),
    }),
  );
// National facts: each dossier's national status, and the applicants' ratings at return.
const facts = await nationalFacts(engine, await listAll({}), seed);
say(
  c.nationalStatus,
  facts.statuses.map((st) => `${t.status(st.status.code)}: ${t.number(st.dossiers)}`).join('; '),
);
// The Decision 766 index of the run's month, once the national facts are in: points per group.
const index766 = await monthlyIndex(engine, start);
for (const l of scorecardLines(index766, engine, t)) console.log(l);
say(c.ratings, `${t.facts.ratings(facts)}\n`);
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
const chosen: [DocumentKind, Awaited<ReturnType<typeof pick>>][] = [
  ['plain', await pick((x) => x.supplements.length === 0 && !x.apology)],
  ['supplemented', await pick((x) => x.supplements.length > 0)],
  ['apology', await pick((x) => x.apology !== null)],
];
for (const [kind, rec] of chosen) {
  if (!rec) continue;
  const def = engine.procedures.get(rec.summary.procedureCode, rec.summary.procedureVersion).definition;
  const x = rec.context;
  const d = t.documents;
  write(
    `${x.code}-mau-01.html`,
    renderReceiptHtml(receiptForm(def, x, office, calendar)),
    `${x.code}: ${d.form01(d.kind[kind])}`,
  );
  write(
    `${x.code}-phieu-kiem-soat.html`,
    renderControlSlipHtml(controlSlipForm(def, x, office, calendar)),
    `${x.code}: ${d.controlSlip}`,
  );
  if (x.supplements.length)
    write(
      `${x.code}-mau-02.html`,
      renderSupplementHtml(supplementForm(def, x, office, calendar)),
      `${x.code}: ${d.form02}`,
    );
  if (x.apology)
    write(
      `${x.code}-mau-04.html`,
      renderApologyHtml(apologyForm(def, x, office, calendar)),
      `${x.code}: ${d.form04}`,
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
  const x = rec.context;
  const def = l.liaison.definition;
  const kind = shortNames.get(l.liaison.code) ?? l.liaison.code;
  write(
    `${x.code}-mau-01.html`,
    renderReceiptHtml(receiptForm(def, x, office, calendar)),
    `${x.code}: ${t.documents.liaisonForm01(kind)}`,
  );
  write(
    `${x.code}-phieu-kiem-soat.html`,
    renderControlSlipHtml(controlSlipForm(def, x, office, calendar)),
    `${x.code}: ${t.documents.liaisonSlip}`,
  );
  for (const m of partsOf(x)) {
    const agency = agencies.find((a) => a.id === m.agency)!;
    const child = await agency.engine.get(m.childCode!);
    const childDef = agency.engine.procedures.get(
      child.summary.procedureCode,
      child.summary.procedureVersion,
    ).definition;
    write(
      `${child.code}-phieu-kiem-soat.html`,
      renderControlSlipHtml(controlSlipForm(childDef, child.context, agency.office, calendar)),
      `${child.code}: ${t.documents.partSlip(memberName({ liaison: l.liaison.code, member: m.id }), agency.name)}`,
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
  // The tracking book is a Vietnamese form whatever the report's language.
  renderTrackingBookHtml(
    trackingBookForm('2025', bookEntries, office, calendar, {
      period: `Từ ngày ${start.slice(8, 10)}/${start.slice(5, 7)}/${start.slice(0, 4)}`,
    }),
  ),
  t.documents.trackingBook(200),
);

write(
  'bieu-06.html',
  form06Html(form06, office, engine, t),
  t.documents.form06(form06.period.label[t.language]),
);

const byProcedure = result.byProcedure.map((row) => ({ name: names.get(row.group) ?? row.group, row }));
const last = localDateOf(parseLocalDate(start) + days - 1);
writeFileSync(
  join(out, 'report.html'),
  htmlReport({
    labels: t,
    period: { first: start, last, seed },
    report: r,
    byProcedure,
    days: result.days,
    documents,
    national: facts,
    showcase,
    online,
    province: { process: province, name: t.name(imported.definition.name) },
    ...(feeRevenue ? { feeRevenue } : {}),
    lateEntries: lateByUnit,
    statisticsForm: form06Section(form06, 'documents/bieu-06.html', t),
    index766: scorecardSection(index766, engine, t),
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
        memberName: memberName(m),
        agencyName: agencyName(m.agency),
      })),
    } satisfies LiaisonSection,
  }),
);
await sms.close();
await portal?.sim.close();
for (const a of agencies) await a.store.close();
await transport.close();
await store.close();
console.log(`${c.output}: ${out}`);
const smsCount = (await sms.noticeLog.list()).length;
console.log(
  c.outputFiles({
    documents: documents.length,
    notices: smsCount,
    store: store.file,
    agencies: agencies.some((a) => a.store.file) ? agencies.length : undefined,
  }),
);
