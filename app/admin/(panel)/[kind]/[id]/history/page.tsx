import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreRevisionButton } from "@/components/admin/restore-revision-button";
import { Button } from "@/components/ui/button";
import { getPostForEditor, getRevision, listRevisions } from "@/db/queries/post-editor";
import { restoreRevisionAction } from "@/lib/actions/restore-revision";
import { idOf, kindOf } from "@/lib/posts/admin-kind";
import { requireStaff } from "@/lib/page-guards";
import { editScope } from "@/lib/posts/access";
import { textDiff } from "@/lib/posts/text-diff";
import { revisionCompareSearchSchema, type SearchParams } from "@/lib/validations/admin-lists";

export const metadata: Metadata = { title: "History · Quire" };

const KIND = {
  autosave: "Autosave",
  save: "Saved",
  publish: "Published",
  conflict: "Refused save (conflict)",
  restore: "Restored",
} as const;
// The two ends of the comparison: the older revision is `a`, the newer `b`.
const ENDS = [
  { name: "a", word: "from" },
  { name: "b", word: "to" },
] as const;
const at = (date: Date) => `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;

type Props = { params: Promise<{ kind: string; id: string }>; searchParams: Promise<SearchParams> };

export default async function HistoryPage({ params, searchParams }: Props) {
  const { kind: segment, id: rawId } = await params;
  const kind = kindOf(segment);
  const id = idOf(rawId);
  const user = await requireStaff(`/admin/${kind.segment}/${id}/history`);
  const scope = editScope(user);
  const post = await getPostForEditor({ id, scope });
  if (!post) notFound();
  const revisions = await listRevisions({ postId: id, scope });
  const { a, b } = revisionCompareSearchSchema.parse(await searchParams);
  // By default: the newest revision against the one before it.
  const older = await getRevision({ postId: id, revisionId: a ?? revisions[1]?.id ?? 0, scope });
  const newer = await getRevision({ postId: id, revisionId: b ?? revisions[0]?.id ?? 0, scope });
  const diff =
    older && newer ? textDiff(`${older.title}\n\n${older.markdown}`, `${newer.title}\n\n${newer.markdown}`) : [];
  return (
    <>
      <h1 className="text-2xl font-bold">History of “{post.title}”</h1>
      <p className="mt-1 text-sm">
        <Link href={`/admin/${kind.segment}/${id}`}>Back to the editor</Link>
      </p>
      {/* The radios belong to the compare form by id, so each row's restore form is not nested in it. */}
      <div className="mt-6 space-y-3">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-300 dark:border-zinc-700">
              <th scope="col">Compare from</th>
              <th scope="col">to</th>
              <th scope="col">Revision</th>
              <th scope="col">By</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => {
              const label = `${KIND[revision.kind]}, ${at(revision.createdAt)}`;
              return (
                <tr key={revision.id} className="border-b border-zinc-200 dark:border-zinc-800">
                  {ENDS.map((end) => (
                    <td key={end.name}>
                      <input
                        type="radio"
                        form="compare"
                        name={end.name}
                        value={revision.id}
                        defaultChecked={revision.id === (end.name === "a" ? older : newer)?.id}
                        aria-label={`Compare ${end.word}: ${label}`}
                      />
                    </td>
                  ))}
                  <td className="py-2">
                    {label} — {revision.title}
                  </td>
                  <td>{revision.authorName ?? "—"}</td>
                  <td>
                    <RestoreRevisionButton
                      action={restoreRevisionAction}
                      postId={id}
                      revisionId={revision.id}
                      label={`Restore: ${label}`}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <form id="compare" method="get">
          <Button type="submit" variant="secondary">
            Compare
          </Button>
        </form>
      </div>
      {older && newer && (
        <section aria-labelledby="diff-heading" className="mt-8">
          <h2 id="diff-heading" className="text-lg font-semibold">
            Changes from {KIND[older.kind].toLowerCase()} ({at(older.createdAt)}) to {KIND[newer.kind].toLowerCase()} (
            {at(newer.createdAt)})
          </h2>
          <pre
            data-testid="diff"
            className="mt-3 whitespace-pre-wrap rounded-md border border-zinc-300 bg-white p-4 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {diff.map((part, index) =>
              part.kind === "added" ? (
                <ins
                  key={index}
                  className="bg-green-100 text-green-950 no-underline dark:bg-green-950 dark:text-green-100"
                >
                  {part.text}
                </ins>
              ) : part.kind === "removed" ? (
                <del key={index} className="bg-red-100 text-red-950 dark:bg-red-950 dark:text-red-100">
                  {part.text}
                </del>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </pre>
        </section>
      )}
    </>
  );
}
