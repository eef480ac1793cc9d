import { describe, expect, it } from 'vitest';
import { clipText, lineTextOf } from '#journal-formats/line-text.js';

describe('a line text within a field limit', () => {
  it('keeps a text that fits as it is', () => {
    expect(lineTextOf({ kind: 'usage', description: 'Devin ACU usage, November 2026' }, 50)).toBe(
      'Devin ACU usage, November 2026',
    );
  });

  it('keeps the period a true-up is for, which tells two true-ups of one cost centre apart', () => {
    const august = lineTextOf(
      { kind: 'true-up', description: 'True-up August 2026: Devin ACUs used after its close' },
      25,
    );
    const september = lineTextOf(
      { kind: 'true-up', description: 'True-up September 2026: Devin ACUs used after its close' },
      25,
    );
    expect([august, september]).toEqual(['True-up August 2026', 'True-up September 2026']);
  });

  it('drops the product list of a shared-products line before its period', () => {
    expect(
      lineTextOf(
        {
          kind: 'shared-products',
          description: 'Devin shared products (Cascade, Terminal, Review), November 2026',
        },
        50,
      ),
    ).toBe('Devin shared products, November 2026');
  });

  it('cuts anything still too long and marks the cut', () => {
    expect(clipText('abcdefghij', 5)).toBe('abcd~');
    expect(
      lineTextOf({ kind: 'true-up', description: 'True-up a very long period name indeed: x' }, 10),
    ).toBe('True-up a~');
  });
});
