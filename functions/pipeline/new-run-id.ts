import { randomBytes } from 'node:crypto';

/** Sortable and unique: when it ran, plus randomness so two runs in one second differ. */
export function newRunId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}
