import type { Acus } from '#core/money/acus.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import {
  archivesText,
  type SessionArchives,
  type WorkbookSessionCoverage,
} from '#core/report/session-row-limit.js';
import type { Session } from '#core/session.js';
import { costBasisLine } from '../basis-text.js';
import { ACUS_FORMAT, costFormat } from '../cell-formats.js';
import { acusCell, costCell, textCell } from '../cell-values.js';
import { fittedWidth } from '../column-width.js';
import { UNTAGGED } from '../display-names.js';
import { writeFooterNotes } from '../fact-rows.js';
import { sessionCoverageOf } from '../session-coverage.js';
import type { TableColumn } from '../table.js';
import { writeTableSheet } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';

interface SessionTag {
  readonly sessionId: string;
  readonly tag: string | null;
  /** The session's whole ACUs and cents, on each of its tag rows: not additive across tags. */
  readonly acus: Acus;
  readonly costMinor: bigint;
}

export const SESSION_TAGS_COST_NOTE =
  "ACUs, Cost: the session's whole figures on each tag row (as By Tag): sum per tag, never across tags.";

export const SESSION_TAGS_NOTE =
  'One row per session and tag; untagged sessions once, as "(untagged)". Join on Session ID with Sessions to pivot by tag.';

/**
 * Tags in long form, which a pivot can use: the Sessions sheet joins them into
 * one text cell, which it cannot. Same counting as By Tag (a repeated tag once).
 */
export const sessionTagsSheet: WorkbookSheet = {
  name: 'Session Tags',
  write: (workbook, input) => {
    const { report, sessions } = input;
    const coverage = sessionCoverageOf(input);
    const shown = { sessions: 0, rows: 0 };
    return writeTableSheet(workbook, {
      name: 'Session Tags',
      report,
      columns: tagColumns(sessions, report),
      items: countedRows(sessionTagGroups(sessions, coverage, report.sessionCostMinor), shown),
      streamed: true,
      footer: (sheet) =>
        writeFooterNotes(sheet, [
          ...cappedTagsNotes(shown, coverage, input.sessionArchives),
          SESSION_TAGS_NOTE,
          SESSION_TAGS_COST_NOTE,
          costBasisLine(report.costBasis),
        ]),
    });
  },
};

/** How many sessions and rows the Session Tags sheet lists. */
export interface SessionTagsShown {
  sessions: number;
  rows: number;
}

/**
 * The sheet's rows without writing them, for the About sheet: the same
 * groups the sheet writes, so the two cannot disagree.
 */
export function sessionTagsShown(
  sessions: Iterable<Session>,
  coverage: WorkbookSessionCoverage,
): SessionTagsShown {
  const shown = { sessions: 0, rows: 0 };
  for (const _ of countedRows(sessionTagGroups(sessions, coverage), shown));
  return shown;
}

/** Said when some session's tags are not on the sheet: which ones are, and where all are. */
export function cappedTagsNotes(
  shown: SessionTagsShown,
  coverage: WorkbookSessionCoverage,
  archives: SessionArchives | undefined,
): string[] {
  if (shown.sessions === coverage.sessions) return [];
  const count = (n: number) => n.toLocaleString('en-US');
  return [
    `Only the tags of the first ${count(shown.sessions)} of ${count(coverage.sessions)} sessions are listed (a limit of ${count(coverage.maxSessionRows)} rows); every session's tags are in ${archivesText(archives)}.`,
  ];
}

function* countedRows(
  groups: Iterable<readonly SessionTag[]>,
  shown: SessionTagsShown,
): Generator<SessionTag> {
  for (const group of groups) {
    shown.sessions += 1;
    shown.rows += group.length;
    yield* group;
  }
}

function tagColumns(
  sessions: Iterable<Session>,
  report: ChargebackReport,
): readonly TableColumn<SessionTag>[] {
  return [
    {
      header: 'Session ID',
      width: fittedWidth('Session ID', idsOf(sessions), 60),
      value: (row) => textCell(row.sessionId),
    },
    { header: 'Tag', width: 28, value: (row) => (row.tag === null ? UNTAGGED : textCell(row.tag)) },
    { header: 'ACUs', width: 12, numFmt: ACUS_FORMAT, value: (row) => acusCell(row.acus) },
    {
      header: 'Cost',
      width: 16,
      numFmt: costFormat(report.pricing),
      value: (row) => costCell(row.costMinor, report.pricing),
    },
  ];
}

function* idsOf(sessions: Iterable<Session>): Generator<string> {
  for (const session of sessions) yield session.sessionId;
}

/**
 * Each listed session's rows together: the sessions the Sessions sheet lists,
 * whole, while they fit in `maxSessionRows` rows (a session of many tags needs
 * many), so a pivot never sees half a session's tags.
 */
function* sessionTagGroups(
  sessions: Iterable<Session>,
  coverage: WorkbookSessionCoverage,
  costs?: ArrayLike<bigint>,
): Generator<readonly SessionTag[]> {
  let listed = 0;
  let rows = 0;
  for (const session of sessions) {
    if (listed === coverage.sessionsShown) return;
    const group = tagRows(session, costs?.[listed] ?? 0n);
    if (rows + group.length > coverage.maxSessionRows) return;
    yield group;
    listed += 1;
    rows += group.length;
  }
}

function tagRows({ sessionId, tags, acus }: Session, costMinor: bigint): readonly SessionTag[] {
  if (tags.length === 0) return [{ sessionId, tag: null, acus, costMinor }];
  return tags.filter((tag, j) => tags.indexOf(tag) === j).map((tag) => ({ sessionId, tag, acus, costMinor }));
}
