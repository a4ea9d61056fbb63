/**
 * Writes example renderings of every form (fictional dossiers from example-dossiers.ts) as HTML
 * under docs/forms/<regime>/, so they can be regenerated after a layout change:
 *
 *   node_modules/.bin/tsx packages/core/test-support/render-examples.ts [outDir] [--png]
 *
 * `--png` also screenshots Form 01 and the control slip of each regime with a headless Chromium
 * (`$CHROMIUM` or `chromium` on the PATH) to docs/forms/*.png. It prints file paths only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { apologyForm } from '../src/forms/apology-form.js';
import { controlSlipForm } from '../src/forms/control-slip-form.js';
import type { Paper } from '../src/forms/html-page.js';
import { receiptForm } from '../src/forms/receipt-form.js';
import { refusalForm } from '../src/forms/refusal-form.js';
import { defaultPaper, type OfficialForm, renderFormHtml } from '../src/forms/render-html.js';
import { stopNoticeForm } from '../src/forms/stop-notice-form.js';
import { supplementForm } from '../src/forms/supplement-form.js';
import { trackingBookForm } from '../src/forms/tracking-book.js';
import type { Regime } from '../src/model/channel.js';
import {
  exampleAgency,
  exampleLifecycle,
  exampleOffice,
  exampleRefused,
  exampleStopped,
} from './example-dossiers.js';

const FILE_NAMES: Record<OfficialForm['kind'], string> = {
  receipt: 'giay-tiep-nhan',
  supplement: 'phieu-yeu-cau-bo-sung',
  refusal: 'phieu-tu-choi',
  apology: 'phieu-xin-loi',
  stopNotice: 'thong-bao-dung',
  controlSlip: 'phieu-kiem-soat',
  trackingBook: 'so-theo-doi',
};

/** Every example form of a regime. */
export function exampleForms(regime: Regime): OfficialForm[] {
  const life = exampleLifecycle(regime);
  const def = life.procedure.definition;
  const cal = life.procedure.calendar;
  const ctx = life.returned.context;
  const refused = exampleRefused(regime);
  const forms: OfficialForm[] = [
    // Printed once the desk recorded how the components were satisfied.
    receiptForm(def, life.recorded.context, exampleOffice, cal, { entryNumber: 92 }),
    supplementForm(def, life.supplementRequested.context, exampleOffice, cal, { number: '15/PYCBS' }),
    refusalForm(def, refused.refused.context, exampleOffice, cal),
    apologyForm(def, ctx, exampleOffice, cal, {
      number: '08/CV-CAX',
      agency: exampleAgency,
      signerTitle: 'TRƯỞNG CÔNG AN XÃ',
    }),
  ];
  if (regime === '2025') {
    const stopped = exampleStopped();
    forms.push(stopNoticeForm(def, stopped.stopped.context, exampleOffice, cal, { number: '03/TB-TTPVHCC' }));
  }
  forms.push(
    controlSlipForm(def, ctx, exampleOffice, cal),
    trackingBookForm(
      regime,
      [
        { definition: def, context: ctx },
        { definition: def, context: refused.refused.context },
      ],
      exampleOffice,
      cal,
      { period: 'Năm 2026', startNo: 91 },
    ),
  );
  return forms;
}

const PIXELS: Record<Paper, string> = { A5: '560,794', A4: '794,1123', 'A4-landscape': '1123,794' };

function screenshot(htmlPath: string, pngPath: string, size: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'motcua-chromium-'));
  try {
    execFileSync(
      process.env.CHROMIUM ?? 'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        `--screenshot=${pngPath}`,
        `--window-size=${size}`,
        pathToFileURL(htmlPath).href,
      ],
      { stdio: 'ignore' },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function main(argv: readonly string[]): void {
  const here = dirname(fileURLToPath(import.meta.url));
  const args = argv.filter((a) => !a.startsWith('--'));
  const out = resolve(args[0] ?? join(here, '../../../docs/forms'));
  const png = argv.includes('--png');
  for (const regime of ['2018', '2025'] as const) {
    const dir = join(out, regime);
    mkdirSync(dir, { recursive: true });
    for (const form of exampleForms(regime)) {
      const file = join(dir, `mau-${form.number}-${FILE_NAMES[form.kind]}.html`);
      writeFileSync(file, renderFormHtml(form));
      process.stdout.write(`${file}\n`);
      if (png && (form.kind === 'receipt' || form.kind === 'controlSlip')) {
        const image = join(out, `${regime}-mau-${form.number}-${FILE_NAMES[form.kind]}.png`);
        // The slip runs over several A5 pages: capture its whole length.
        const size = form.kind === 'controlSlip' ? '560,1420' : PIXELS[defaultPaper(form.kind)];
        screenshot(file, image, size);
        process.stdout.write(`${image}\n`);
      }
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
