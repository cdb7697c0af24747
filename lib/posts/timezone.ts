// The site's clock. Scheduling: the person picks a wall-clock time in the site's timezone; the
// database keeps UTC. Exports write dates on that clock too (wordpress-dates.ts).

export type WallClock = { year: string; month: string; day: string; hour: string; minute: string; second: string };

// Building an Intl.DateTimeFormat costs far more than using one (a WordPress export reads the clock
// for every post, page and comment): one per zone, kept for the process. Bounded anyway.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant's date and time on `timeZone`'s clock, every part two digits (the year four).
 * Throws a RangeError for a zone this runtime does not know: callers decide what that means.
 */
export function wallClock(instant: number, timeZone: string): WallClock {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (wallClockFormats.size >= 100) wallClockFormats.clear();
    wallClockFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

function offsetMs(utc: number, timeZone: string): number {
  const clock = wallClock(utc, timeZone);
  const asUtc = Date.UTC(+clock.year, +clock.month - 1, +clock.day, +clock.hour, +clock.minute, +clock.second);
  return asUtc - Math.floor(utc / 1000) * 1000;
}

/** "2026-11-23T14:30" in `timeZone` → the UTC instant. */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const [date, time] = local.split("T");
  const [y, m, d] = date!.split("-").map(Number);
  const [h, min] = time!.split(":").map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, h!, min!);
  // Two passes settle the offset across a daylight-saving change.
  let utc = wall - offsetMs(wall, timeZone);
  utc = wall - offsetMs(utc, timeZone);
  return new Date(utc);
}

/** A UTC instant as "YYYY-MM-DDTHH:mm" on the site's clock, for a datetime-local input. */
export function utcToZonedLocal(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + offsetMs(date.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
