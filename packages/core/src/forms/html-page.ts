import { z } from 'zod';
import type { FormHeader, FormSignature } from './form-common.js';
import { escapeHtml } from './html-escape.js';

/** Paper of a printed form: A5 portrait, A4 portrait or A4 landscape. */
export const PaperSchema = z.enum(['A5', 'A4', 'A4-landscape']);
/** See {@link PaperSchema}. */
export type Paper = z.infer<typeof PaperSchema>;

/** Options of the HTML renderers. */
export interface RenderOptions {
  /** Paper size (default: A5 for the forms and the control slip, A4 landscape for the tracking book). */
  readonly paper?: Paper;
}

interface PaperSpec {
  readonly page: string;
  readonly width: string;
  readonly height: string;
  readonly margin: string;
  readonly fontSize: string;
  readonly headerSize: string;
}

// Margins after Decree 30/2020 (top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm on A4),
// scaled down on A5.
const PAPERS: Record<Paper, PaperSpec> = {
  A5: {
    page: 'A5 portrait',
    width: '148mm',
    height: '210mm',
    margin: '8mm 10mm 8mm 15mm',
    fontSize: '10.5pt',
    headerSize: '9.5pt',
  },
  A4: {
    page: 'A4 portrait',
    width: '210mm',
    height: '297mm',
    margin: '20mm 15mm 20mm 30mm',
    fontSize: '13pt',
    headerSize: '12pt',
  },
  'A4-landscape': {
    page: 'A4 landscape',
    width: '297mm',
    height: '210mm',
    margin: '15mm 15mm 15mm 20mm',
    fontSize: '11pt',
    headerSize: '11pt',
  },
};

function css(p: PaperSpec): string {
  return `@page { size: ${p.page}; margin: ${p.margin}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #fff; color: #000;
  font-family: "Times New Roman", Times, "Liberation Serif", Tinos, "Nimbus Roman", "DejaVu Serif", serif;
  font-size: ${p.fontSize}; line-height: 1.32; }
.sheet { width: ${p.width}; min-height: ${p.height}; padding: ${p.margin}; margin: 0 auto; }
@media print { .sheet { width: auto; min-height: 0; padding: 0; } }
.form-no { text-align: right; font-weight: bold; font-size: ${p.headerSize}; margin-bottom: 2pt; }
table.letterhead { width: 100%; border-collapse: collapse; font-size: ${p.headerSize}; }
table.letterhead td { vertical-align: top; text-align: center; padding: 0; }
table.letterhead td.lh-left { width: 42%; padding-right: 2mm; }
table.letterhead td.lh-right { width: 58%; }
.lh-parent { text-transform: uppercase; }
.lh-issuer, .motto-1 { text-transform: uppercase; font-weight: bold; }
.motto-1 { white-space: nowrap; }
.motto-2 { font-weight: bold; font-size: 1.08em; }
.rule { width: 38%; margin: 1pt auto 0; border-top: 0.7pt solid #000; height: 0; }
.rule.long { width: 62%; }
.doc-no { margin-top: 4pt; }
.place-date { margin-top: 4pt; font-style: italic; }
h1.title { text-align: center; font-size: 1.12em; font-weight: bold; margin: 10pt 0 2pt; text-transform: uppercase; }
.subtitle { text-align: center; font-weight: bold; margin: 0 0 2pt; }
.centre { text-align: center; }
.body { margin-top: 8pt; }
.body p { margin: 2pt 0; text-align: left; }
.body p.item { padding-left: 1.2em; text-indent: -1.2em; }
.body p.sub { padding-left: 1.2em; }
.body ul.reasons { margin: 2pt 0; padding-left: 1.2em; list-style: none; }
.body ul.reasons li { margin: 1pt 0; text-indent: -0.7em; }
.body ul.reasons li::before { content: "- "; }
.blank { letter-spacing: 0.5pt; color: #000; }
.val { font-weight: bold; }
.gap { display: inline-block; width: 2.5em; }
.note { font-style: italic; font-size: 0.92em; }
table.grid { width: 100%; border-collapse: collapse; margin: 3pt 0; }
table.grid th, table.grid td { border: 0.7pt solid #000; padding: 2pt 3pt; vertical-align: top; }
table.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
table.grid td.num { text-align: center; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
table.signatures { width: 100%; border-collapse: collapse; margin-top: 10pt; break-inside: avoid; page-break-inside: avoid; }
table.signatures td { width: 50%; text-align: center; vertical-align: top; padding: 0 2mm; }
.sig-title { font-weight: bold; text-transform: uppercase; }
.sig-hint { font-style: italic; font-size: 0.92em; }
.sig-space { height: 14mm; }
.sig-name { font-weight: bold; }
`;
}

/** A complete HTML document: UTF-8, Vietnamese, the page CSS and one sheet. No external resources. */
export function htmlDocument(title: string, paper: Paper, extraCss: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${css(PAPERS[paper])}${extraCss}</style>
</head>
<body>
<div class="sheet paper-${paper.toLowerCase()}">
${body}
</div>
</body>
</html>
`;
}

/** Dots to fill by hand. */
export function blank(width = 18): string {
  return `<span class="blank">${'.'.repeat(width)}</span>`;
}

/** A value in bold, or dots when it is missing. */
export function val(value: string | number | null | undefined, width?: number): string {
  if (value === null || value === undefined || value === '') return blank(width);
  return `<span class="val">${escapeHtml(value)}</span>`;
}

/** "Mẫu số 01" label, top right. */
export function formNumberLabel(number: string): string {
  return `<div class="form-no">Mẫu số ${escapeHtml(number)}</div>`;
}

/**
 * The two-column letterhead: issuer on the left (parent, issuer in bold, a short rule, "Số: …"),
 * the national name and motto on the right (with its rule and the place-and-date line).
 */
export function letterhead(header: FormHeader): string {
  const number =
    header.number === undefined
      ? ''
      : `<div class="doc-no">Số: ${header.number === null ? blank(14) : escapeHtml(header.number)}</div>`;
  const placeDate = header.placeDate ? `<div class="place-date">${escapeHtml(header.placeDate)}</div>` : '';
  return `<table class="letterhead"><tr>
<td class="lh-left"><div class="lh-parent">${escapeHtml(header.parent)}</div><div class="lh-issuer">${escapeHtml(header.issuer)}</div><div class="rule"></div>${number}</td>
<td class="lh-right"><div class="motto-1">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto-2">Độc lập - Tự do - Hạnh phúc</div><div class="rule long"></div>${placeDate}</td>
</tr></table>`;
}

/** The bold centred title. */
export function title(text: string): string {
  return `<h1 class="title">${escapeHtml(text)}</h1>`;
}

function signature(sig: FormSignature | null): string {
  if (!sig) return '<td></td>';
  return `<td><div class="sig-title">${escapeHtml(sig.title)}</div><div class="sig-hint">${escapeHtml(sig.hint)}</div><div class="sig-space"></div><div class="sig-name">${escapeHtml(sig.name ?? '')}</div></td>`;
}

/** Two signature blocks side by side (`null` leaves a side empty). */
export function signatures(left: FormSignature | null, right: FormSignature | null): string {
  return `<table class="signatures"><tr>${signature(left)}${signature(right)}</tr></table>`;
}
