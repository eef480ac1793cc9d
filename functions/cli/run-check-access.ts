import { expiryText, keyExpiryWarning, parseKeyExpiry } from '#core/key-expiry/key-expiry.js';
import { type AccessCheck, checkAccess } from '#devin/client/check-access.js';
import type { DevinClientOptions } from '#devin/client/devin-client.js';

export interface CheckAccessIo {
  readonly env: Record<string, string | undefined>;
  readonly now: () => Date;
  readonly stdout: { write(text: string): unknown };
}

/**
 * `npm run report -- --check-access`: each endpoint once, then the table of what the key may
 * read and what the report loses without each, and the key's expiry when recorded. Exit 0 when
 * sessions can be read (the report can run), 1 otherwise.
 */
export async function runCheckAccess(
  client: DevinClientOptions,
  io: CheckAccessIo,
  json: boolean,
): Promise<number> {
  const now = io.now();
  const expiresText = io.env.DEVIN_API_KEY_EXPIRES_AT?.trim();
  const expiresAt = expiresText ? parseKeyExpiry('DEVIN_API_KEY_EXPIRES_AT', expiresText) : null;
  const check = await checkAccess(client, now);
  const warning = keyExpiryWarning(expiresAt, now);
  if (json) {
    io.stdout.write(
      `${JSON.stringify({
        apiVersion: check.version,
        canReport: check.canReport,
        keyExpiresAt: expiresAt === null ? null : expiresAt.toISOString(),
        keyExpiryWarning: warning?.text ?? null,
        endpoints: check.rows.map((r) => ({
          path: r.path,
          permission: r.permission,
          result: r.result,
          detail: r.detail,
          without: r.without,
        })),
      })}\n`,
    );
  } else {
    io.stdout.write(accessTable(check, expiresAt, warning?.text ?? null));
  }
  return check.canReport ? 0 : 1;
}

function accessTable(check: AccessCheck, expiresAt: Date | null, warning: string | null): string {
  const header = ['result', 'endpoint', 'permission', 'without it the report loses'];
  const rows = check.rows.map((r) => [
    r.detail === null ? r.result : `${r.result} (${r.detail.split(' (')[0]})`,
    `GET ${r.path}`,
    r.permission,
    r.without,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const expiry =
    expiresAt === null
      ? 'Key expiry: not recorded (set DEVIN_API_KEY_EXPIRES_AT, or "expiresAt" in the secret, to be warned 35 days before).'
      : `Key expiry: ${expiryText(expiresAt)}${warning === null ? '' : `. ${warning}`}`;
  const verdict = check.canReport
    ? 'Sessions can be read: the report can run.'
    : 'Sessions cannot be read: the report cannot run with this key.';
  return [
    `Devin API ${check.version}: what this key may read`,
    '',
    line(header),
    ...rows.map(line),
    '',
    expiry,
    verdict,
    '',
  ].join('\n');
}
