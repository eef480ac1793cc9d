/** The table's name in DuckDB and in Glue, so the README's SQL runs unchanged in both. */
export const FOCUS_TABLE = 'devin_focus';
