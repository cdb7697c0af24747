import type { Metadata } from "next";
import Link from "next/link";
import { Pager, listHref, pageCount } from "@/components/admin/pager";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { listAuditPage } from "@/db/queries/audit";
import { can } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";
import { AUDIT_KINDS, auditSearchSchema, type SearchParams } from "@/lib/validations/admin-lists";

export const metadata: Metadata = { title: "Audit log · Quire" };

const PER_PAGE = 50;
const ACTION_OPTIONS = AUDIT_KINDS.map((kind) => ({ value: kind, label: kind.slice(0, -1) }));

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff("/admin/audit");
  if (!can(user, "audit.read")) return <p role="alert">Only administrators can read the audit log.</p>;
  const { action, page } = auditSearchSchema.parse(await searchParams);
  const { rows, total } = await listAuditPage({ page, perPage: PER_PAGE, action });
  const pages = pageCount(total, PER_PAGE);
  return (
    <>
      <h1 className="text-2xl font-bold">Audit log</h1>
      <form method="get" className="mt-4 flex items-end gap-2">
        <Select
          id="audit-action"
          label="What"
          name="action"
          defaultValue={action ?? ""}
          emptyOption="Everything"
          options={ACTION_OPTIONS}
        />
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      <table className="mt-6 w-full text-left text-sm">
        <thead>
          <tr className="border-b border-zinc-300 dark:border-zinc-700">
            <th scope="col" className="py-2">
              When (UTC)
            </th>
            <th scope="col">Who</th>
            <th scope="col">Did</th>
            <th scope="col">To</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-zinc-200 align-top dark:border-zinc-800">
              <td className="py-2 whitespace-nowrap">{row.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td>{row.actorLabel}</td>
              <td>{row.action}</td>
              <td>{row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : ""}</td>
              <td className="max-w-xs break-words font-mono text-xs">
                {row.details ? JSON.stringify(row.details).slice(0, 300) : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && (
        <p className="mt-4 rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm dark:border-zinc-700">
          {action ? (
            <>
              Nothing of this kind has been recorded.{" "}
              <Link className="underline" href="/admin/audit">
                Show everything
              </Link>
              .
            </>
          ) : (
            "Nothing recorded yet. Changes to posts, pages, tags, media, users and settings will appear here."
          )}
        </p>
      )}
      <Pager
        page={page}
        pages={pages}
        href={listHref("/admin/audit", { action })}
        labels={{ previous: "Newer", next: "Older" }}
      />
    </>
  );
}
