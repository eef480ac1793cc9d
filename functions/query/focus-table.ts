/** The table's name in DuckDB and in Glue, so the SQL of docs/focus.md runs unchanged in both. */
export const FOCUS_TABLE = 'devin_focus';
