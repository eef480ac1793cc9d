/** A reason from the report, ended with a full stop unless it already ends a sentence. */
export function withFullStop(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A reason from the report as a note of its own: capitalised, with a full stop. */
export function sentence(text: string): string {
  const ended = withFullStop(text);
  return ended.charAt(0).toUpperCase() + ended.slice(1);
}
