// WordPress keeps two clocks per date: `post_date` on the site's wall clock and
// `post_date_gmt` in UTC, both written "YYYY-MM-DD HH:MM:SS"; RSS's pubDate is RFC 822.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function wpGmt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** The same instant on the site's clock (UTC when the zone is unknown). */
export function wpLocal(ms: number, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(timeZone).formatToParts(ms);
  } catch {
    return wpGmt(ms);
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}

export function rfc822(ms: number): string {
  return new Date(ms).toUTCString().replace("GMT", "+0000");
}
