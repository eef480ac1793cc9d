import type { CheckRow } from '#core/check/check-row.js';
import type { AccessCheck } from '#devin/client/check-access.js';

/** `--check-access`'s table as check rows: a refused or missing endpoint is a problem, with what the report loses. */
export function accessRows(check: AccessCheck): CheckRow[] {
  return check.rows.map((row) => {
    const item = `Devin ${check.version} GET ${row.route}`;
    if (row.result === 'ok') return { item, status: 'ok', found: `readable (${row.permission})`, todo: '' };
    if (row.result === 'not checked') {
      return { item, status: 'not checked', found: row.detail ?? 'no id to ask with', todo: '' };
    }
    return {
      item,
      status: 'problem',
      found: `${row.result}${row.detail === null ? '' : `: ${row.detail}`}`,
      todo: `grant ${row.permission}; without it the report loses ${row.without}`,
    };
  });
}
