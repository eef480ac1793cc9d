import { DateTime } from 'luxon';

const MINUTE_MS = 60_000;
const UNITS = [
  { name: 'day', minutes: 24 * 60 },
  { name: 'hour', minutes: 60 },
  { name: 'minute', minutes: 1 },
] as const;

/** "3 November 2026, 14:05 UTC". Seconds are dropped, never rounded up: the link must still work at the stated minute. */
export function formatUtcMinute(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: 'utc' })
    .setLocale('en-GB')
    .toFormat("d MMMM yyyy, HH:mm 'UTC'");
}

/** "7 days", "11 hours 40 minutes", "1 day 2 hours": the two largest non-zero units, whole minutes. */
export function describeLifetime(milliseconds: number): string {
  let remaining = Math.floor(milliseconds / MINUTE_MS);
  const parts: string[] = [];
  for (const unit of UNITS) {
    const count = Math.floor(remaining / unit.minutes);
    remaining -= count * unit.minutes;
    if (count > 0) parts.push(`${count} ${unit.name}${count === 1 ? '' : 's'}`);
  }
  return parts.slice(0, 2).join(' ') || 'less than a minute';
}

/**
 * The sentence finance reads about the download link. It states the link's
 * real expiry, which may be sooner than the configured lifetime (a link signed
 * with temporary credentials dies with them), measured from the run.
 */
export function describeLinkExpiry(expiresAt: Date, generatedAt: Date): string {
  const lifetime = expiresAt.getTime() - generatedAt.getTime();
  if (lifetime <= 0) return `This link stopped working at ${formatUtcMinute(expiresAt)}.`;
  return `This link works until ${formatUtcMinute(expiresAt)} (${describeLifetime(lifetime)}).`;
}
