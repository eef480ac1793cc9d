import { describe, expect, it } from 'vitest';
import { objectMetadataProblem } from '#aws/object-metadata.js';

describe('objectMetadataProblem', () => {
  it('accepts lower-case names with ASCII values', () => {
    expect(
      objectMetadataProblem({ period: '2026-10', 'total-acus': '12345.6', run_id: 'r-1' }),
    ).toBeUndefined();
  });

  it('names the entry S3 would change: upper-case names, non-ASCII values', () => {
    expect(objectMetadataProblem({ Period: '2026-10' })).toMatch(/"Period"/);
    expect(objectMetadataProblem({ label: 'Okt – 2026' })).toMatch(/metadata label must be printable ASCII/);
    expect(objectMetadataProblem({ label: 'a\nb' })).toMatch(/printable ASCII/);
  });

  it('refuses more than the 2 KB S3 stores', () => {
    expect(objectMetadataProblem({ notes: 'x'.repeat(2048) })).toMatch(/2053 bytes; S3 allows 2048/);
  });
});
