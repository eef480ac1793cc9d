import type { Directory } from './directory.js';
import type { SummaryDocument } from './summary-document.js';

/** Follows the last known name of an org that has sessions but is no longer in the org directory. */
export const DELETED_ORG_MARKER = '(org no longer listed)';

/**
 * Names for the orgs the report charges that a complete org directory does not list: orgs deleted
 * since their sessions ran (v3 lists those sessions with `include_deleted_orgs`). Each gets the
 * last name an earlier report gave it (summaries newest first), marked {@link DELETED_ORG_MARKER}
 * so nobody takes it for a live org; one no report named keeps its id, which the workbook shows
 * marked "(name unavailable)" and About counts. A directory the key could not read is left as it
 * is: its orgs are unnamed, not gone.
 */
export function withDeletedOrgNames(
  directory: Directory,
  orgIds: Iterable<string>,
  earlier: readonly SummaryDocument[],
): Directory {
  if (!directory.sources.orgs.available) return directory;
  let orgNames: Map<string, string> | undefined;
  for (const orgId of orgIds) {
    if (directory.orgNames.has(orgId) || orgNames?.has(orgId)) continue;
    const lastKnown = lastKnownName(orgId, earlier);
    if (lastKnown === null) continue;
    orgNames ??= new Map(directory.orgNames);
    orgNames.set(orgId, `${lastKnown} ${DELETED_ORG_MARKER}`);
  }
  return orgNames === undefined ? directory : { ...directory, orgNames };
}

function lastKnownName(orgId: string, earlier: readonly SummaryDocument[]): string | null {
  for (const summary of earlier) {
    const name = summary.orgs.find((org) => org.orgId === orgId)?.orgName;
    // An earlier report of an org already gone carries the marker: the name before it is the name.
    if (name != null)
      return name.endsWith(` ${DELETED_ORG_MARKER}`) ? name.slice(0, -DELETED_ORG_MARKER.length - 1) : name;
  }
  return null;
}
