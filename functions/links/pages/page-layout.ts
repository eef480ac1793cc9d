import { escapeHtml } from '#email/escape-html.js';

/**
 * The one HTML shell of every page the link service answers with: no script,
 * no external font, image or stylesheet (the CSP allows inline styles only),
 * readable from a 320 px phone to a desktop. Callers pass markup they built
 * with `escapeHtml` for every text that did not come from this code.
 */
export function htmlPage(params: { readonly title: string; readonly body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light">
<title>${escapeHtml(params.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${params.body}
</main>
</body>
</html>
`;
}

const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f3f4f6;color:#111827;font:16px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:34rem;margin:0 auto;padding:24px 16px 40px}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:20px}
.eyebrow{margin:0 0 4px;color:#4b5563;font-size:14px;font-weight:600;letter-spacing:.02em;text-transform:uppercase}
h1{margin:0;font-size:26px;line-height:1.25;overflow-wrap:anywhere}
.sub{margin:4px 0 0;color:#4b5563;font-size:15px}
.notice{margin:12px 0 0;padding:8px 12px;border-left:4px solid #d97706;background:#fffbeb;color:#78350f;font-size:15px}
.figures{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:8px;margin:20px 0 0;padding:0}
.figures div{background:#f9fafb;border:1px solid #e5e7eb;border-radius:8px;padding:10px}
.figures dt{color:#4b5563;font-size:13px}
.figures dd{margin:2px 0 0;font-size:17px;font-weight:700;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.figures .detail{display:block;margin:2px 0 0;color:#4b5563;font-size:13px;font-weight:400}
.button{display:block;margin:20px 0 0;padding:14px 16px;border-radius:8px;background:#1d4ed8;color:#fff;font-size:18px;font-weight:700;text-align:center;text-decoration:none}
.button:focus,.button:hover{background:#1e40af;outline:3px solid #93c5fd;outline-offset:2px}
.file{margin:8px 0 0;color:#4b5563;font-size:14px;text-align:center;overflow-wrap:anywhere}
h2{margin:24px 0 8px;font-size:16px}
table{width:100%;border-collapse:collapse;font-size:15px}
th,td{padding:6px 0;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}
th{color:#4b5563;font-size:13px;font-weight:600}
td{overflow-wrap:anywhere}
.num{text-align:right;white-space:nowrap;padding-left:12px;font-variant-numeric:tabular-nums}
.more{margin:6px 0 0;color:#4b5563;font-size:14px}
.note{margin:16px 0 0;color:#374151;font-size:14px}
p{margin:12px 0 0}
code{display:block;margin:8px 0 0;padding:10px;background:#f3f4f6;border:1px solid #e5e7eb;border-radius:6px;font:14px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere;white-space:pre-wrap}
footer{margin:16px 4px 0;color:#6b7280;font-size:13px}
@media (max-width:400px){main{padding:16px 12px 32px}.card{padding:16px}h1{font-size:23px}.figures{grid-template-columns:1fr}.figures div{display:flex;justify-content:space-between;align-items:baseline;gap:12px}.figures dd{margin:0;text-align:right}}
`
  .trim()
  .replace(/\n/g, '');
