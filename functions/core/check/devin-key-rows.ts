import { expiryText, KEY_EXPIRY_WARNING_DAYS, keyExpiryWarning } from '../key-expiry/key-expiry.js';
import type { CheckRow } from './check-row.js';

/**
 * Devin keys start `cog_` (v3 service user or personal token) or `apk_` (v2). The secret the stack
 * creates holds a random 32-character value until the operator puts a key in (so a run fails with
 * 401 rather than read a placeholder): a value without either prefix is that placeholder, or a
 * paste of something else.
 */
export function isDevinKeyShape(key: string): boolean {
  return /^(cog_|apk_)\S+$/.test(key);
}

/** The secret as read: its key and recorded expiry, or why it could not be read. */
export type KeySecretReading =
  | { readonly kind: 'read'; readonly key: string; readonly expiresAt: Date | null }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** The key's two rows: set and not the placeholder; its recorded expiry. */
export function devinKeyRows(secretId: string, reading: KeySecretReading, now: Date): CheckRow[] {
  const put = `aws secretsmanager put-secret-value --secret-id '${secretId}' --secret-string '{"key":"cog_...","expiresAt":"YYYY-MM-DD"}'`;
  if (reading.kind === 'unreadable') {
    return [
      { item: 'Devin API key secret', status: 'problem', found: reading.reason, todo: put },
      {
        item: 'Devin API key expiry',
        status: 'not checked',
        found: 'the secret could not be read',
        todo: '',
      },
    ];
  }
  if (!isDevinKeyShape(reading.key)) {
    return [
      {
        item: 'Devin API key secret',
        status: 'problem',
        found: `${secretId} holds no Devin key (no cog_ or apk_ prefix): still the random placeholder the stack created`,
        todo: put,
      },
      { item: 'Devin API key expiry', status: 'not checked', found: 'no key yet', todo: '' },
    ];
  }
  // Only the prefix: the check's output goes to terminals and logs.
  const keyRow: CheckRow = {
    item: 'Devin API key secret',
    status: 'ok',
    found: `${secretId} holds ${reading.key.startsWith('cog_') ? 'a cog_ (v3)' : 'an apk_ (v2)'} key`,
    todo: '',
  };
  if (reading.expiresAt === null) {
    return [
      keyRow,
      {
        item: 'Devin API key expiry',
        status: 'not checked',
        found: 'not recorded in the secret',
        todo: `add "expiresAt":"YYYY-MM-DD" to the secret, to be warned ${KEY_EXPIRY_WARNING_DAYS} days before`,
      },
    ];
  }
  const warning = keyExpiryWarning(reading.expiresAt, now);
  return [
    keyRow,
    warning === null
      ? {
          item: 'Devin API key expiry',
          status: 'ok',
          found: `expires on ${expiryText(reading.expiresAt)}`,
          todo: '',
        }
      : { item: 'Devin API key expiry', status: 'problem', found: warning.text, todo: put },
  ];
}
