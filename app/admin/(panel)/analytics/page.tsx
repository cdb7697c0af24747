import type { Metadata } from "next";
import Link from "next/link";
import { AnalyticsChart } from "@/components/admin/analytics-chart";
import { PanelSection } from "@/components/admin/panel-section";
import { Button } from "@/components/ui/button";
import { analyticsSummary, type Ranked } from "@/db/queries/analytics";
import { getSettings } from "@/db/queries/settings";
import { ANALYTICS_PERIODS, analyticsPeriodSchema, periodDays } from "@/lib/analytics/range";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Analytics · Quire" };

const number = new Intl.NumberFormat("en-GB");
const DEVICE_LABELS: Record<string, string> = { desktop: "Desktop", mobile: "Mobile", tablet: "Tablet" };
const TABLE = "mt-2 w-full max-w-3xl text-left text-sm";
const HEAD_ROW = "border-b border-zinc-300 dark:border-zinc-700";
const ROW = "border-b border-zinc-200 dark:border-zinc-800";

function Share({ rows, label, name }: { rows: Ranked[]; label: string; name: (key: string) => string }) {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  if (rows.length === 0) return <p className="text-sm">No views in this period.</p>;
  return (
    <table className={TABLE}>
      <thead>
        <tr className={HEAD_ROW}>
          <th scope="col" className="py-2">
            {label}
          </th>
          <th scope="col" className="text-right">
            Views
          </th>
          <th scope="col" className="text-right">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={ROW}>
            <th scope="row" className="py-2 font-normal break-all">
              {name(row.key)}
            </th>
            <td className="text-right tabular-nums">{number.format(row.count)}</td>
            <td className="text-right tabular-nums">{total ? Math.round((row.count / total) * 100) : 0} %</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const user = await requireStaff("/admin/analytics");
  if (!hasRole(user, "admin")) return <p role="alert">Only the owner and administrators can see the analytics.</p>;
  const { days } = analyticsPeriodSchema.parse(await searchParams);
  const { from, to } = periodDays(days);
  const summary = await analyticsSummary(from, to);
  const { analyticsEnabled, analyticsRetentionDays } = await getSettings();
  return (
    <>
      <h1 className="text-2xl font-bold">Analytics</h1>
      <p className="mt-2 max-w-prose text-sm">
        Reader page views counted by the server, without cookies or scripts; no address or browser is stored. Days are
        UTC. Counts are written every few seconds. Counts are kept for {analyticsRetentionDays} days (
        <Link href="/admin/settings#analytics-settings" className="underline">
          analytics settings
        </Link>
        ).
      </p>
      {!analyticsEnabled && (
        <p role="status" className="mt-2 font-semibold">
          Analytics is turned off: nothing is being counted.
        </p>
      )}
      <nav aria-label="Period" className="mt-4 flex gap-4 text-sm">
        {ANALYTICS_PERIODS.map((period) => (
          <Link
            key={period}
            href={`/admin/analytics?days=${period}`}
            aria-current={period === days ? "page" : undefined}
            className={period === days ? "font-bold" : undefined}
          >
            Last {period} days
          </Link>
        ))}
      </nav>
      <dl className="mt-4 flex flex-wrap gap-8">
        <div>
          <dt className="text-sm">Views</dt>
          <dd className="text-2xl font-bold tabular-nums">{number.format(summary.totals.views)}</dd>
        </div>
        <div>
          <dt className="text-sm">Visitors</dt>
          <dd className="text-2xl font-bold tabular-nums">{number.format(summary.totals.visitors)}</dd>
        </div>
        <div>
          <dt className="text-sm">Bot views (not counted above)</dt>
          <dd className="text-2xl font-bold tabular-nums">{number.format(summary.totals.bots)}</dd>
        </div>
      </dl>
      <PanelSection id="analytics-trend" title={`Views and visitors, last ${days} days`}>
        <AnalyticsChart daily={summary.daily} titleId="analytics-chart-title" />
        <details className="mt-2">
          <summary className="cursor-pointer text-sm">Show the numbers per day</summary>
          <table className={TABLE}>
            <caption className="text-left text-sm font-semibold">Views and visitors per day</caption>
            <thead>
              <tr className={HEAD_ROW}>
                <th scope="col" className="py-2">
                  Day (UTC)
                </th>
                <th scope="col" className="text-right">
                  Views
                </th>
                <th scope="col" className="text-right">
                  Visitors
                </th>
                <th scope="col" className="text-right">
                  Bot views
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.daily.map((point) => (
                <tr key={point.day} className={ROW}>
                  <th scope="row" className="py-1 font-normal">
                    {point.day}
                  </th>
                  <td className="text-right tabular-nums">{number.format(point.views)}</td>
                  <td className="text-right tabular-nums">{number.format(point.visitors)}</td>
                  <td className="text-right tabular-nums">{number.format(point.bots)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </PanelSection>
      <PanelSection id="analytics-top-pages" title="Top pages">
        <Share
          rows={summary.topPaths}
          label="Page"
          name={(key) => {
            const title = summary.topPaths.find((p) => p.key === key)?.title;
            return title ? `${title} (${key})` : key;
          }}
        />
      </PanelSection>
      <PanelSection id="analytics-referrers" title="Top referrers">
        <Share rows={summary.referrers} label="Came from" name={(key) => key || "Direct or unknown"} />
      </PanelSection>
      <PanelSection id="analytics-devices" title="Devices">
        <Share rows={summary.devices} label="Device" name={(key) => DEVICE_LABELS[key] ?? key} />
      </PanelSection>
      <PanelSection id="analytics-export" title="Export">
        <form method="post" action="/api/analytics/export" className="flex items-end gap-2">
          <input type="hidden" name="days" value={days} />
          <Button type="submit" variant="secondary">
            Download the last {days} days as CSV
          </Button>
        </form>
      </PanelSection>
    </>
  );
}
