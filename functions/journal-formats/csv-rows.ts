/** RFC 4180 rows with CRLF ends; a field is quoted only when it must be. */
export function csvRows(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** YYYY-MM-DD as dd/mm/yyyy. */
export function dayMonthYear(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** YYYY-MM-DD as MM/DD/YYYY. */
export function monthDayYear(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${m}/${d}/${y}`;
}

/** YYYY-MM-DD as YYYY/MM/DD (Oracle's FBDI date). */
export function slashedDate(isoDate: string): string {
  return isoDate.replaceAll('-', '/');
}

/** A file-name-safe form of an entity key. */
export function fileSlug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '_');
}
