import type { Session } from '../../core/session.js';
import { costBasisLine } from '../basis-text.js';
import { textCell } from '../cell-values.js';
import { fittedWidth } from '../column-width.js';
import { UNTAGGED } from '../display-names.js';
import { writeFooterNotes } from '../fact-rows.js';
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
  write: (workbook, { report, sessions }) =>
    writeTableSheet(workbook, {
      name: 'Session Tags',
      report,
      columns: tagColumns(sessions),
      items: sessionTags(sessions),
      footer: (sheet) => writeFooterNotes(sheet, [SESSION_TAGS_NOTE, costBasisLine(report.costBasis)]),
      // Two narrow columns: upright pages hold half as many more rows.
      pageSetup: { orientation: 'portrait' },
    }),
};

function tagColumns(sessions: readonly Session[]): readonly TableColumn<SessionTag>[] {
  return [
    {
      header: 'Session ID',
      width: fittedWidth('Session ID', idsOf(sessions), 60),
      value: (row) => textCell(row.sessionId),
    },
    { header: 'Tag', width: 32, value: (row) => (row.tag === null ? UNTAGGED : textCell(row.tag)) },
  ];
}

function* idsOf(sessions: readonly Session[]): Generator<string> {
  for (const session of sessions) yield session.sessionId;
}

function* sessionTags(sessions: readonly Session[]): Generator<SessionTag> {
  for (const { sessionId, tags } of sessions) {
    if (tags.length === 0) {
      yield { sessionId, tag: null };
      continue;
    }
    for (let j = 0; j < tags.length; j += 1) {
      const tag = tags[j] as string;
      if (tags.indexOf(tag) === j) yield { sessionId, tag };
    }
  }
}
