import { UNATTRIBUTED_ORG_ID } from '../report/unattributed.js';
import { MAX_NAMED_ORGS, ORG_COLOURS, OTHER_COLOUR, UNATTRIBUTED_COLOUR } from './chart-palette.js';
import { type ChartSeries, OTHER_SERIES_KEY } from './chart-series.js';

/** An org in the order the charts rank it, with the name to show. */
export interface RankedOrg {
  readonly orgId: string;
  readonly orgName: string | null;
}

/**
 * Colours for the orgs of a report's charts, the same org the same colour on
 * every chart. Handed out in the order orgs are first asked for: the
 * cost-by-org chart asks first, in rank order, then the trend for the orgs
 * only it names.
 */
export interface OrgColours {
  colourOf(orgId: string): string;
}

export function orgColours(): OrgColours {
  const colours = new Map<string, string>();
  return {
    colourOf(orgId) {
      let colour = colours.get(orgId);
      if (colour === undefined) {
        // Never reached by the charts (they name at most MAX_NAMED_ORGS between them); grey rather than a clash.
        colour = ORG_COLOURS[colours.size] ?? OTHER_COLOUR;
        colours.set(orgId, colour);
      }
      return colour;
    },
  };
}

/**
 * The orgs a chart names: all of them when they fit, else the first
 * MAX_NAMED_ORGS - 1 and an Other bucket for the rest (a bucket of one org
 * would hide a name for nothing). The billed basis's Unattributed row is no
 * org: it is always named, apart, and shown last, as in the By Org table.
 */
export function namedOrgs(ranked: readonly RankedOrg[]): {
  readonly named: readonly RankedOrg[];
  readonly othersCount: number;
  readonly unattributed: RankedOrg | undefined;
} {
  const unattributed = ranked.find((org) => org.orgId === UNATTRIBUTED_ORG_ID);
  const orgs = ranked.filter((org) => org.orgId !== UNATTRIBUTED_ORG_ID);
  if (orgs.length <= MAX_NAMED_ORGS) return { named: orgs, othersCount: 0, unattributed };
  const named = orgs.slice(0, MAX_NAMED_ORGS - 1);
  return { named, othersCount: orgs.length - named.length, unattributed };
}

export function orgSeries(org: RankedOrg, colours: OrgColours): ChartSeries {
  const unattributed = org.orgId === UNATTRIBUTED_ORG_ID;
  return {
    key: org.orgId,
    label: org.orgName ?? org.orgId,
    // Unattributed takes no org's colour: it is what no org carries.
    colour: unattributed ? UNATTRIBUTED_COLOUR : colours.colourOf(org.orgId),
    other: false,
  };
}

export function otherSeries(orgCount: number): ChartSeries {
  return {
    key: OTHER_SERIES_KEY,
    label: orgCount === 0 ? 'Other' : orgCount === 1 ? 'Other (1 org)' : `Other (${orgCount} orgs)`,
    colour: OTHER_COLOUR,
    other: true,
  };
}
