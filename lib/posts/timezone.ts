// Scheduling: the person picks a wall-clock time in the site's timezone; the database keeps UTC.

function offsetMs(utc: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(utc))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
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
