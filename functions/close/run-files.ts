import { createHash } from 'node:crypto';
import type { ReportFilters } from '#core/report/run-info.js';

/*
 * Which files a run may write. The period's own names (`devin-acu-chargeback-<slug>.*`) are its
 * record: a close writes them once. A filtered run (orgs, users or tags) writes a slice, never
 * the record: `…-<slug>_filtered-<8 hex of the filters>.*`. A preliminary run of a period that
 * is closed already writes beside the record: `…-<slug>.preview.*`.
 */
export type RunFiles =
  | { readonly kind: 'record' }
  | { readonly kind: 'preview' }
  | { readonly kind: 'filtered'; readonly filterId: string };

export const RECORD_FILES: RunFiles = { kind: 'record' };
export const PREVIEW_FILES: RunFiles = { kind: 'preview' };

export function isFiltered(filters: ReportFilters): boolean {
  return filters.orgIds.length + filters.userIds.length + filters.tags.length > 0;
}

/**
 * 8 hex digits of SHA-256 over the filters, order and duplicates aside: the same slice always
 * gets the same names, another slice other names.
 */
export function filterId(filters: ReportFilters): string {
  const canonical = JSON.stringify({
    orgIds: [...new Set(filters.orgIds)].sort(),
    userIds: [...new Set(filters.userIds)].sort(),
    tags: [...new Set(filters.tags)].sort(),
  });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 8);
}

/** The files a run writes: filtered runs always their own; otherwise the record, or a preview beside a closed one. */
export function runFilesFor(filters: ReportFilters, periodClosed: boolean): RunFiles {
  if (isFiltered(filters)) return { kind: 'filtered', filterId: filterId(filters) };
  return periodClosed ? PREVIEW_FILES : RECORD_FILES;
}

/** `devin-acu-chargeback-2026-10`, `…-2026-10.preview`, `…-2026-10_filtered-1a2b3c4d`. */
export function runFilesBase(slug: string, files: RunFiles): string {
  const base = `devin-acu-chargeback-${slug}`;
  if (files.kind === 'preview') return `${base}.preview`;
  if (files.kind === 'filtered') return `${base}_filtered-${files.filterId}`;
  return base;
}

/**
 * Whether a stored file's name is a period's record (`devin-acu-chargeback-<slug>.<ext>`), not a
 * filtered slice or a preview: what backfill, the trend and Athena read.
 */
export function isRecordFileName(name: string): boolean {
  const file = name.slice(name.lastIndexOf('/') + 1);
  return (
    file.startsWith('devin-acu-chargeback-') &&
    !/_filtered-[0-9a-f]{8}\./.test(file) &&
    !file.includes('.preview.')
  );
}
