import {
  archivesText,
  type SessionArchives,
  type WorkbookSessionCoverage,
} from '../../core/report/session-row-limit.js';
import type { Session } from '../../core/session.js';
import { costBasisLine } from '../basis-text.js';
import { textCell } from '../cell-values.js';
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
}

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
      columns: tagColumns(sessions),
      items: countedRows(sessionTagGroups(sessions, coverage), shown),
      footer: (sheet) =>
        writeFooterNotes(sheet, [
          ...cappedTagsNotes(shown, coverage, input.sessionArchives),
          SESSION_TAGS_NOTE,
          costBasisLine(report.costBasis),
        ]),
      // Two narrow columns: upright pages hold half as many more rows.
      pageSetup: { orientation: 'portrait' },
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

function tagColumns(sessions: Iterable<Session>): readonly TableColumn<SessionTag>[] {
  return [
    {
      header: 'Session ID',
      width: fittedWidth('Session ID', idsOf(sessions), 60),
      value: (row) => textCell(row.sessionId),
    },
    { header: 'Tag', width: 32, value: (row) => (row.tag === null ? UNTAGGED : textCell(row.tag)) },
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
): Generator<readonly SessionTag[]> {
  let listed = 0;
  let rows = 0;
  for (const session of sessions) {
    if (listed === coverage.sessionsShown) return;
    const group = tagRows(session);
    if (rows + group.length > coverage.maxSessionRows) return;
    yield group;
    listed += 1;
    rows += group.length;
  }
}

function tagRows({ sessionId, tags }: Session): readonly SessionTag[] {
  if (tags.length === 0) return [{ sessionId, tag: null }];
  return tags.filter((tag, j) => tags.indexOf(tag) === j).map((tag) => ({ sessionId, tag }));
}
