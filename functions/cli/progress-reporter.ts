import type { FetchProgress } from '#devin/client/devin-client.js';

/**
 * Page progress on stderr, so stdout stays clean for --json. A terminal gets
 * one line redrawn in place; a pipe gets a line every tenth of the way.
 */
export function progressReporter(stderr: { write(text: string): unknown; isTTY?: boolean }) {
  let lastDecile = -1;
  let shown = false;
  return {
    update(progress: FetchProgress): void {
      if (progress.pagesTotal <= 1) return;
      const text = `Fetching sessions: page ${progress.pagesDone}/${progress.pagesTotal}`;
      if (stderr.isTTY) {
        stderr.write(`\r${text}`);
        shown = true;
        return;
      }
      const decile = Math.floor((progress.pagesDone / progress.pagesTotal) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stderr.write(`${text}\n`);
      }
    },
    done(): void {
      if (shown) stderr.write('\n');
    },
  };
}
