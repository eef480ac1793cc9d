import { describe, expect, it } from 'vitest';
import { isSettled } from '#core/report/settled.js';

describe('isSettled', () => {
  it.each(['exit', 'error'])('settles a %s session', (status) => {
    expect(isSettled(status)).toBe(true);
  });
  it.each(['new', 'claimed', 'running', 'resuming', 'suspended', 'blocked', 'EXIT', ''])(
    'leaves a %s session unsettled',
    (status) => {
      expect(isSettled(status)).toBe(false);
    },
  );
});
