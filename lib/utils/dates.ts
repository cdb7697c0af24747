// Dates are stored in UTC and shown in the site's timezone (a setting).

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return timeZone;
  } catch {
    return "UTC"; // a stored zone this runtime does not know must not break the page
  }
}

/** "3 March 2026" in the site's timezone. */
export function formatDate(date: Date, timeZone: string): string {
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: safeZone(timeZone),
  });
}

/** Year and month in the site's timezone, for grouping the archive: { year: 2026, month: "March" }. */
export function yearAndMonth(date: Date, timeZone: string): { year: string; month: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    year: "numeric",
    month: "long",
    timeZone: safeZone(timeZone),
  }).formatToParts(date);
  return { year: parts.find((p) => p.type === "year")!.value, month: parts.find((p) => p.type === "month")!.value };
}
