import { CalendarClock, Eye, HeartPulse, MessageSquare } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AttentionCard } from "@/components/admin/attention-card";
import { CARD_CLASS } from "@/components/admin/panel-section";
import { RelativeTime } from "@/components/ui/relative-time";
import { listAuditPage } from "@/db/queries/audit";
import { listRecentByStatus } from "@/db/queries/post-admin-list";
import { countPostsByStatus } from "@/db/queries/posts";
import type { PostStatus } from "@/db/schema";
import { hasRole } from "@/lib/authz";
import { pendingCommentCount } from "@/lib/comments/moderation";
import { gatherSiteHealth } from "@/lib/ops/site-health";
import { requireStaff } from "@/lib/page-guards";
import { listScope } from "@/lib/posts/access";

export const metadata: Metadata = { title: "Dashboard · Quire" };

const LABELS = { published: "Published", scheduled: "Scheduled", draft: "Drafts", review: "In review" } as const;
// Enough to find the soonest: the query lists scheduled posts latest first.
const SCHEDULED_LOOKAHEAD = 200;

type Row = Awaited<ReturnType<typeof listRecentByStatus>>[number];

function PostLines({ rows, date }: { rows: Row[]; date: (row: Row) => Date | null }) {
  return (
    <ul className="space-y-1">
      {rows.map((row) => {
        const when = date(row);
        return (
          <li key={row.id}>
            <Link href={`/admin/${row.type}s/${row.id}`} className="underline">
              {row.title || "(untitled)"}
            </Link>{" "}
            <span className="text-zinc-700 dark:text-zinc-300">
              {row.authorName}
              {when && (
                <>
                  {" · "}
                  <RelativeTime date={when} />
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export default async function DashboardPage() {
  const user = await requireStaff("/admin");
  const counts = await countPostsByStatus();
  const scope = listScope(user);
  const pending = await pendingCommentCount(user); // null: this role does not moderate
  const editor = hasRole(user, "editor");
  const inReview = editor ? await listRecentByStatus({ status: "review", scope, limit: 5 }) : [];
  const scheduled = await listRecentByStatus({ status: "scheduled", scope, limit: SCHEDULED_LOOKAHEAD });
  const next = scheduled.reduce<Row | null>(
    (soonest, row) => (!soonest || (row.publishedAt ?? 0) < (soonest.publishedAt ?? 0) ? row : soonest),
    null,
  );
  const recent = (status: PostStatus, limit = 5) => listRecentByStatus({ status, scope, limit });
  const published = await recent("published");
  const drafts = await recent("draft");
  const admin = hasRole(user, "admin");
  const activity = admin ? (await listAuditPage({ page: 1, perPage: 8 })).rows : [];
  // Failed e-mail, an old backup, a late scheduler: the site-health page's list, for admins.
  const health = admin ? await gatherSiteHealth() : null;
  const calm = !pending && inReview.length === 0 && !next && !health?.attention.length;

  return (
    <>
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <Link
          href="/admin/posts/new"
          className="ml-auto rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white no-underline dark:bg-blue-300 dark:text-zinc-950"
        >
          New post
        </Link>
      </div>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">Welcome, {user.name}.</p>

      <section aria-labelledby="attention-heading" className="mt-6">
        <h2 id="attention-heading" className="text-lg font-semibold">
          Needs your attention
        </h2>
        {calm && <p className="mt-2 text-sm">Nothing is waiting for you. A good moment to write.</p>}
        <div className="mt-3 grid gap-4 md:grid-cols-3">
          {pending !== null && (
            <AttentionCard
              id="pending-heading"
              title="Comments waiting"
              icon={MessageSquare}
              count={pending}
              urgent={pending > 0}
            >
              {pending > 0 ? (
                <Link href="/admin/comments?status=pending" className="underline">
                  Moderate {pending === 1 ? "the comment" : `${pending} comments`}
                </Link>
              ) : (
                <p>Every comment has been moderated.</p>
              )}
            </AttentionCard>
          )}
          {editor && (
            <AttentionCard
              id="review-heading"
              title="Waiting for review"
              icon={Eye}
              count={counts.review ?? 0}
              urgent={inReview.length > 0}
            >
              {inReview.length > 0 ? (
                <PostLines rows={inReview} date={(row) => row.updatedAt} />
              ) : (
                <p>No post is waiting for review.</p>
              )}
            </AttentionCard>
          )}
          <AttentionCard id="next-heading" title="Next scheduled" icon={CalendarClock} urgent={false}>
            {next ? (
              <PostLines rows={[next]} date={(row) => row.publishedAt} />
            ) : (
              <p>
                Nothing is scheduled.{" "}
                <Link href="/admin/posts?status=draft" className="underline">
                  Schedule a draft
                </Link>
                .
              </p>
            )}
          </AttentionCard>
          {health && (
            <AttentionCard
              id="health-heading"
              title="Site health"
              icon={HeartPulse}
              count={health.attention.length}
              urgent={health.attention.length > 0}
            >
              {health.attention.length > 0 ? (
                <ul className="space-y-1">
                  {health.attention.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : (
                <p>All is well.</p>
              )}
              <p className="mt-2">
                <Link href="/admin/health" className="underline">
                  Open site health
                </Link>
              </p>
            </AttentionCard>
          )}
        </div>
      </section>

      <section aria-labelledby="activity-heading" className="mt-8">
        <h2 id="activity-heading" className="text-lg font-semibold">
          Recent activity
        </h2>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <section aria-labelledby="published-heading" className={CARD_CLASS}>
            <h3 id="published-heading" className="font-semibold">
              Recently published
            </h3>
            <Recent rows={published} date={(row) => row.publishedAt} empty="Nothing published yet." />
            <p className="mt-2 text-sm">
              <Link href="/admin/posts?status=published" className="underline">
                All published posts
              </Link>
            </p>
          </section>
          <section aria-labelledby="drafts-heading" className={CARD_CLASS}>
            <h3 id="drafts-heading" className="font-semibold">
              Drafts
            </h3>
            <Recent rows={drafts} date={(row) => row.updatedAt} empty="No drafts." />
            <p className="mt-2 text-sm">
              <Link href="/admin/posts?status=draft" className="underline">
                All drafts
              </Link>
            </p>
          </section>
          {activity.length > 0 && (
            <section aria-labelledby="audit-heading" className={`${CARD_CLASS} md:col-span-2`}>
              <h3 id="audit-heading" className="font-semibold">
                Staff actions
              </h3>
              <ul className="mt-2 space-y-1 text-sm">
                {activity.map((entry) => (
                  <li key={entry.id}>
                    {entry.actorLabel}: {entry.action}
                    {entry.targetType ? ` (${entry.targetType} ${entry.targetId ?? ""})` : ""}{" "}
                    <span className="text-zinc-700 dark:text-zinc-300">
                      · <RelativeTime date={entry.createdAt} />
                    </span>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-sm">
                <Link href="/admin/audit" className="underline">
                  The whole audit log
                </Link>
              </p>
            </section>
          )}
        </div>
      </section>

      <section aria-labelledby="counts-heading" className="mt-8">
        <h2 id="counts-heading" className="text-lg font-semibold">
          Content
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-4 sm:grid-cols-4">
          {Object.entries(LABELS).map(([status, label]) => (
            <div key={status} className={CARD_CLASS}>
              <dt className="text-sm text-zinc-700 dark:text-zinc-300">{label}</dt>
              <dd className="text-2xl font-bold">
                <Link href={`/admin/posts?status=${status}`} className="text-inherit no-underline">
                  {counts[status as keyof typeof LABELS] ?? 0}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

function Recent({ rows, date, empty }: { rows: Row[]; date: (row: Row) => Date | null; empty: string }) {
  return rows.length === 0 ? (
    <p className="mt-2 text-sm">{empty}</p>
  ) : (
    <div className="mt-2 text-sm">
      <PostLines rows={rows} date={date} />
    </div>
  );
}
