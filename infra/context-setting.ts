import { z } from 'zod';
import type { Setting } from '#config/setting.js';

/**
 * A setting's schema (functions/config) over a CDK context value: `-c` gives text, cdk.json may
 * give a number, a boolean or a list, and blank means unset. `absent` says what unset gives: the
 * setting's default, or nothing (the stack then leaves the function's variable out); `text` keeps
 * the given text, checked, for a variable the stack passes on as written.
 */
export function contextSetting<T>(setting: Setting<T>, absent: 'default'): z.ZodType<T>;
export function contextSetting<T>(setting: Setting<T>, absent: 'omitted'): z.ZodType<T | undefined>;
export function contextSetting<T>(
  setting: Setting<T>,
  absent: 'omitted',
  keep: 'text',
): z.ZodType<string | undefined>;
export function contextSetting<T>(
  setting: Setting<T>,
  absent: 'default' | 'omitted',
  keep: 'value' | 'text' = 'value',
): z.ZodType<unknown> {
  return z
    .unknown()
    .optional()
    .transform((raw, ctx) => {
      const text = contextText(raw);
      if (text === null) {
        ctx.addIssue({ code: 'custom', message: 'must be text' });
        return z.NEVER;
      }
      if (text === undefined && absent === 'omitted') return undefined;
      const parsed = setting.schema.safeParse(text);
      if (parsed.success) return keep === 'text' ? text : parsed.data;
      for (const issue of parsed.error.issues) {
        const named = issue.code === 'custom' ? (issue.params as { value?: unknown } | undefined) : undefined;
        // A list's one bad item is named before the problem: "sap" is not a journal format.
        const item =
          named?.value !== undefined && named.value !== text ? `${JSON.stringify(named.value)} ` : '';
        ctx.addIssue({ code: 'custom', message: `${item}${issue.message}` });
      }
      return z.NEVER;
    });
}

/** The value as text, undefined when unset or blank, null when it cannot be a setting's text. */
function contextText(raw: unknown): string | undefined | null {
  if (raw === undefined || raw === null) return undefined;
  if (Array.isArray(raw)) return contextText(raw.join(','));
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  return text === '' ? undefined : text;
}
