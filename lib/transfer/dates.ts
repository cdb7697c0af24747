// Dates from export files: WordPress's "YYYY-MM-DD HH:MM:SS" (with "0000-00-00 00:00:00"
// for none), ISO 8601, RFC 822. Anything outside these years is treated as no date and
// reported: Quire stores milliseconds, and a year 275760 or 0001 is a broken export.
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2200;

export function inRange(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** "2019-05-01 10:00:00" read as UTC; null for zero dates, garbage and years out of range. */
export function parseWordPressDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match || match[1] === "0000") return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return inRange(date) ? date : null;
}

/** ISO 8601 or RFC 822; null when unreadable or out of range. */
export function parseAnyDate(text: string | null | undefined): Date | null {
  if (!text || !text.trim()) return null;
  const date = new Date(text.trim());
  return inRange(date) ? date : null;
}
