import { TimeWithTooltip } from "./time-with-tooltip";

// "3 hours ago" in the list, the exact UTC time in a tooltip and for machines. Rendered on the server,
// where admin pages are rendered per request, so "now" is the time of the request.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function relativeTime(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return Math.abs(seconds) < 45 ? "just now" : format.format(Math.trunc(seconds / 60), "minute");
}

export const exactTime = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function RelativeTime({ date, now = new Date() }: { date: Date; now?: Date }) {
  return <TimeWithTooltip iso={date.toISOString()} text={relativeTime(date, now)} exact={exactTime(date)} />;
}
