/**
 * Names and IDs come from the API: a stray newline or tab would break the
 * text table, and bidi overrides could make one name read as another.
 */
export function cleanApiText(apiText: string): string {
  return apiText
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}
