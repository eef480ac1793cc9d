import type { Session } from '../session.js';
import { type CostCentreMap, UNMAPPED_CODE } from './cost-centre-map.js';

/** Which cost centre a session is charged to, and by which rule. */
export interface CostCentreAssignment {
  /** A code of the map, or UNMAPPED_CODE. */
  readonly code: string;
  readonly rule: 'tag' | 'org' | 'catch-all' | 'unmapped';
  /** The tag whose rule decided, for rule 'tag'. */
  readonly tag?: string;
  /**
   * True when tags of more than one cost centre matched: the session went to
   * the rule highest in the file (lowest line), never split between them.
   */
  readonly conflict: boolean;
}

/**
 * The cost centre of one session (pure; the FOCUS export's x_CostCentre uses
 * it too). Precedence: a tag rule before the org rule, because a tag names a
 * project that crosses orgs; among several matching tag rules the one higher in
 * the map file wins, so finance decides by ordering rows, and the session is
 * counted once, never split. No org rule: the catch-all row (`org_id` `*`), if the map has one; otherwise UNMAPPED_CODE.
 */
export function costCentreOfSession(
  map: CostCentreMap,
  session: Pick<Session, 'orgId' | 'tags'>,
): CostCentreAssignment {
  if (map.tagRules.size > 0 && session.tags.length > 0) {
    let best: { code: string; line: number; tag: string } | undefined;
    let conflict = false;
    for (const tag of session.tags) {
      const rule = map.tagRules.get(tag);
      if (rule === undefined) continue;
      if (best !== undefined && rule.code !== best.code) conflict = true;
      if (best === undefined || rule.line < best.line) best = { code: rule.code, line: rule.line, tag };
    }
    if (best !== undefined) return { code: best.code, rule: 'tag', tag: best.tag, conflict };
  }
  return orgAssignment(map, session.orgId);
}

/** The org rule alone: what the By Org and By User rows show, and all the billed basis can use. */
export function costCentreOfOrg(map: CostCentreMap, orgId: string): CostCentreAssignment {
  return orgAssignment(map, orgId);
}

function orgAssignment(map: CostCentreMap, orgId: string): CostCentreAssignment {
  const rule = map.orgRules.get(orgId);
  if (rule !== undefined) return { code: rule.code, rule: 'org', conflict: false };
  // The catch-all row takes orgs no row names; an explicit row always wins over it.
  if (map.catchAll !== undefined) return { code: map.catchAll.code, rule: 'catch-all', conflict: false };
  return { code: UNMAPPED_CODE, rule: 'unmapped', conflict: false };
}
