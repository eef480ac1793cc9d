import type { RunInfo } from '#core/report/run-info.js';
import { listedSessionsText, rowLimitText } from '#core/report/session-row-limit.js';
import type { Paragraph, Segment } from './email-content.js';
import { describeLinkExpiry } from './link-expiry.js';
import type { EmailDelivery, EmailSessionCoverage } from './render-chargeback-email.js';

/** The event payload inside the hint is something to copy, so it is set as code. */
function hintSegments(hint: string): Segment[] {
  const payload = /\{.*\}/.exec(hint);
  if (!payload) return [{ kind: 'text', text: hint }];
  const before = hint.slice(0, payload.index);
  const after = hint.slice(payload.index + payload[0].length);
  return [
    ...(before ? [{ kind: 'text', text: before } as const] : []),
    { kind: 'code', text: payload[0] },
    ...(after ? [{ kind: 'text', text: after } as const] : []),
  ];
}

/**
 * Said first when the workbook lists only some sessions: how many, and where
 * every session is (the keys or paths to copy, set as code). Nothing otherwise.
 */
export function sessionCoverageParagraphs({ coverage, archives }: EmailSessionCoverage): Paragraph[] {
  if (!coverage.capped) return [];
  const all = coverage.sessions.toLocaleString('en-US');
  return [
    [
      {
        kind: 'text',
        text: `The workbook lists ${listedSessionsText(coverage)} (${rowLimitText(coverage)}). Every total covers all ${all}, and all are in the period's FOCUS dataset, `,
      },
      { kind: 'code', text: archives.focusDataset },
      { kind: 'text', text: ', and the raw sessions export, ' },
      { kind: 'code', text: archives.sessionsExport },
      { kind: 'text', text: '.' },
    ],
  ];
}

/** Where the workbook is and how to get it: link and expiry, storage, a fresh link, the attachment. */
export function workbookParagraphs(delivery: EmailDelivery, run: RunInfo): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const { link, location, workbookFileName } = delivery;
  if (link) paragraphs.push([{ kind: 'text', text: describeLinkExpiry(link.expiresAt, run.generatedAt) }]);
  if (location?.kind === 's3') {
    paragraphs.push([
      { kind: 'text', text: 'The workbook is stored at ' },
      { kind: 'code', text: location.uri },
      { kind: 'text', text: '.' },
    ]);
    paragraphs.push([{ kind: 'link', text: 'Open it in the S3 console', url: location.consoleUrl }]);
    paragraphs.push([
      { kind: 'text', text: link ? 'To get a fresh link: ' : 'To get a download link: ' },
      ...hintSegments(location.freshLinkHint),
    ]);
  } else if (location?.kind === 'file') {
    paragraphs.push([
      { kind: 'text', text: 'The workbook is saved at ' },
      { kind: 'code', text: location.path },
      { kind: 'text', text: '.' },
    ]);
  }
  if (delivery.attached) {
    const also = paragraphs.length > 0 ? 'also ' : '';
    paragraphs.push([
      { kind: 'text', text: `The workbook ${workbookFileName} is ${also}attached to this email.` },
    ]);
  } else if (paragraphs.length === 0) {
    paragraphs.push([{ kind: 'text', text: `Workbook: ${workbookFileName}.` }]);
  }
  return paragraphs;
}

/**
 * The ERP journal files beside the workbook, by name: finance imports them as they are. The
 * folder (or prefix) is the workbook's, said just above, so a phone shows each name on one or
 * two lines instead of four full paths broken mid-word.
 */
export function journalFileParagraphs(delivery: EmailDelivery): Paragraph[] {
  const files = delivery.journalFiles ?? [];
  if (files.length === 0) return [];
  return [
    [
      {
        kind: 'text',
        text: `The journal for each ERP (${files.length} ${files.length === 1 ? 'file' : 'files'}) is stored beside it, in the same folder:`,
      },
    ],
    ...files.map((file): Paragraph => [{ kind: 'code', text: file.slice(file.lastIndexOf('/') + 1) }]),
  ];
}
