import { type WallClock, wallClock } from "../../posts/timezone";

// WordPress keeps two clocks per date: `post_date` on the site's wall clock and
// `post_date_gmt` in UTC, both written "YYYY-MM-DD HH:MM:SS"; RSS's pubDate is RFC 822.

export function wpGmt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** The same instant on the site's clock (UTC when the zone is unknown). */
export function wpLocal(ms: number, timeZone: string): string {
  let clock: WallClock;
  try {
    clock = wallClock(ms, timeZone);
  } catch {
    return wpGmt(ms);
  }
  return `${clock.year}-${clock.month}-${clock.day} ${clock.hour}:${clock.minute}:${clock.second}`;
}

export function rfc822(ms: number): string {
  return new Date(ms).toUTCString().replace("GMT", "+0000");
}
