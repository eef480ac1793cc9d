import { describe, expect, it } from 'vitest';
import { cleanApiText } from '#email/clean-api-text.js';

describe('cleanApiText', () => {
  it('folds line breaks, tabs and other control characters into single spaces', () => {
    expect(cleanApiText('  Platform\r\n\tEngineering\u0007 ')).toBe('Platform Engineering');
  });

  it('drops bidi overrides that would make a name read backwards', () => {
    expect(cleanApiText('user\u202Egnp.exe')).toBe('usergnp.exe');
  });

  it('keeps non-ASCII letters', () => {
    expect(cleanApiText('Gus Pérez 山田')).toBe('Gus Pérez 山田');
  });
});
