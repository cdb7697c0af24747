import "server-only";
import { analyticsRows } from "@/db/queries/analytics";
import { route } from "../route";
import { csvField } from "./csv";
import { analyticsPeriodSchema, periodDays } from "./range";

/**
 * POST /api/analytics/export (a form: days = 7, 30 or 90): the period's daily rows as CSV.
 * Owner and administrators only (route() checks the session, the role and the Origin).
 */
export const handleAnalyticsExport = route({ auth: { session: "admin" } }, async (request) => {
  const form = await request.formData().catch(() => null);
  const { days } = analyticsPeriodSchema.parse({ days: form?.get("days") ?? undefined });
  const { from, to } = periodDays(days);
  const lines = ["day,dimension,key,count"];
  for (const row of await analyticsRows(from, to)) {
    lines.push([row.day, row.dimension, csvField(row.key), String(row.count)].join(","));
  }
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="quire-analytics-${from}-to-${to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
