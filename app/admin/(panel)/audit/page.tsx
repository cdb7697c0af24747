import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { listAuditPage } from "@/db/queries/audit";
import { can } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Audit log · Quire" };

const PER_PAGE = 50;
const KINDS = ["post.", "page.", "tag.", "media.", "user.", "settings.", "site."];

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<{ action?: string; page?: string }>;
}) {
  const user = await requireStaff("/admin/audit");
  if (!can(user, "audit.read")) return <p role="alert">Only administrators can read the audit log.</p>;
  const { action: rawAction, page: rawPage } = await searchParams;
  const action = KINDS.find((kind) => kind === rawAction);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(rawPage ?? "", 10) || 1));
  const { rows, total } = listAuditPage({ page, perPage: PER_PAGE, action });
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const link = (p: number) => `/admin/audit?${new URLSearchParams({ ...(action ? { action } : {}), page: String(p) })}`;
  return (
    <>
      <h1 className="text-2xl font-bold">Audit log</h1>
      <form method="get" className="mt-4 flex items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="audit-action" className="block text-sm font-medium">
            What
          </label>
          <select
            id="audit-action"
            name="action"
            defaultValue={action ?? ""}
            className="rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900"
          >
            <option value="">Everything</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind.slice(0, -1)}
              </option>
            ))}
          </select>
        </div>
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
      <nav aria-label="Pagination" className="mt-4 flex gap-4 text-sm">
        {page > 1 && <Link href={link(page - 1)}>Newer</Link>}
        <span>
          Page {page} of {pages}
        </span>
        {page < pages && <Link href={link(page + 1)}>Older</Link>}
      </nav>
    </>
  );
}
