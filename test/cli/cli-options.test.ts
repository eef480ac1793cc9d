import { describe, expect, it } from 'vitest';
import { parseCliOptions } from '#cli/cli-options.js';
import { InvalidInputError } from '#core/errors.js';

function failure(argv: readonly string[], env: Record<string, string | undefined> = {}): InvalidInputError {
  try {
    parseCliOptions(argv, env);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('--max-session-rows', () => {
  it('lists a million session rows unless told otherwise', () => {
    expect(parseCliOptions([], {}).maxSessionRows).toBe(1_000_000);
    expect(parseCliOptions(['--max-session-rows', '5'], {}).maxSessionRows).toBe(5);
    expect(parseCliOptions([], { MAX_SESSION_ROWS: '250000' }).maxSessionRows).toBe(250_000);
    expect(parseCliOptions([], { MAX_SESSION_ROWS: ' ' }).maxSessionRows).toBe(1_000_000);
  });

  it('prefers the flag to MAX_SESSION_ROWS', () => {
    expect(parseCliOptions(['--max-session-rows', '7'], { MAX_SESSION_ROWS: '9' }).maxSessionRows).toBe(7);
  });

  it('takes the highest cap that leaves the sheet room under Excel’s 1,048,576 rows', () => {
    expect(parseCliOptions(['--max-session-rows', '1048561'], {}).maxSessionRows).toBe(1_048_561);
    expect(failure(['--max-session-rows', '1048562']).message).toBe(
      '--max-session-rows: "1048562" must be a whole number from 1 to 1,048,561 (Excel\'s 1,048,576 rows a sheet, less the sheet\'s title, header, Total and notes)',
    );
  });

  it.each(['0', '-3', '2.5', 'lots', '1e6'])('refuses %j, naming the flag and the value', (value) => {
    const error = failure([`--max-session-rows=${value}`]);
    expect(error.field).toBe('--max-session-rows');
    expect(error.value).toBe(value);
    expect(error.message).toContain(`--max-session-rows: ${JSON.stringify(value)} must be a whole number`);
  });

  it('refuses the flag given blank, which would otherwise read as unset', () => {
    expect(failure(['--max-session-rows=']).message).toBe(
      '--max-session-rows: "" needs a value; leave the flag out for the default (1,000,000)',
    );
  });

  it('names MAX_SESSION_ROWS when the bad value comes from the environment', () => {
    const error = failure([], { MAX_SESSION_ROWS: 'none' });
    expect(error.field).toBe('MAX_SESSION_ROWS');
    expect(error.message).toMatch(/^MAX_SESSION_ROWS: "none" must be a whole number from 1 to/);
  });
});
