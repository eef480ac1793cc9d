/** The dates and file-name parts the import formats write, from the journal's YYYY-MM-DD. */

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
