import type { Cell, EmailContent, Paragraph, Table } from './email-content.js';

/** Longer names are cut so one odd name cannot push every number off the line. */
const MAX_CELL_WIDTH = 40;
const COLUMN_GAP = '  ';

function fitText(text: string, room: number): string {
  const chars = Array.from(text);
  return chars.length <= room ? text : `${chars.slice(0, room - 1).join('')}…`;
}

/** A marker goes beyond the cut: it is ours and short, and the reader must see it. */
function fitCell(cell: Cell): string {
  const text = fitText(cell.text, MAX_CELL_WIDTH);
  return cell.marker === undefined ? text : `${text} ${cell.marker}`;
}

function width(text: string): number {
  return Array.from(text).length;
}

function heading(text: string): string {
  return `${text}\n${'-'.repeat(width(text))}`;
}

function renderTable(table: Table): string {
  if (table.rows.length === 0) return table.emptyText;
  const lines: (readonly string[] | 'rule')[] = [
    table.columns.map((c) => c.header),
    'rule',
    ...table.rows.map((row) => row.map(fitCell)),
  ];
  if (table.totalRow) lines.push('rule', table.totalRow.map(fitCell));
  const widths = table.columns.map((_, i) =>
    Math.max(...lines.map((line) => (line === 'rule' ? 0 : width(line[i] ?? '')))),
  );
  const total = widths.reduce((sum, w) => sum + w, 0) + COLUMN_GAP.length * (widths.length - 1);
  return lines
    .map((line) => {
      if (line === 'rule') return '-'.repeat(total);
      const cells = table.columns.map((column, i) => {
        const text = line[i] ?? '';
        const pad = ' '.repeat((widths[i] ?? 0) - width(text));
        return column.align === 'right' ? pad + text : text + pad;
      });
      return cells.join(COLUMN_GAP).trimEnd();
    })
    .join('\n');
}

function renderParagraph(paragraph: Paragraph): string {
  return paragraph
    .map((segment) => (segment.kind === 'link' ? `${segment.text}:\n${segment.url}` : segment.text))
    .join('');
}

/** The plain-text body: the same facts as the HTML, in columns that line up in a monospaced reader. */
export function renderText(content: EmailContent): string {
  const workbook: Paragraph[] = content.download
    ? [[{ kind: 'link', ...content.download }], ...content.workbook]
    : [...content.workbook];
  const figures = (list: EmailContent['figures']) => {
    const labelWidth = Math.max(0, ...list.map((f) => width(f.label)));
    return list.map((f) => `${f.label.padEnd(labelWidth)}  ${f.value}`).join('\n');
  };
  const lead: Paragraph[] = content.download
    ? [[{ kind: 'link', ...content.download }], ...content.workbookLead]
    : [...content.workbookLead];
  const blocks = [
    `${content.title}\n${'='.repeat(width(content.title))}`,
    ...(content.headline.length > 0 ? [figures(content.headline)] : []),
    ...content.notices.map((notice) => `NOTE: ${notice}`),
    ...(lead.length > 0 ? [lead.map(renderParagraph).join('\n\n')] : []),
    figures(content.figures),
    ...(content.movers === null ? [] : [`${heading('What changed')}\n${renderTable(content.movers)}`]),
    ...(content.costCentres === null
      ? []
      : [`${heading('By cost centre')}\n${renderTable(content.costCentres)}`]),
    `${heading('By org')}\n${renderTable(content.orgs)}`,
    `${heading('Top users by cost')}\n${renderTable(content.topUsers)}`,
    `${heading('Cost by status')}\n${renderTable(content.statuses)}`,
    ...(workbook.length === 0
      ? []
      : [`${heading('Workbook')}\n${workbook.map(renderParagraph).join('\n\n')}`]),
    `-- \n${content.footer.join('\n')}`,
  ];
  return `${blocks.join('\n\n')}\n`;
}
