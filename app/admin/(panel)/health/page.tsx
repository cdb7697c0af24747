import type { Metadata } from "next";
import { PanelSection } from "@/components/admin/panel-section";
import { can } from "@/lib/authz";
import { type SiteHealth, gatherSiteHealth } from "@/lib/ops/site-health";
import { requireStaff } from "@/lib/page-guards";
import { formatBytes } from "@/lib/utils/format-bytes";

export const metadata: Metadata = { title: "Site health · Quire" };

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} seconds`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} minutes`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)} hours`;
  return `${Math.round(seconds / 86_400)} days`;
}

function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-zinc-700 dark:text-zinc-300">{term}</dt>
          <dd className="break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function utc(time: Date): string {
  return `${time.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** Every process serving the site, from the heartbeats they write (lib/ops/heartbeat.ts). */
function Instances({ instances, now }: { instances: SiteHealth["instances"]; now: Date }) {
  if (instances.length === 0) return <p>No heartbeat seen yet: the first is written when the server starts.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Instances seen in the last five minutes</caption>
      <thead className="text-zinc-700 dark:text-zinc-300">
        <tr>
          {["Instance", "Host", "Process", "Version", "Started", "Last seen"].map((name) => (
            <th key={name} scope="col" className="py-1 pr-4 font-medium">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {instances.map((instance) => (
          <tr key={instance.id} className="border-t border-zinc-200 dark:border-zinc-700">
            <th scope="row" className="py-1 pr-4 font-normal break-all">
              {instance.id}
              {instance.current && " (this one)"}
            </th>
            <td className="py-1 pr-4">{instance.host}</td>
            <td className="py-1 pr-4">{instance.pid}</td>
            <td className="py-1 pr-4">{instance.version}</td>
            <td className="py-1 pr-4">{utc(instance.startedAt)}</td>
            <td className="py-1 pr-4">
              {duration((now.getTime() - instance.lastSeenAt.getTime()) / 1000)} ago
              {instance.stale && (
                <strong className="ml-2 text-amber-800 dark:text-amber-300">Stale: stopped or stuck?</strong>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function HealthPage() {
  const user = await requireStaff("/admin/health");
  if (!can(user, "settings.manage")) return <p role="alert">Only administrators can see the site&rsquo;s health.</p>;
  const now = new Date();
  const health = await gatherSiteHealth(now);
  const { database, backup, outbox, pageCache } = health;
  return (
    <>
      <h1 className="text-2xl font-bold">Site health</h1>
      <PanelSection id="health-attention" title="Needs attention" className="mt-6">
        {health.attention.length === 0 ? (
          <p>Nothing: all is well.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {health.attention.map((line) => (
              <li key={line} className="text-amber-800 dark:text-amber-300">
                {line}
              </li>
            ))}
          </ul>
        )}
      </PanelSection>
      <PanelSection id="health-server" title="Server">
        <Facts
          rows={[
            ["Quire version", health.version],
            ["Up for", duration(health.uptimeSeconds)],
            ["Instance", health.instance],
            ["E-mail", health.mailConfigured ? "Configured" : "Not configured (SMTP_URL is unset)"],
          ]}
        />
      </PanelSection>
      <PanelSection id="health-instances" title="Instances">
        <Instances instances={health.instances} now={now} />
      </PanelSection>
      <PanelSection id="health-database" title="Database">
        <Facts
          rows={[
            ["Kind", database.kind],
            ...(database.kind === "SQLite"
              ? ([
                  ["File", database.file],
                  ["Size", formatBytes(database.bytes)],
                  ["Write-ahead log", formatBytes(database.walBytes)],
                ] satisfies [string, string][])
              : ([
                  ["Server", database.database],
                  ["Size", formatBytes(database.bytes)],
                ] satisfies [string, string][])),
            [
              "Last backup",
              backup
                ? `${duration(backup.ageHours * 3600)} ago (${backup.at.slice(0, 16).replace("T", " ")} UTC), ${formatBytes(backup.bytes)}, in ${backup.path}`
                : "None recorded",
            ],
          ]}
        />
      </PanelSection>
      <PanelSection id="health-outbox" title="E-mail and webhooks">
        <Facts
          rows={[
            ["Waiting", String(outbox.pending)],
            ["Oldest waiting for", outbox.pending ? duration(outbox.oldestPendingSeconds) : "Nothing waits"],
            ["Failed", String(outbox.failed)],
            ["Last error", outbox.lastError ?? "None"],
            ["Scheduler", health.schedulerLagSeconds > 0 ? `${duration(health.schedulerLagSeconds)} late` : "On time"],
          ]}
        />
      </PanelSection>
      <PanelSection id="health-cache" title="Page cache">
        {pageCache ? (
          <Facts
            rows={[
              [
                "Hit ratio",
                pageCache.hitRatio === null ? "No reader page served yet" : `${Math.round(pageCache.hitRatio * 100)} %`,
              ],
              ["Hits, misses", `${pageCache.hits}, ${pageCache.misses}`],
              ["Memory", `${formatBytes(pageCache.bytes)} of ${formatBytes(pageCache.limitBytes)}`],
            ]}
          />
        ) : (
          <p>Not running: the page cache works in the production server (`npm start`).</p>
        )}
      </PanelSection>
    </>
  );
}
