// Issue 27: errors name the file, the field and the value. A damaged close.json names its path
// (and the field and value when it is JSON); a session's out-of-range ACUs name the session and
// the field. Neither is a wrong option: exit code 2 stays reserved for those.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useReportCli } from '../support/report-cli-harness.js';

const harness = useReportCli({
  key: 'cog_error_names_service_user_secret_a51c',
  seed: 55,
  sessions: 100,
  now: new Date('2026-12-06T14:00:00Z'),
  folderPrefix: 'error-names-',
});

describe('errors that name what is wrong', () => {
  it('a damaged close.json names its path, and the field and value it holds', async () => {
    expect((await harness.cli('--month', '2026-10', '--close')).code).toBe(0);
    const path = join(harness.out(), 'devin-acu-chargeback-2026-10.close.json');
    const text = await readFile(path, 'utf8');

    const record = JSON.parse(text) as { totals: { acus: string } };
    record.totals.acus = 'twelve';
    await writeFile(path, JSON.stringify(record));
    const edited = await harness.cli('--month', '2026-10', '--close');
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain(`${path} totals.acus is not a valid close record`);
    expect(edited.stderr).toContain('"twelve"');

    await writeFile(path, text.slice(0, text.length / 2));
    const torn = await harness.cli('--month', '2026-10');
    expect(torn.code).toBe(1);
    expect(torn.stderr).toContain(`${path} is not a valid close record: it is not JSON`);
    await writeFile(path, text);
  }, 120_000);

  it("a session's out-of-range ACUs name the session and the field", async () => {
    const data = harness.data();
    const [first, ...rest] = data.sessions.filter((s) => s.created_at.startsWith('2026-11'));
    if (first === undefined) throw new Error('no November session');
    harness.api().setData({
      ...data,
      sessions: data.sessions.map((s) => (s === first ? { ...s, acus_consumed: 1e21 } : s)),
    });
    const run = await harness.cli('--month', '2026-11');
    harness.api().setData(data);
    expect(rest.length).toBeGreaterThan(0);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`session ${first.session_id}`);
    expect(run.stderr).toContain('field "acus_consumed" is out of range');
    expect(run.stderr).toContain('1e+21');
  }, 120_000);
});
