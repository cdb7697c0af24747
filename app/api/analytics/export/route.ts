// POST /api/analytics/export (a form: days) — the analytics of the last 7, 30 or 90 days
// as CSV. Owner and administrators only (lib/analytics/export.ts).
import { handleAnalyticsExport } from "@/lib/analytics/export";

export const POST = handleAnalyticsExport;
