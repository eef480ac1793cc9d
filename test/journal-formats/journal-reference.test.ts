import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SHORT_REFERENCE_MAX, shortReferenceOf } from '#journal-formats/journal-reference.js';

describe('the short journal reference', () => {
  it('is DC + yymm + the first six hex of the run id SHA-256: stable for one close', () => {
    const hash = createHash('sha256').update('run-7f3a').digest('hex').slice(0, 6);
    expect(shortReferenceOf('2026-11', 'run-7f3a')).toBe(`DC2611-${hash}`);
    expect(shortReferenceOf('2026-11', 'run-7f3a')).toBe(shortReferenceOf('2026-11', 'run-7f3a'));
  });

  it('differs for another run of the period and for another period, and stays within 16 characters', () => {
    const refs = new Set(
      ['2026-10', '2026-11', '2026-10-01_2026-10-15', '2026-10-02_2026-10-15'].flatMap((slug) =>
        Array.from({ length: 200 }, (_, i) => shortReferenceOf(slug, `run-${i}`)),
      ),
    );
    expect(refs.size).toBe(800);
    for (const ref of refs) expect(ref.length).toBeLessThanOrEqual(SHORT_REFERENCE_MAX);
    expect(shortReferenceOf('2026-10-01_2026-10-15', 'r')).toMatch(/^DC261001-[0-9a-f]{6}$/);
  });

  it('refuses a slug that does not start with a month', () => {
    expect(() => shortReferenceOf('november', 'r')).toThrow(
      'period slug november does not start with YYYY-MM',
    );
  });
});
