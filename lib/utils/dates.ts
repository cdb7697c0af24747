// Dates are stored in UTC and shown in the site's timezone (a setting).

// Building an Intl.DateTimeFormat costs far more than using one (a list of ten cards built
// twenty): one per format and zone, kept for the process. Sites use one zone; bounded anyway.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(name: string, options: Intl.DateTimeFormatOptions, timeZone: string): Intl.DateTimeFormat {
  const key = `${name}@${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    } catch {
      // a stored zone this runtime does not know must not break the page
      format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" });
    }
    if (formatters.size >= 100) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric" };
const YEAR_MONTH: Intl.DateTimeFormatOptions = { year: "numeric", month: "long" };

/** "3 March 2026" in the site's timezone. */
export function formatDate(date: Date, timeZone: string): string {
  return formatter("day", DAY_MONTH_YEAR, timeZone).format(date);
}

/** Year and month in the site's timezone, for grouping the archive: { year: 2026, month: "March" }. */
export function yearAndMonth(date: Date, timeZone: string): { year: string; month: string } {
  const parts = formatter("month", YEAR_MONTH, timeZone).formatToParts(date);
  return { year: parts.find((p) => p.type === "year")!.value, month: parts.find((p) => p.type === "month")!.value };
}
