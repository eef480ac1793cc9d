import type { TokenRefusal } from './token/link-token.js';

/**
 * One line per request, for "who opened the March report, and when". It names
 * a token only by its id (a hash prefix) and never holds a presigned URL.
 */
export interface AccessLogEntry {
  readonly route: 'landing' | 'download' | 'none';
  readonly method: string;
  readonly status: number;
  readonly outcome:
    | 'viewed'
    | 'downloaded'
    /** A HEAD: answered from the object's presence alone, nothing presigned. */
    | 'checked'
    | 'invalid-token'
    | 'expired'
    | 'report-gone'
    | 'no-token'
    | 'method-not-allowed'
    | 'error';
  /** Why a token was refused: for the operator, never shown on the page. */
  readonly reason?: TokenRefusal | 'outside-prefix';
  readonly tokenId?: string;
  readonly objectKey?: string;
  /** The period's slug from the object's metadata, e.g. '2026-10'. */
  readonly period?: string;
  readonly sourceIp: string;
  readonly userAgent: string;
}
