import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<{ count: number }>();

/**
 * Runs one workbook's writing with its own count of cut cells: workbooks
 * written side by side (finance's and the showback slices, or tests) never
 * add to each other's.
 */
export function countingTruncatedCells<T>(work: () => Promise<T>): Promise<T> {
  return current.run({ count: 0 }, work);
}

/** Called only when a text is cut, so the common path never looks the count up. */
export function noteTruncatedCell(): void {
  const counted = current.getStore();
  if (counted !== undefined) counted.count += 1;
}

/** The cells cut so far in the workbook being written (the About sheet is last); 0 outside one. */
export function truncatedCellCount(): number {
  return current.getStore()?.count ?? 0;
}

/** Runs `work` without adding to the workbook's count: reading cell values to measure them writes nothing. */
export function uncountedTruncatedCells<T>(work: () => T): T {
  return current.run({ count: 0 }, work);
}
