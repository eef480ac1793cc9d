import { describe, expect, it } from 'vitest';
import { byStatusRow, byTagRow, byText } from '#core/report/rank.js';

describe('report orderings', () => {
  it('ranks tags by ACUs, ties by tag in code-unit order, and the untagged row last', () => {
    const rows = [
      { tag: null, acus: 900n },
      { tag: 'b', acus: 5n },
      { tag: 'B', acus: 5n },
      { tag: 'a', acus: 7n },
    ];
    expect(rows.sort(byTagRow).map((r) => r.tag)).toEqual(['a', 'B', 'b', null]);
  });

  it('ranks statuses by sessions, ties by status', () => {
    const rows = [
      { status: 'running', sessions: 2 },
      { status: 'exit', sessions: 40 },
      { status: 'error', sessions: 2 },
    ];
    expect(rows.sort(byStatusRow).map((r) => r.status)).toEqual(['exit', 'error', 'running']);
  });

  it('puts null after every text, and compares by code unit, not locale', () => {
    expect(['é', null, 'z', 'Z'].sort(byText)).toEqual(['Z', 'z', 'é', null]);
  });
});
