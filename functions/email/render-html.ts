import { chartsHtml } from './chart-html.js';
import type { Cell, Column, EmailContent, Paragraph, Table } from './email-content.js';
import { escapeHtml } from './escape-html.js';

// A detail (an e-mail under a name) may break anywhere on a phone (the media query), where unbroken it would
// widen the table past the screen; on a desktop it keeps its width, so an address is not split mid-word.
// Mail clients drop <style> blocks and external CSS unevenly (Outlook renders
// with Word), so every style is inline and the layout is tables. The one
// <style> block only enhances: on a phone it drops the secondary columns
// (their values move under the row's name) and stacks the figures; a client
// that ignores it shows the desktop layout, each table scrolling in its own box.
const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#1f2937;';
const TEXT = `${FONT}font-size:14px;line-height:20px;`;
const MUTED = `${FONT}font-size:12px;line-height:16px;color:#6b7280;`;
const CELL = `${TEXT}padding:6px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top;`;
const HEAD = `${FONT}font-size:12px;line-height:16px;font-weight:bold;color:#4b5563;padding:6px 8px;border-bottom:2px solid #d1d5db;background:#f9fafb;`;
const TOTAL = `${TEXT}padding:6px 8px;font-weight:bold;border-top:2px solid #9ca3af;`;
const H2 = `${FONT}font-size:16px;line-height:22px;font-weight:bold;margin:24px 0 8px 0;`;
const LINK = 'color:#1d4ed8;text-decoration:underline;';
const CODE =
  "font-family:Consolas,'Courier New',monospace;font-size:13px;background:#f3f4f6;padding:1px 4px;word-break:break-all;";

function align(column: Column | undefined): string {
  // Numbers never wrap, so a column of figures stays a column.
  return column?.align === 'right' ? 'text-align:right;white-space:nowrap;' : 'text-align:left;';
}

/** Hidden unless the phone rule of PHONE_STYLE shows it; Outlook (mso-hide) never does. */
const PHONE_ONLY = 'display:none;max-height:0;overflow:hidden;mso-hide:all;';

/**
 * The phone rules. `!important` is what lets a rule in <style> beat an inline
 * style; nothing here is needed to read the email, only to read it without
 * scrolling sideways on a narrow screen.
 */
const PHONE_STYLE = `<style>
@media only screen and (max-width: 480px) {
  .cb-wide { display: none !important; }
  .cb-phone { display: block !important; max-height: none !important; overflow: visible !important; }
  .cb-phone-row { display: table-row !important; max-height: none !important; overflow: visible !important; }
  .cb-joined { border-bottom: none !important; }
  .cb-outer { padding: 8px 0 !important; }
  .cb-pad { padding: 16px 12px !important; }
  .cb-figures td { display: block !important; padding: 0 !important; white-space: normal !important; }
  .cb-figures .cb-label { padding-top: 8px !important; }
  .cb-table td, .cb-table th { padding: 6px 4px !important; }
  .cb-detail { overflow-wrap: anywhere !important; word-break: break-word !important; }
}
</style>`;

function cellHtml(cell: Cell): string {
  const detail =
    cell.detail === undefined
      ? ''
      : `<br><span class="cb-detail" style="${MUTED}overflow-wrap:break-word;">${escapeHtml(cell.detail)}</span>`;
  const marker = cell.marker === undefined ? '' : ` ${escapeHtml(cell.marker)}`;
  return `${escapeHtml(cell.text)}${marker}${detail}`;
}

/**
 * The values of the secondary columns, for the phone: a row of its own under
 * the row, across the table, since under the first cell they squeezed it to a
 * word a line beside the figures.
 */
function phoneDetailRow(table: Table, cells: readonly Cell[]): string {
  const parts = table.columns
    .map((column, i) => ({ column, cell: cells[i] }))
    .filter(({ column, cell }) => column.secondary === true && cell !== undefined && cell.text !== '')
    .map(({ column, cell }) => `${escapeHtml(column.header)}: ${escapeHtml(cell?.text ?? '')}`);
  if (parts.length === 0) return '';
  return `<tr class="cb-phone-row" style="${PHONE_ONLY}"><td colspan="${table.columns.length}" style="${MUTED}padding:0 8px 6px 8px;border-bottom:1px solid #e5e7eb;"><div class="cb-phone" style="${PHONE_ONLY}${MUTED}">${parts.join(' · ')}</div></td></tr>`;
}

function wideClass(column: Column | undefined): string {
  return column?.secondary === true ? ' class="cb-wide"' : '';
}

function tableHtml(table: Table): string {
  if (table.rows.length === 0) return `<p style="${TEXT}margin:0;">${escapeHtml(table.emptyText)}</p>`;
  const row = (cells: readonly Cell[], style: string) => {
    const phone = phoneDetailRow(table, cells);
    // On a phone the detail row under it carries the row's bottom line.
    const joined = phone === '' ? '' : ' cb-joined';
    return `<tr>${cells
      .map((cell, i) => {
        const column = table.columns[i];
        const classes = `${column?.secondary === true ? 'cb-wide' : ''}${joined}`.trim();
        const attribute = classes === '' ? '' : ` class="${classes}"`;
        return `<td${attribute} style="${style}${align(column)}">${cellHtml(cell)}</td>`;
      })
      .join('')}</tr>${phone}`;
  };
  // A header may wrap (its figures do not): a table of seven money columns then fits a desktop's 680 px.
  const headAlign = (c: Column) => (c.align === 'right' ? 'text-align:right;' : 'text-align:left;');
  const head = `<tr>${table.columns.map((c) => `<th scope="col"${wideClass(c)} style="${HEAD}${headAlign(c)}">${escapeHtml(c.header)}</th>`).join('')}</tr>`;
  const body = table.rows.map((cells) => row(cells, CELL)).join('\n');
  const total = table.totalRow ? `\n${row(table.totalRow, TOTAL)}` : '';
  // The box scrolls a table that is still too wide (a client without the phone rules), not the page.
  return `<div style="overflow-x:auto;">
<table role="table" class="cb-table" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;">
<thead>${head}</thead>
<tbody>
${body}${total}
</tbody>
</table>
</div>`;
}

function paragraphHtml(paragraph: Paragraph): string {
  const inner = paragraph
    .map((segment) => {
      switch (segment.kind) {
        case 'link':
          return `<a href="${escapeHtml(segment.url)}" style="${LINK}">${escapeHtml(segment.text)}</a>`;
        case 'code':
          return `<code style="${CODE}">${escapeHtml(segment.text)}</code>`;
        default:
          return escapeHtml(segment.text);
      }
    })
    .join('');
  return `<p style="${TEXT}margin:0 0 8px 0;">${inner}</p>`;
}

/** A table-cell button: Outlook ignores padding on links but not on cells. */
function downloadButtonHtml(download: { text: string; url: string }): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 8px 0;"><tr>
<td bgcolor="#1d4ed8" style="background:#1d4ed8;border-radius:4px;">
<a href="${escapeHtml(download.url)}" style="${FONT}display:inline-block;padding:10px 18px;font-size:14px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(download.text)}</a>
</td></tr></table>`;
}

/** The money, large, before anything else: what the month cost and how that changed. */
function headlineHtml(headline: EmailContent['headline']): string {
  if (headline.length === 0) return '';
  const [first, ...rest] = headline;
  const lead = first
    ? `<p style="${FONT}margin:0 0 4px 0;"><span style="font-size:13px;line-height:18px;color:#6b7280;">${escapeHtml(first.label)}</span><br><span style="font-size:26px;line-height:32px;font-weight:bold;">${escapeHtml(first.value)}</span></p>`
    : '';
  const lines = rest
    .map(
      (f) =>
        `<p style="${TEXT}margin:0 0 2px 0;"><span style="color:#6b7280;">${escapeHtml(f.label)}:</span> <strong>${escapeHtml(f.value)}</strong></p>`,
    )
    .join('\n');
  return `<div style="margin:0 0 14px 0;">${lead}\n${lines}</div>`;
}

/** The link near the top, measured by the render test (data-measure): on a phone within two screens. */
function workbookLeadHtml(content: EmailContent): string {
  const button = content.download ? downloadButtonHtml(content.download) : '';
  const lead = content.workbookLead.map(paragraphHtml).join('\n');
  if (button === '' && lead === '') return '';
  return `<div data-measure="workbook" style="margin:0 0 12px 0;">${button}${lead}</div>`;
}

/** The workbook again at the end, with how to get a fresh link and where it is stored. */
function workbookHtml(content: EmailContent): string {
  if (content.download === null && content.workbook.length === 0) return '';
  return `<h2 style="${H2}">Workbook</h2>
${content.download ? downloadButtonHtml(content.download) : ''}
${content.workbook.map(paragraphHtml).join('\n')}`;
}

export const TOP_USERS_HEADING = 'Top users by cost';

function figuresHtml(figures: EmailContent['figures']): string {
  const rows = figures
    .map(
      (f) =>
        `<tr><td class="cb-label" style="${TEXT}padding:3px 16px 3px 0;color:#6b7280;white-space:nowrap;vertical-align:top;">${escapeHtml(f.label)}</td><td style="${TEXT}padding:3px 0;font-weight:bold;">${escapeHtml(f.value)}</td></tr>`,
    )
    .join('\n');
  return `<table role="presentation" class="cb-figures" cellpadding="0" cellspacing="0" border="0">\n${rows}\n</table>`;
}

function noticesHtml(notices: readonly string[]): string {
  return notices
    .map(
      (notice) =>
        `<p style="${TEXT}margin:0 0 12px 0;padding:8px 12px;background:#fef3c7;border-left:4px solid #d97706;">${escapeHtml(notice)}</p>`,
    )
    .join('\n');
}

/** The HTML body: one self-contained document, no external CSS or scripts; images only inline (cid:). */
export function renderHtml(content: EmailContent): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.subject)}</title>
${PHONE_STYLE}
</head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(content.preview)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;">
<tr><td align="center" class="cb-outer" style="padding:16px 8px;">
<!--[if mso]><table role="presentation" width="720" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:720px;width:100%;table-layout:fixed;background:#ffffff;border:1px solid #e5e7eb;">
<tr><td class="cb-pad" style="padding:24px 20px;">
<h1 style="${FONT}font-size:20px;line-height:28px;font-weight:bold;margin:0 0 16px 0;">${escapeHtml(content.title)}</h1>
${headlineHtml(content.headline)}
${noticesHtml(content.notices)}
${workbookLeadHtml(content)}
${figuresHtml(content.figures)}
${content.movers === null ? '' : `<h2 style="${H2}">What changed</h2>\n${tableHtml(content.movers)}`}
${content.costCentres === null ? '' : `<h2 style="${H2}">By cost centre</h2>\n${tableHtml(content.costCentres)}`}
${chartsHtml(content.charts ?? [])}
<h2 style="${H2}">By org</h2>
${tableHtml(content.orgs)}
<h2 style="${H2}">${TOP_USERS_HEADING}</h2>
${tableHtml(content.topUsers)}
<h2 style="${H2}">Cost by status</h2>
${tableHtml(content.statuses)}
${workbookHtml(content)}
</td></tr>
<tr><td class="cb-pad" style="padding:16px 20px 24px 20px;border-top:1px solid #e5e7eb;">
${content.footer.map((line) => `<p style="${MUTED}margin:0 0 4px 0;">${escapeHtml(line)}</p>`).join('\n')}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}
