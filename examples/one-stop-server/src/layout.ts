import { html, type SafeHtml } from './html.js';

/** The style sheet of the pages, served at {@link STYLESHEET_PATH}. */
export const STYLESHEET = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans","Segoe UI",Roboto,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1d2430;background:#f3f5f8}
header.top{background:#0b3d91;color:#fff;border-bottom:4px solid #c8102e}
header.top .inner{max-width:1180px;margin:0 auto;padding:14px 24px;display:flex;align-items:center;justify-content:space-between;gap:16px}
header.top .brand{font-weight:700;font-size:18px;letter-spacing:.2px}
header.top .brand small{display:block;font-weight:400;font-size:13px;opacity:.85}
header.top nav a{color:#fff;text-decoration:none;margin-left:18px;font-weight:600}
header.top nav a[aria-current=page]{border-bottom:2px solid #fff}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:28px 0 10px;display:flex;align-items:center;gap:10px}
p.lead{margin:0 0 18px;color:#4a5568}
.card{background:#fff;border:1px solid #d9dee7;border-radius:8px;padding:20px 22px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d9dee7;border-radius:8px;overflow:hidden}
th,td{text-align:left;padding:9px 12px;border-bottom:1px solid #e6e9ef;vertical-align:top}
th{background:#eef2f8;font-size:13px;text-transform:uppercase;letter-spacing:.3px;color:#334155}
tr:last-child td{border-bottom:0}
td.code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:13.5px;white-space:nowrap}
td.num{text-align:right;width:48px;color:#64748b}
.badge{display:inline-block;padding:2px 10px;border-radius:999px;font-size:12.5px;font-weight:700;white-space:nowrap}
.badge.overdue{background:#fde2e1;color:#a4161a}
.badge.soon{background:#fff1cc;color:#8a5a00}
.badge.ok{background:#dcfce7;color:#166534}
.badge.info{background:#e0ebff;color:#1e3a8a}
.count{font-size:13px;font-weight:600;color:#475569;background:#e2e8f0;border-radius:999px;padding:1px 9px}
.empty{color:#64748b;font-style:italic;background:#fff;border:1px dashed #cbd5e1;border-radius:8px;padding:14px}
form.inline{display:flex;gap:12px;align-items:flex-end;flex-wrap:wrap;margin:6px 0 4px}
label{display:block;font-weight:600;font-size:14px;margin-bottom:4px}
input,select{font:inherit;height:40px;padding:0 10px;border:1px solid #b8c1cf;border-radius:6px;background:#fff;min-width:120px}
select{max-width:440px}
input:focus,select:focus{outline:2px solid #0b3d91;outline-offset:1px}
button{font:inherit;font-weight:700;height:40px;padding:0 18px;border:0;border-radius:6px;background:#0b3d91;color:#fff;cursor:pointer}
button:hover{background:#082f70}
.lookup{max-width:720px}
.lookup .fields{display:grid;grid-template-columns:1fr 1fr;gap:14px;margin-bottom:14px}
.lookup .fields input{width:100%}
.hint{font-size:13px;color:#64748b;margin-top:4px}
.alert{border-radius:8px;padding:12px 16px;margin:16px 0;border:1px solid}
.alert.error{background:#fff5f5;border-color:#f5c2c0;color:#8a1c1c}
dl.result{display:grid;grid-template-columns:230px 1fr;margin:0;border:1px solid #d9dee7;border-radius:8px;overflow:hidden;background:#fff}
dl.result dt,dl.result dd{margin:0;padding:9px 14px;border-bottom:1px solid #e6e9ef}
dl.result dt{background:#f6f8fb;font-weight:600;color:#334155}
dl.result dt:last-of-type,dl.result dd:last-of-type{border-bottom:0}
.meta{font-size:13px;color:#64748b;margin-top:18px}
section.card{margin:0 0 22px}
section.card h2:first-child{margin-top:0}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.na{color:#64748b}
td.na .hint{max-width:320px}
svg.chart{display:block;max-width:100%;height:auto;margin:8px 0 14px}
footer{max-width:1180px;margin:0 auto;padding:8px 24px 28px;font-size:12.5px;color:#64748b}
`;

/** Where {@link STYLESHEET} is served. */
export const STYLESHEET_PATH = '/assets/site.css';

/** Options of {@link page}. */
export interface PageOptions {
  readonly title: string;
  readonly body: SafeHtml;
  /** `staff` pages link to the desk; `public` pages show only the lookup. */
  readonly audience: 'staff' | 'public';
  /** Path of the current page, marked in the navigation. */
  readonly path: string;
  /** The page's language (default `vi`). */
  readonly lang?: 'vi' | 'en';
}

/** A whole HTML page in Vietnamese, with the shared header, navigation and style sheet. */
export function page(options: PageOptions): string {
  const link = (href: string, label: string) =>
    html`<a href="${href}"${options.path === href ? html` aria-current="page"` : ''}>${label}</a>`;
  const nav =
    options.audience === 'staff'
      ? [
          link('/desk', 'Hồ sơ đến hạn'),
          link('/reports/index', 'Chỉ số 766'),
          link('/lookup', 'Tra cứu hồ sơ'),
        ]
      : [link('/lookup', 'Tra cứu hồ sơ')];
  return html`<!doctype html>
<html lang="${options.lang ?? 'vi'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} — Một cửa</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="top"><div class="inner">
<div class="brand">Bộ phận Một cửa<small>${options.audience === 'staff' ? 'Trang dành cho cán bộ' : 'Cổng tra cứu hồ sơ thủ tục hành chính'}</small></div>
<nav>${nav}</nav>
</div></header>
<main>
${options.body}
</main>
<footer>Chạy trên motcua — ví dụ tích hợp (examples/one-stop-server).</footer>
</body>
</html>
`.text;
}
