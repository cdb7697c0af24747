import { z } from "zod";

// The periods the analytics page and its CSV export offer: the last N UTC days, today included.
export const ANALYTICS_PERIODS = [7, 30, 90] as const;

export const analyticsPeriodSchema = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((days) => (ANALYTICS_PERIODS as readonly number[]).includes(days))
    .catch(30),
});

/** The first and last UTC day (YYYY-MM-DD) of the last `days` days. */
export function periodDays(days: number, now = Date.now()): { from: string; to: string } {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(now - (days - 1) * 86_400_000), to: day(now) };
}
