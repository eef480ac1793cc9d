import { z } from 'zod';

/**
 * More ACUs than one session can have used: a billion (about USD 2 billion at list price). A
 * figure above it is a wrong figure, refused at the edge naming the session and the field,
 * rather than priced into a cost beyond the FOCUS dataset's DECIMAL(38, 18) deep in a write.
 */
export const MAX_SESSION_ACUS = 1_000_000_000;

/** A session's `acus_consumed` (v2 and v3): a finite, non-negative number of plausible size, or null. */
export const wireSessionAcus = z
  .number()
  .nonnegative('must not be negative')
  .max(MAX_SESSION_ACUS, `is out of range (more than ${MAX_SESSION_ACUS} ACUs for one session)`)
  .nullable();
