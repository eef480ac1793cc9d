/**
 * Where one distributed run's window parts live: under a run-scoped folder, so runs never share
 * one, and under `<prefix>parts/`, which a lifecycle rule empties after a few days in case a
 * failed run leaves its parts behind.
 */
export function partsFolder(prefix: string, runId: string): string {
  return `${prefix}parts/${runId}/`;
}

/** `reports/parts/<runId>/0007.sessions.jsonl`: padded so a listing sorts in window order. */
export function partKey(prefix: string, runId: string, index: number): string {
  return `${partsFolder(prefix, runId)}${String(index).padStart(4, '0')}.sessions.jsonl`;
}

/** The part's fetch figures, written after the part itself. */
export function partStatsKey(prefix: string, runId: string, index: number): string {
  return `${partsFolder(prefix, runId)}${String(index).padStart(4, '0')}.stats.json`;
}

/** The folder every run's parts are under, for the lifecycle rule. */
export const PARTS_FOLDER = 'parts/';
