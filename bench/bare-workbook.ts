// The floor the workbook is measured against: a bare exceljs streaming writer
// writing the same per-session rows (Sessions with every column, Session Tags)
// with the same cell values, but no styles, no formats, no shared strings, no
// other sheets. Values are computed here directly, not through the workbook's
// column definitions, so speeding those up cannot lower the floor; `--check` in
// workbook-bench.ts reads both files back and compares the rows cell by cell.
import ExcelJS from 'exceljs';
import { costCentreOfOrg, costCentreOfSession } from '#core/cost-centres/cost-centre-of-session.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { statusLabel } from '#core/report/session-status.js';
import { settledText } from '#core/report/settled.js';
import type { Session } from '#core/session.js';
import { MAX_LINKS_PER_SHEET } from '#workbook/link-budget.js';
import { WORKBOOK_ZIP, type WorkbookZipOptions } from '#workbook/write-chargeback-workbook.js';

export async function writeBareWorkbook(
  path: string,
  sessions: Iterable<Session>,
  report: ChargebackReport,
  zip: WorkbookZipOptions = WORKBOOK_ZIP,
  /** The sessions whose tags the Session Tags sheet lists, when the workbook's cap leaves out some. */
  tagSessions: Iterable<Session> = sessions,
): Promise<void> {
  if (report.billedSessions !== undefined) {
    throw new Error('the bare writer covers the sessions basis only (no billed-session rows)');
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
    // The workbook's own zip settings, so the floor compresses as much as it does.
    zip: { zlib: { level: zip.level } },
  });
  writeSessions(wb.addWorksheet('Sessions'), sessions, report);
  writeSessionTags(wb.addWorksheet('Session Tags'), tagSessions, report);
  await wb.commit();
}

const HEADERS = [
  'Session ID',
  'Title',
  'Org Name',
  'Org ID',
  'User Name',
  'User ID',
  'Status',
  'Created (UTC)',
  'ACUs',
  'Cost',
  'Tags',
  'User Email',
  'Status Code',
  'Settled',
  'Period',
  'Updated (UTC)',
  'ACUs Missing',
  'Pull Requests',
  'URL',
  'User Kind',
];

function writeSessions(ws: ExcelJS.Worksheet, sessions: Iterable<Session>, report: ChargebackReport): void {
  const orgs = new Map<string, string | null>();
  const users = new Map<string, { name: string | null; email: string | null }>();
  for (const org of report.orgs) {
    orgs.set(org.orgId, org.orgName);
    for (const user of org.users) {
      if (user.userId !== null) users.set(user.userId, { name: user.userName, email: user.email });
    }
  }
  const centres = report.costCentres;
  const headers =
    centres === undefined ? HEADERS : [...HEADERS.slice(0, 4), 'Cost Centre', ...HEADERS.slice(4)];
  ws.addRow(headers).commit();
  const costs = report.sessionCostMinor;
  const costScale = 10 ** report.pricing.minorDigits;
  const period = report.period.label;
  let i = 0;
  // The workbook's cells: links up to Excel's per-sheet budget, then the same URL as text.
  let links = 0;
  for (const s of sessions) {
    const user = s.userId === null ? undefined : users.get(s.userId);
    const values: ExcelJS.CellValue[] = [
      s.sessionId,
      s.title,
      orgs.get(s.orgId) ?? `${s.orgId} (name unavailable)`,
      s.orgId,
      s.userId === null ? '(no user)' : (user?.name ?? `${s.userId} (name unavailable)`),
      s.userId,
      statusLabel(s.status),
      s.createdAt,
      Number(s.acus) / 1e12,
      Number(costs[i] ?? 0n) / costScale,
      s.tags.length === 0 ? null : s.tags.join(', '),
      user?.email ?? null,
      s.status,
      settledText(s.status),
      period,
      s.updatedAt,
      s.acusReported ? 'No' : 'Yes',
      s.pullRequests.length === 0
        ? null
        : s.pullRequests.map((p) => (p.state === null ? p.url : `${p.url} (${p.state})`)).join(', '),
      s.url === null
        ? null
        : /^https?:\/\//i.test(s.url) && links++ < MAX_LINKS_PER_SHEET
          ? { text: s.url, hyperlink: s.url }
          : s.url,
      s.userId === null ? null : s.userKind === 'service-user' ? 'service user' : 'user',
    ];
    if (centres !== undefined) values.splice(4, 0, centreOf(centres, s));
    ws.addRow(values).commit();
    i += 1;
  }
  ws.commit();
}

function centreOf(centres: NonNullable<ChargebackReport['costCentres']>, s: Session): string {
  return centres.tagRulesApplied
    ? costCentreOfSession(centres.map, s).code
    : costCentreOfOrg(centres.map, s.orgId).code;
}

/** As the workbook's Session Tags: each tag row carries its session's whole ACUs and Cost. */
function writeSessionTags(
  ws: ExcelJS.Worksheet,
  sessions: Iterable<Session>,
  report: ChargebackReport,
): void {
  ws.addRow(['Session ID', 'Tag', 'ACUs', 'Cost']).commit();
  const costs = report.sessionCostMinor;
  const costScale = 10 ** report.pricing.minorDigits;
  let i = 0;
  for (const { sessionId, tags, acus } of sessions) {
    const acusValue = Number(acus) / 1e12;
    const cost = Number(costs[i] ?? 0n) / costScale;
    if (tags.length === 0) ws.addRow([sessionId, '(untagged)', acusValue, cost]).commit();
    for (let j = 0; j < tags.length; j += 1) {
      const tag = tags[j] as string;
      if (tags.indexOf(tag) === j) ws.addRow([sessionId, tag, acusValue, cost]).commit();
    }
    i += 1;
  }
  ws.commit();
}
